import { describe, expect, it } from 'vitest';
import { issuesAfter, issuesOf, type Loose } from '../../test/input/support.js';
import { tinyProblem } from '../../test/support/tiny.js';
import { LIMITS } from './limits.js';
import { validateProblem } from './validate.js';

const list = (from: number, to: number): string => Array.from({ length: to - from + 1 }, (_, i) => from + i).join(',');
const withRules = (rules: string[]): string[] =>
  issuesAfter((p) => (p.patients[0].availability = { rrule: rules.map((rule) => ({ rule, durationMinutes: 60 })) }));
const RULE = 'patients[0].availability.rrule[0].rule';
/** A distinct text for each `i` (the expander caches by text): DTSTART a minute later. */
const weeklyAt = (i: number): string =>
  `DTSTART:202611${String(2 + Math.floor(i / 1440)).padStart(2, '0')}T${String(Math.floor(i / 60) % 24).padStart(2, '0')}${String(i % 60).padStart(2, '0')}00\nRRULE:FREQ=WEEKLY;BYDAY=MO`;

describe('the cost of one RRULE', () => {
  it('accepts a clinic rule', () => {
    expect(withRules(['DTSTART:20261123T090000\nRRULE:FREQ=WEEKLY;BYDAY=MO,WE,FR'])).toEqual([]);
    expect(withRules([`DTSTART:20261123T090000\nRRULE:FREQ=DAILY;BYHOUR=${list(0, 23)}`])).toEqual([]);
  });
  it('rejects BYHOUR=0..23;BYMINUTE=0..59 (10,080 a week) at the rule, with a sentence saying what to do', () => {
    const input = tinyProblem() as Loose;
    input.patients[0].availability = { rrule: [{ rule: `DTSTART:20261123T000000\nRRULE:FREQ=DAILY;BYHOUR=${list(0, 23)};BYMINUTE=${list(0, 59)}`, durationMinutes: 5 }] };
    expect(issuesOf(input)).toEqual([`${RULE} too-costly`]);
    const result = validateProblem(input);
    expect(result.ok ? '' : result.issues[0]?.message).toMatch(/up to 10080 occurrences a week .*fewer BYHOUR, BYMINUTE and BYSECOND values/);
  });
  it('rejects BYHOUR x BYMINUTE x BYSECOND (604,800 a week)', () => {
    expect(withRules([`DTSTART:20261123T000000\nRRULE:FREQ=DAILY;BYHOUR=${list(0, 23)};BYMINUTE=${list(0, 59)};BYSECOND=${list(0, 59)}`])).toEqual([`${RULE} too-costly`]);
  });
  it('rejects a dense MONTHLY rule walked from 1900, and accepts it from the week', () => {
    const monthly = (year: number): string => `DTSTART:${year}0101T000000\nRRULE:FREQ=MONTHLY;BYMONTHDAY=${list(1, 31)};BYHOUR=${list(0, 23)}`;
    expect(withRules([monthly(1900)])).toEqual([`${RULE} too-costly`]);
    expect(withRules([monthly(2026)])).toEqual([]);
  });
});

describe('the cost of the RRULEs of one availability', () => {
  it('accepts 500 small rules', () => {
    expect(withRules(Array.from({ length: 500 }, (_, i) => weeklyAt(i)))).toEqual([]);
  });
  it('rejects 1,000 small rules once, at the rule that takes the availability past the bound', () => {
    const issues = withRules(Array.from({ length: 1_000 }, (_, i) => weeklyAt(i)));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatch(/^patients\[0\]\.availability\.rrule\[(\d+)\]\.rule too-costly$/);
    const index = Number(/rrule\[(\d+)\]/.exec(issues[0] ?? '')?.[1]);
    expect(index).toBeGreaterThan(500);
  });
});

describe('the windows of a problem', () => {
  it(`rejects more than ${LIMITS.totalWindows.toLocaleString('en-US')} in all at the availability that crosses the bound, and reads no further`, () => {
    let reads = 0;
    const window = { days: ['MO'], end: '12:00', get start(): string { reads++; return '09:00'; } };
    const windows = Array.from({ length: 1_000 }, () => window);
    const result = issuesAfter((p) => {
      p.patients = Array.from({ length: 5_000 }, (_, i) => ({ id: `p${i}`, tracks: ['evening'], availability: { weekly: windows } }));
    });
    expect(result).toEqual(['patients[499].availability too-large']);
    // Reading all 5,000,000 windows took about 6 s; the bound stops it after 500,000.
    expect(reads).toBe(500 * 1_000);
  });

  it('accepts 100,000 patients with a few windows each', () => {
    const availability = { weekly: [{ days: ['MO', 'TU', 'WE', 'TH', 'FR'], start: '08:00', end: '12:00' }, { days: ['SA'], start: '09:00', end: '13:00' }] };
    const family = { weekly: [{ days: ['TU', 'TH'], start: '18:00', end: '21:00' }], except: [{ date: '2026-11-26' }] };
    const result = issuesAfter((p) => {
      p.patients = Array.from({ length: LIMITS.patients }, (_, i) => ({ id: `p${i}`, tracks: ['evening'], availability, familyAvailability: family }));
    });
    expect(result).toEqual([]);
  });

  it('counts a RRULE text shared by many patients once', () => {
    const rule = `DTSTART:20261123T000000\nRRULE:FREQ=DAILY;BYHOUR=${list(0, 23)}`;
    const result = issuesAfter((p) => {
      p.patients = Array.from({ length: 5_000 }, (_, i) => ({ id: `p${i}`, tracks: ['evening'], availability: { rrule: [{ rule, durationMinutes: 60 }] } }));
    });
    expect(result).toEqual([]);
  });
});
