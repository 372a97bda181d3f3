import fc from 'fast-check';
import * as rruleNamespace from 'rrule';
import { describe, expect, it } from 'vitest';
import { calendarForTests, ruleCanMatch } from './rrule-probe.js';
import { occurrenceStarts, parseRecurrence } from './rrule.js';
import { addDays, dayNumber, WEEKDAYS } from './week.js';

type RRuleModule = typeof import('rrule');
const rrule: RRuleModule = ((rruleNamespace as unknown as { default?: RRuleModule }).default ?? rruleNamespace) as RRuleModule;
const optionsOf = (text: string) => rrule.rrulestr(text).options;

describe('calendar arithmetic', () => {
  it('agrees with Date.UTC from 1900 to 2400', () => {
    fc.assert(
      fc.property(fc.integer({ min: -25_567, max: 157_000 }), (days) => {
        const date = new Date(days * 86_400_000);
        expect(calendarForTests.civilFromDays(days)).toEqual([date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()]);
        expect(calendarForTests.daysFromCivil(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate())).toBe(days);
      }),
      { numRuns: 500 },
    );
  });
});

describe('ruleCanMatch', () => {
  it('finds rules that never produce a day', () => {
    expect(ruleCanMatch(optionsOf('DTSTART:20200101T090000\nRRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30'))).toBe(false);
    expect(ruleCanMatch(optionsOf('DTSTART:20200101T090000\nRRULE:FREQ=MONTHLY;BYMONTH=4,6,9,11;BYMONTHDAY=31'))).toBe(false);
    expect(ruleCanMatch(optionsOf('DTSTART:20261102T090000\nRRULE:FREQ=DAILY;INTERVAL=7;BYDAY=TU'))).toBe(false);
    expect(ruleCanMatch(optionsOf('DTSTART:20260115T090000\nRRULE:FREQ=MONTHLY;INTERVAL=12;BYMONTH=2'))).toBe(false);
    expect(ruleCanMatch(optionsOf('DTSTART:20260101T090000\nRRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-30'))).toBe(false);
  });

  it('keeps rules that produce a day, however rarely', () => {
    // 29 February on a Monday: 2044 is the next.
    expect(ruleCanMatch(optionsOf('DTSTART:20260101T090000\nRRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=29;BYDAY=MO'))).toBe(true);
    expect(ruleCanMatch(optionsOf('DTSTART:20260101T090000\nRRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29'))).toBe(true);
    expect(ruleCanMatch(optionsOf('DTSTART:20261101T090000\nRRULE:FREQ=WEEKLY;BYMONTH=2'))).toBe(true);
    for (const text of [
      'DTSTART:20170101T090000\nRRULE:FREQ=MONTHLY;BYDAY=5MO;BYMONTH=2', // next in 2044
      'DTSTART:20260101T090000\nRRULE:FREQ=MONTHLY;BYDAY=-1FR',
      'DTSTART:20260101T090000\nRRULE:FREQ=YEARLY;BYDAY=53TH',
      'DTSTART:20260101T090000\nRRULE:FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=23', // 23 weekdays in a month
    ]) {
      expect(ruleCanMatch(optionsOf(text)), text).toBe(true);
      expect(rrule.rrulestr(text).after(new Date(0), true), text).not.toBeNull();
    }
  });

  it('finds numbered BYDAY and BYSETPOS rules that never match', () => {
    expect(ruleCanMatch(optionsOf('DTSTART:20260101T090000\nRRULE:FREQ=MONTHLY;BYDAY=5MO;BYMONTH=2;BYMONTHDAY=1'))).toBe(false);
    expect(ruleCanMatch(optionsOf('DTSTART:20260101T090000\nRRULE:FREQ=MONTHLY;BYDAY=MO;BYSETPOS=6'))).toBe(false);
    expect(ruleCanMatch(optionsOf('DTSTART:20260101T090000\nRRULE:FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=24'))).toBe(false);
    expect(ruleCanMatch(optionsOf('DTSTART:20260101T090000\nRRULE:FREQ=YEARLY;BYMONTH=1;BYDAY=20MO'))).toBe(false);
  });

  it('never drops a rule built to produce a known day, and expansion near the week matches rrule from DTSTART', () => {
    const FREQS = ['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'] as const;
    const ruleWithWitness = fc
      .record({
        freq: fc.constantFrom(...FREQS),
        startDay: fc.integer({ min: -20_000, max: 20_700 }),
        interval: fc.integer({ min: 1, max: 13 }),
        periods: fc.integer({ min: 0, max: 40 }),
        offset: fc.integer({ min: 0, max: 400 }),
        extraMonths: fc.uniqueArray(fc.integer({ min: 1, max: 12 }), { maxLength: 3 }),
        extraMonthDays: fc.uniqueArray(fc.integer({ min: -31, max: 31 }).filter((d) => d !== 0), { maxLength: 3 }),
        useMonth: fc.boolean(),
        useMonthDay: fc.boolean(),
        useWeekday: fc.boolean(),
        count: fc.option(fc.integer({ min: 1, max: 40_000 }), { nil: undefined }),
      })
      .map((r) => {
        const start = addDays('1970-01-01', r.startDay);
        const [y, m] = start.split('-').map(Number) as [number, number];
        // The witness: a day inside period `periods * interval` of the rule.
        const witness =
          r.freq === 'DAILY'
            ? addDays(start, r.periods * r.interval)
            : r.freq === 'WEEKLY'
              ? addDays(start, r.periods * r.interval * 7 + (r.offset % 7) - (((r.startDay + 3) % 7) + 7) % 7 + (r.periods === 0 ? 7 : 0))
              : r.freq === 'MONTHLY'
                ? `${String(y + Math.floor((m - 1 + r.periods * r.interval) / 12)).padStart(4, '0')}-${String(((m - 1 + r.periods * r.interval) % 12) + 1).padStart(2, '0')}-${String(1 + (r.offset % 28)).padStart(2, '0')}`
                : addDays(`${y + r.periods * r.interval}-01-01`, r.offset % 365);
        const [, wm, wd] = witness.split('-').map(Number) as [number, number, number];
        const weekday = WEEKDAYS[((((dayNumber(witness) ?? 0) + 3) % 7) + 7) % 7];
        const parts = [`FREQ=${r.freq}`, `INTERVAL=${r.interval}`];
        if (r.useMonth || r.freq === 'YEARLY') parts.push(`BYMONTH=${[wm, ...r.extraMonths.filter((x) => x !== wm)].join(',')}`);
        if ((r.useMonthDay || r.freq !== 'WEEKLY') && r.freq !== 'WEEKLY') parts.push(`BYMONTHDAY=${[wd, ...r.extraMonthDays.filter((x) => x !== wd)].join(',')}`);
        if (r.useWeekday || r.freq === 'WEEKLY') parts.push(`BYDAY=${weekday}`);
        if (r.count !== undefined) parts.push(`COUNT=${r.count}`);
        return { text: `DTSTART:${start.replaceAll('-', '')}T100000\nRRULE:${parts.join(';')}`, witness };
      });
    fc.assert(
      fc.property(ruleWithWitness, ({ text, witness }) => {
        const first = rrule.rrulestr(text).after(new Date(0 - 3e12), true);
        expect(first, `${text} should reach ${witness}`).not.toBeNull();
        expect(ruleCanMatch(optionsOf(text)), text).toBe(true);
        const monday = (dayNumber('2026-11-23') ?? 0) * 1440;
        const direct = parseRecurrence(text)
          .between(new Date(monday * 60_000), new Date((monday + 10_080) * 60_000 - 1), true)
          .map((d) => d.getTime() / 60_000);
        expect(occurrenceStarts(text, monday, monday + 10_080)).toEqual(direct);
      }),
      { numRuns: 80, seed: 42 },
    );
  });
});
