import { describe, expect, it } from 'vitest';
import { occurrenceStarts } from './rrule.js';
import { PARSE_COST, recurrenceCost } from './rrule-cost.js';

const WEEK = 20_780; // 2026-11-23, a Monday
const MONDAY = WEEK * 1440;
const list = (from: number, to: number): string => Array.from({ length: to - from + 1 }, (_, i) => from + i).join(',');

describe('recurrenceCost', () => {
  it('counts a clinic rule as the few occurrences it has', () => {
    expect(recurrenceCost('DTSTART:20261123T090000\nRRULE:FREQ=WEEKLY;BYDAY=MO,WE,FR', WEEK).perWeek).toBe(3);
    expect(recurrenceCost('DTSTART:20261107T090000\nRRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=SA', WEEK).perWeek).toBe(1);
    expect(recurrenceCost('DTSTART:20261101T090000\nRRULE:FREQ=DAILY', WEEK).perWeek).toBe(7);
  });

  it('multiplies the times of a day: BYHOUR x BYMINUTE x BYSECOND', () => {
    const text = `DTSTART:20261123T000000\nRRULE:FREQ=DAILY;BYHOUR=${list(0, 23)};BYMINUTE=${list(0, 59)};BYSECOND=${list(0, 59)}`;
    expect(recurrenceCost(text, WEEK).perWeek).toBe(7 * 24 * 60 * 60);
  });

  it('counts BYSETPOS as what it keeps, and RDATEs one each', () => {
    expect(recurrenceCost('DTSTART:20200101T090000\nRRULE:FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1', WEEK).perWeek).toBe(2);
    expect(recurrenceCost('DTSTART:20261123T090000\nRDATE:20261124T090000,20261125T100000', WEEK).perWeek).toBe(2);
  });

  it('charges the walk from an old DTSTART only to the rules the expander does not move near the week', () => {
    const weekly = (year: number): number => recurrenceCost(`DTSTART:${year}0105T090000\nRRULE:FREQ=WEEKLY;BYDAY=MO`, WEEK).expansion;
    expect(weekly(1900)).toBe(weekly(2026));
    const monthly = (year: number): number => recurrenceCost(`DTSTART:${year}0101T000000\nRRULE:FREQ=MONTHLY;BYMONTHDAY=${list(1, 31)};BYHOUR=${list(0, 23)}`, WEEK).expansion;
    expect(monthly(2026)).toBeLessThan(10_000);
    // 127 years of 24 candidates a day: about 1.1 million.
    expect(monthly(1900)).toBeGreaterThan(1_000_000);
  });

  it('stops the walk at UNTIL', () => {
    const dense = `FREQ=MONTHLY;BYMONTHDAY=${list(1, 31)};BYHOUR=${list(0, 23)}`;
    expect(recurrenceCost(`DTSTART:19000101T000000\nRRULE:${dense};UNTIL=19000301T000000`, WEEK).expansion).toBeLessThan(10_000);
  });

  it('bounds COUNT walks by COUNT', () => {
    const counted = recurrenceCost('DTSTART:19000101T090000\nRRULE:FREQ=MONTHLY;BYMONTHDAY=1;COUNT=10', WEEK).expansion;
    const endless = recurrenceCost('DTSTART:19000101T090000\nRRULE:FREQ=MONTHLY;BYMONTHDAY=1', WEEK).expansion;
    expect(counted).toBeLessThan(endless);
  });

  it('never counts fewer occurrences than the week has', () => {
    const rules = [
      'DTSTART:20261123T090000\nRRULE:FREQ=WEEKLY;BYDAY=MO,WE,FR',
      'DTSTART:20261101T090000\nRRULE:FREQ=DAILY;BYHOUR=9,13,17;BYMINUTE=0,30',
      'DTSTART:20261101T090000\nRRULE:FREQ=DAILY;INTERVAL=2;BYHOUR=8,20',
      'DTSTART:20200101T090000\nRRULE:FREQ=MONTHLY;BYMONTHDAY=23,24,25,-1,-2;BYHOUR=9,10',
      'DTSTART:20200101T090000\nRRULE:FREQ=MONTHLY;BYDAY=4MO,4TU,-1FR;BYHOUR=9,10',
      'DTSTART:20200101T090000\nRRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=MO,TU,WE,TH,FR,SA,SU;BYMINUTE=0,15,30,45',
      'DTSTART:20200101T090000\nRRULE:FREQ=YEARLY;BYYEARDAY=327,328,329,330',
      'DTSTART:20261123T090000\nRRULE:FREQ=WEEKLY;BYDAY=TU\nRDATE:20261124T120000,20261126T120000',
    ];
    for (const text of rules) {
      const occurrences = occurrenceStarts(text, MONDAY, MONDAY + 7 * 1440).length;
      expect(occurrences, text).toBeGreaterThan(0);
      expect(recurrenceCost(text, WEEK).perWeek, text).toBeGreaterThanOrEqual(occurrences);
    }
  });

  it('charges parsing even without a week', () => {
    expect(recurrenceCost('DTSTART:20261123T090000\nRRULE:FREQ=WEEKLY;BYDAY=MO').expansion).toBeGreaterThan(PARSE_COST);
  });
});
