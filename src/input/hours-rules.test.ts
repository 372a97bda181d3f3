import { describe, expect, it } from 'vitest';
import { validateProblem } from './validate.js';
import { changed, issuesAfter } from '../../test/input/support.js';

describe('hours rules ranges', () => {
  it('accepts rules in range and keeps them as written (no defaults filled in)', () => {
    const result = validateProblem(changed((p) => (p.rules = { minWeeklyHours: 6 })));
    expect(result.ok && result.problem.rules).toEqual({ minWeeklyHours: 6 });
  });
  it('rejects hours outside 0..168 and days outside 0..7', () => {
    expect(issuesAfter((p) => (p.rules = { maxWeeklyHours: 169, minDays: 8, maxDays: -1 }))).toEqual([
      'rules.maxWeeklyHours out-of-range',
      'rules.minDays out-of-range',
      'rules.maxDays out-of-range',
    ]);
  });
  it('rejects minDailyMinutes outside 0..1440, fractional days and non-finite hours', () => {
    expect(issuesAfter((p) => (p.tracks[0].rules = { minDailyMinutes: 1441, minDays: 2.5, minWeeklyHours: Infinity }))).toEqual([
      'tracks[0].rules.minWeeklyHours not-finite',
      'tracks[0].rules.minDays not-integer',
      'tracks[0].rules.minDailyMinutes out-of-range',
    ]);
  });
  it('rejects a minimum above the maximum in one layer', () => {
    expect(issuesAfter((p) => (p.patients[2].rules = { minWeeklyHours: 12, maxWeeklyHours: 10, minDays: 5, maxDays: 3 }))).toEqual([
      'patients[2].rules.minWeeklyHours invalid-range',
      'patients[2].rules.minDays invalid-range',
    ]);
    expect(issuesAfter((p) => (p.rules = { minDailyMinutes: 240, maxDailyHours: 3 }))).toEqual(['rules.minDailyMinutes invalid-range']);
  });
  it('rejects a minimum that crosses the maximum only once layers resolve', () => {
    // The default maximum is 19 hours.
    expect(issuesAfter((p) => (p.patients[1].rules = { minWeeklyHours: 19.5 }))).toEqual(['patients[1].rules.minWeeklyHours conflicting-rules']);
    expect(issuesAfter((p) => ((p.tracks[0].rules = { minDays: 4 }), (p.patients[0].rules = { maxDays: 3 })))).toEqual(['patients[0].rules.maxDays conflicting-rules']);
    expect(issuesAfter((p) => ((p.rules = { maxWeeklyHours: 12 }), (p.tracks[0].rules = { minWeeklyHours: 15 })))).toEqual(['tracks[0].rules.minWeeklyHours conflicting-rules']);
  });
  it('reports a typo in a rule name as an unknown property', () => {
    expect(issuesAfter((p) => (p.patients[3].rules = { minWeeklyHour: 6 }))).toEqual(['patients[3].rules.minWeeklyHour unknown-property']);
  });
  it('warns (and accepts) 20 or more weekly hours: partial hospitalization, not IOP', () => {
    const result = validateProblem(changed((p) => (p.rules = { maxWeeklyHours: 20 })));
    expect(result.ok).toBe(true);
    expect(result.warnings?.map((w) => `${w.path} ${w.code}`)).toEqual(['rules.maxWeeklyHours partial-hospitalization']);
  });
  it('gives no warnings field when there is nothing to warn about', () => {
    expect('warnings' in validateProblem(changed(() => undefined))).toBe(false);
  });
});
