import { describe, expect, it } from 'vitest';
import { validateProblem } from './validate.js';
import { LIMITS } from './limits.js';
import { changed, issuesAfter } from '../../test/input/support.js';

describe('cadence, history and priority', () => {
  it('accepts a cadence, a history before the week and a priority, and keeps them', () => {
    const result = validateProblem(
      changed((p) =>
        Object.assign(p.patients[0], {
          requires: [{ service: 'individual', cadence: { minDays: 14, maxDays: 28 } }],
          history: [{ service: 'individual', date: '2026-11-03' }, { service: 'process', date: '2026-11-20', status: 'no-show' }],
          priority: 2,
        }),
      ),
    );
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.problem.patients[0]).toMatchObject({
      requires: [{ service: 'individual', cadence: { minDays: 14, maxDays: 28 } }],
      history: [{ service: 'individual', date: '2026-11-03' }, { service: 'process', date: '2026-11-20', status: 'no-show' }],
      priority: 2,
    });
  });
  it('rejects minDays above maxDays, non-positive or fractional days, missing days', () => {
    const cadence = (c: unknown) => issuesAfter((p) => (p.patients[0].requires = [{ service: 'individual', cadence: c }]));
    expect(cadence({ minDays: 28, maxDays: 14 })).toEqual(['patients[0].requires[0].cadence.minDays invalid-range']);
    expect(cadence({ minDays: 0, maxDays: -7 })).toEqual(['patients[0].requires[0].cadence.minDays out-of-range', 'patients[0].requires[0].cadence.maxDays out-of-range']);
    expect(cadence({ minDays: 1.5, maxDays: LIMITS.cadenceDays + 1 })).toEqual(['patients[0].requires[0].cadence.minDays not-integer', 'patients[0].requires[0].cadence.maxDays out-of-range']);
    expect(cadence({ minDays: 7 })).toEqual(['patients[0].requires[0].cadence.maxDays missing-field']);
    expect(cadence({ minDays: 7, maxDays: 9, every: 2 })).toEqual(['patients[0].requires[0].cadence.every unknown-property']);
  });
  it('rejects a cadence beside min or max, and a cadence in a curriculum', () => {
    expect(issuesAfter((p) => (p.patients[0].requires = [{ service: 'individual', min: 1, cadence: { minDays: 7, maxDays: 9 } }]))).toEqual([
      'patients[0].requires[0].min cadence-with-counts',
    ]);
    expect(issuesAfter((p) => (p.tracks[0].curriculum = [{ service: 'process', cadence: { minDays: 7, maxDays: 9 } }]))).toEqual([
      'tracks[0].curriculum[0].cadence unknown-property',
    ]);
  });
  it('rejects history on or after weekStart, unknown services, bad statuses and dates', () => {
    expect(
      issuesAfter((p) => (p.patients[1].history = [
        { service: 'individual', date: '2026-11-23' },
        { service: 'nope', date: '2026-11-01' },
        { service: 'individual', date: '2026-11-02', status: 'late' },
        { service: 'individual', date: 'last week' },
      ])),
    ).toEqual([
      'patients[1].history[0].date history-in-week',
      'patients[1].history[2].status invalid-value',
      'patients[1].history[3].date invalid-date',
      'patients[1].history[1].service unknown-reference',
    ]);
  });
  it("accepts the week's own no-shows and cancellations, not after the week", () => {
    expect(issuesAfter((p) => (p.patients[0].history = [{ service: 'individual', date: '2026-11-24', status: 'no-show' }, { service: 'individual', date: '2026-11-29', status: 'cancelled' }]))).toEqual([]);
    expect(issuesAfter((p) => (p.patients[0].history = [{ service: 'individual', date: '2026-11-30', status: 'no-show' }]))).toEqual(['patients[0].history[0].date history-in-week']);
    expect(issuesAfter((p) => (p.patients[0].history = [{ service: 'individual', date: '2026-11-24', status: 'attended' }]))).toEqual(['patients[0].history[0].date history-in-week']);
  });
  it('rejects a history longer than LIMITS.historyEntries', () => {
    const long = Array.from({ length: LIMITS.historyEntries + 1 }, () => ({ service: 'individual', date: '2026-11-02' }));
    expect(issuesAfter((p) => (p.patients[0].history = long))).toEqual(['patients[0].history too-large']);
  });
  it('rejects a priority that is not a finite number in range', () => {
    expect(issuesAfter((p) => (p.patients[0].priority = 'high'))).toEqual(['patients[0].priority invalid-type']);
    expect(issuesAfter((p) => (p.patients[0].priority = 1e9))).toEqual(['patients[0].priority out-of-range']);
    expect(issuesAfter((p) => (p.patients[0].priority = Number.NaN))).toEqual(['patients[0].priority not-finite']);
  });
});
