import { describe, expect, it } from 'vitest';
import { occurrenceStarts, parseRecurrence, recurrenceProblem } from './rrule.js';
import { dayNumber } from './week.js';

const MONDAY = (dayNumber('2026-11-23') ?? 0) * 1440;
const WEEK_END = MONDAY + 7 * 1440;

describe('recurrenceProblem', () => {
  it('accepts floating DAILY, WEEKLY, MONTHLY and YEARLY rules with EXDATE and RDATE', () => {
    for (const text of [
      'DTSTART:20261102T090000\nRRULE:FREQ=WEEKLY;BYDAY=MO,WE',
      'DTSTART:20261102T090000\nRRULE:FREQ=DAILY;INTERVAL=2;UNTIL=20261231T000000',
      'DTSTART:20261102T090000\nRRULE:FREQ=MONTHLY;BYDAY=2TU',
      'DTSTART:20261102T090000\nRRULE:FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO',
      'DTSTART:20261102T090000\nRRULE:FREQ=WEEKLY;COUNT=4\nEXDATE:20261109T090000\nRDATE:20261111T090000',
    ]) {
      expect(recurrenceProblem(text), text).toBeUndefined();
    }
  });

  it('names what validation must reject', () => {
    const cases: Array<[string, RegExp]> = [
      ['not a rule', /malformed/],
      ['RRULE:FREQ=DAILY', /no DTSTART/],
      ['DTSTART;TZID=America/New_York:20261102T090000\nRRULE:FREQ=DAILY', /TZID/],
      ['DTSTART:20261102T090000Z\nRRULE:FREQ=DAILY', /UTC/],
      ['DTSTART:20261102T090000\nEXDATE:20261103T090000Z\nRRULE:FREQ=DAILY', /EXDATE is in UTC/],
      ['DTSTART:20261102T090000', /no RRULE/],
      ['DTSTART:20261102T090000\nRRULE:FREQ=HOURLY', /HOURLY is finer than DAILY/],
      ['DTSTART:20261102T090000\nRRULE:FREQ=SECONDLY', /finer than DAILY/],
      ['DTSTART:18000101T090000\nRRULE:FREQ=DAILY', /1900/],
      ['DTSTART:20261102T090000\nRRULE:FREQ=DAILY;INTERVAL=0', /INTERVAL/],
      ['DTSTART:20261102T090000\nRRULE:FREQ=DAILY;COUNT=abc', /COUNT/],
      ['DTSTART:20261102T090000\nRRULE:FREQ=DAILY;BYSETPOS=1', /BYSETPOS/],
      ['DTSTART:20261102T090000\nRRULE:FREQ=MONTHLY;BYWEEKNO=3', /BYWEEKNO/],
      ['DTSTART:20261102T090000\nRRULE:FREQ=WEEKLY;BYMONTHDAY=3', /BYMONTHDAY/],
      ['DTSTART:20261102T090000\nRRULE:FREQ=DAILY;BYDAY=2MO', /numbered BYDAY/],
      ['DTSTART:20261102T090000\nRRULE:FREQ=MONTHLY;BYMONTHDAY=32', /BYMONTHDAY values/],
      ['DTSTART:20261102T090000\nRRULE:FREQ=DAILY;BYHOUR=25', /BYHOUR/],
      ['DTSTART:20261102T090000\nRRULE:FREQ=DAILY\nEXRULE:FREQ=WEEKLY;BYDAY=MO', /EXRULE/],
    ];
    for (const [text, message] of cases) expect(recurrenceProblem(text), text).toMatch(message);
  });
});

describe('parseRecurrence', () => {
  it('parses once per text and throws a RangeError for a rejected rule', () => {
    const text = 'DTSTART:20261102T090000\nRRULE:FREQ=WEEKLY;COUNT=3';
    expect(parseRecurrence(text)).toBe(parseRecurrence(text));
    expect(parseRecurrence(text).all()).toHaveLength(3);
    expect(() => parseRecurrence('DTSTART:20261102T090000\nRRULE:FREQ=HOURLY')).toThrow(RangeError);
  });
});

