import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSchedule } from '../../src/pipeline/check-schedule.js';
import { solve } from '../../src/pipeline/solve.js';
import { problemArbitrary } from '../support/arbitraries/random-problem.js';
import { generousProblemArbitrary } from './generous.js';

const BUDGET = { maxIterations: 300, timeLimitMs: 60_000 } as const;

describe('solve on random problems', () => {
  it('never breaks a hard rule, and its report is the checker’s', () => {
    fc.assert(
      fc.property(fc.oneof(problemArbitrary({ maxPatients: 12 }), generousProblemArbitrary()), fc.integer({ min: 0, max: 1000 }), (problem, seed) => {
        const { schedule, report } = solve(problem, { ...BUDGET, seed });
        const checked = checkSchedule(problem, schedule);
        expect(checked.violations.filter((v) => v.level === 'hard')).toEqual([]);
        expect(report.score).toEqual(checked.score);
        expect(report.byRule).toEqual(checked.byRule);
        expect(report.stats?.seed).toBe(seed);
      }),
      { numRuns: 16 },
    );
  });

  it('never mutates its input', () => {
    fc.assert(
      fc.property(problemArbitrary({ maxPatients: 8 }), (problem) => {
        const before = structuredClone(problem);
        solve(problem, { maxIterations: 100, timeLimitMs: 60_000 });
        expect(problem).toEqual(before);
      }),
      { numRuns: 6 },
    );
  });

  it('gives the same timetable for the same seed and iteration budget', () => {
    fc.assert(
      fc.property(problemArbitrary({ maxPatients: 10 }), fc.integer({ min: 0, max: 50 }), (problem, seed) => {
        const a = solve(problem, { ...BUDGET, seed });
        const b = solve(structuredClone(problem), { ...BUDGET, seed });
        expect(b.schedule).toEqual(a.schedule);
        expect(b.report.score).toEqual(a.report.score);
      }),
      { numRuns: 5 },
    );
  });

  it('meets every requirement of problems built feasible with room to spare', () => {
    fc.assert(
      fc.property(generousProblemArbitrary(), (problem) => {
        const { schedule, report } = solve(problem, { maxIterations: 500, timeLimitMs: 60_000 });
        const checked = checkSchedule(problem, schedule);
        expect(checked.feasible).toBe(true);
        expect(checked.unmet.map((u) => u.message)).toEqual([]);
        expect(report.allMet).toBe(true);
      }),
      { numRuns: 40 },
    );
  });
});
