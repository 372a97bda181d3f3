import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateProblem } from '../../src/input/validate.js';
import { CORRUPTIONS, corruptedScheduleArbitrary, feasibleProblemArbitrary, problemArbitrary } from './arbitraries.js';

const issuesOf = (problem: unknown): unknown[] => {
  const result = validateProblem(problem);
  return result.ok ? [] : result.issues;
};

describe('arbitraries', () => {
  it('problemArbitrary draws valid problems of the requested size', () => {
    fc.assert(
      fc.property(problemArbitrary({ maxPatients: 12, maxTracks: 2 }), (problem) => {
        expect(issuesOf(problem)).toEqual([]);
        expect(problem.patients.length).toBeGreaterThanOrEqual(2);
        expect(problem.patients.length).toBeLessThanOrEqual(12);
        expect(problem.tracks.length).toBeLessThanOrEqual(2);
      }),
      { numRuns: 60 },
    );
  });

  it('feasibleProblemArbitrary draws valid problems whose timetable names only their entities', () => {
    fc.assert(
      fc.property(feasibleProblemArbitrary(), ({ problem, schedule }) => {
        expect(issuesOf(problem)).toEqual([]);
        const patients = new Set(problem.patients.map((p) => p.id));
        for (const m of schedule.meetings) for (const p of m.patients) expect(patients.has(p)).toBe(true);
        expect(schedule.weekStart).toBe(problem.weekStart);
      }),
      { numRuns: 60 },
    );
  });

  it('corruptedScheduleArbitrary keeps the problem valid for every kind of breach', () => {
    for (const code of CORRUPTIONS) {
      fc.assert(
        fc.property(corruptedScheduleArbitrary({ codes: [code] }), ({ problem, expectedCode }) => {
          expect(expectedCode).toBe(code);
          expect(issuesOf(problem)).toEqual([]);
        }),
        { numRuns: 5 },
      );
    }
  });

  it('feasible cases vary: some have individual sessions, telehealth, co-facilitated and parallel groups', () => {
    const cases = fc.sample(feasibleProblemArbitrary(), { numRuns: 200, seed: 42 });
    const some = (test: (c: (typeof cases)[number]) => boolean): number => cases.filter(test).length;
    expect(some((c) => c.schedule.meetings.some((m) => m.mode === 'telehealth'))).toBeGreaterThan(5);
    expect(some((c) => c.schedule.meetings.some((m) => m.staff.length > 1))).toBeGreaterThan(5);
    expect(some((c) => c.schedule.meetings.some((m) => m.patients.length === 1 && m.track === null))).toBeGreaterThan(20);
    expect(some((c) => c.problem.tracks.length === 2)).toBeGreaterThan(20);
    expect(some((c) => (c.problem.closedDates ?? []).length > 0)).toBeGreaterThan(5);
    expect(some((c) => c.problem.patients.some((p) => p.availability?.rrule !== undefined))).toBeGreaterThan(5);
  });
});