describe('occurrenceStarts', () => {
  it('gives floating minutes of the occurrences in the window, whatever the host zone', () => {
    expect(occurrenceStarts('DTSTART:20261123T090000\nRRULE:FREQ=DAILY;COUNT=2', MONDAY, WEEK_END)).toEqual([MONDAY + 540, MONDAY + 1440 + 540]);
  });

  it('includes an occurrence at the window start and excludes one at its end', () => {
    const midnights = 'DTSTART:20261101T000000\nRRULE:FREQ=WEEKLY;BYDAY=MO';
    expect(occurrenceStarts(midnights, MONDAY, WEEK_END)).toEqual([MONDAY]);
    expect(occurrenceStarts(midnights, MONDAY + 1, WEEK_END + 1)).toEqual([WEEK_END]);
  });

  it('returns a fresh array each time, so callers cannot corrupt the cache', () => {
    const text = 'DTSTART:20261102T090000\nRRULE:FREQ=WEEKLY;BYDAY=MO,TU';
    const first = occurrenceStarts(text, MONDAY, WEEK_END);
    first.push(-1);
    expect(occurrenceStarts(text, MONDAY, WEEK_END)).toEqual([MONDAY + 540, MONDAY + 1440 + 540]);
  });

  it('gives the same occurrences after moving an old DTSTART near the window as rrule gives from the original', () => {
    const text = 'DTSTART:19030317T101500\nRRULE:FREQ=DAILY;INTERVAL=5;BYDAY=MO,TU,WE,TH,FR';
    const direct = parseRecurrence(text)
      .between(new Date(MONDAY * 60_000), new Date(WEEK_END * 60_000 - 1), true)
      .map((date) => date.getTime() / 60_000);
    expect(direct.length).toBeGreaterThan(0);
    expect(occurrenceStarts(text, MONDAY, WEEK_END)).toEqual(direct);
  });

  it('carries COUNT across the periods skipped when DTSTART is moved near the window', () => {
    // 1990-01-01 and 2026-11-23 are both Mondays, 13,475 days = 1,925 weeks apart.
    const cases: Array<[string, number[]]> = [
      ['DTSTART:19900101T080000\nRRULE:FREQ=DAILY;COUNT=13476', [MONDAY + 480]],
      ['DTSTART:19900101T080000\nRRULE:FREQ=DAILY;COUNT=13475', []],
      ['DTSTART:19900101T080000\nRRULE:FREQ=DAILY;BYHOUR=8,9;COUNT=26952', [MONDAY + 480, MONDAY + 540]],
      ['DTSTART:19900101T080000\nRRULE:FREQ=WEEKLY;BYDAY=MO,TU;COUNT=3851', [MONDAY + 480]],
      // Starting on the Tuesday, the first week yields one occurrence instead of two.
      ['DTSTART:19900102T080000\nRRULE:FREQ=WEEKLY;BYDAY=MO,TU;COUNT=3851', [MONDAY + 480, MONDAY + 1440 + 480]],
    ];
    for (const [text, expected] of cases) {
      const direct = parseRecurrence(text)
        .between(new Date(MONDAY * 60_000), new Date(WEEK_END * 60_000 - 1), true)
        .map((date) => date.getTime() / 60_000);
      expect(direct, text).toEqual(expected);
      expect(occurrenceStarts(text, MONDAY, WEEK_END), text).toEqual(expected);
    }
  });

  it('expands RDATE-only recurrences (DTSTART itself is not an occurrence, as in rrule)', () => {
    const text = 'DTSTART:20261123T090000\nRDATE:20261124T090000,20261125T100000';
    expect(recurrenceProblem(text)).toBeUndefined();
    expect(occurrenceStarts(text, MONDAY, WEEK_END)).toEqual([MONDAY + 1440 + 540, MONDAY + 2880 + 600]);
  });

  it('returns nothing for an empty window', () => {
    expect(occurrenceStarts('DTSTART:20261102T090000\nRRULE:FREQ=DAILY', MONDAY, MONDAY)).toEqual([]);
  });
});
