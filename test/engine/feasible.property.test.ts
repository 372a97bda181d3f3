import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSchedule } from '../../src/pipeline/check-schedule.js';
import { solveDetailed } from '../../src/pipeline/solve.js';
import { feasibleProblemArbitrary } from '../support/arbitraries.js';

/**
 * Problems built feasible by construction: a valid timetable is drawn first and the problem is
 * fitted around it, so a timetable meeting every requirement exists. Many are tight puzzles
 * (group sizes with minimum = maximum, weekly hours with minimum = maximum, a track window that
 * exactly holds the drawn meetings, one dietitian for every co-led group).
 */
// Bound by iterations: the time limit is generous, never what stops a run.
const BUDGET = { maxIterations: 20_000, timeLimitMs: 600_000 } as const;

describe('solve on problems built feasible by construction', () => {
  // A fixed sample (fast-check seed 2026), so the share is a measurement, not a dice roll.
  // It was 24 of 24 before the exchange-services move (seeds 1-8: 186 of 192; the sample of 160
  // drawn with fast-check seed 7: 151): that move costs these small tight puzzles a little and
  // gains the over-full reference instances more (see engine/moves/index.ts). The run it loses here
  // is sample 20 (two patients, curricula with min = max), a quarter of an hour short.
  // One test a puzzle, each bound by iterations only: together they took 8-11 s in one test,
  // which a loaded machine stretched past the runner's timeout.
  const cases = fc.sample(feasibleProblemArbitrary(), { numRuns: 24, seed: 2026 });
  const met = new Map<number, boolean>();
  it.each(cases.map((c, index) => ({ ...c, index })))('never breaks a hard rule on sample $index and reports what the checker finds', ({ problem, index }) => {
    const { schedule, report, constructedScore } = solveDetailed(problem, BUDGET);
    const checked = checkSchedule(problem, schedule);
    expect(checked.violations.filter((v) => v.level === 'hard')).toEqual([]);
    expect(report.score).toEqual(checked.score);
    // The search only ever keeps a better best: never a larger shortfall than construction left.
    expect(report.score.requirement).toBeLessThanOrEqual(constructedScore.requirement);
    met.set(index, checked.allMet);
  });

  it('meets every requirement on 23 or more of that sample (measured over solve seeds 1-8: 183 of 192; on another sample of 160: 149)', () => {
    // The tests above run first, in order, in this file's worker.
    expect(met.size).toBe(cases.length);
    expect([...met.values()].filter(Boolean).length).toBeGreaterThanOrEqual(cases.length - 1);
  });

  it('never breaks a hard rule and never ends worse than its construction, on random feasible problems', () => {
    fc.assert(
      fc.property(feasibleProblemArbitrary({ maxPatients: 10 }), fc.integer({ min: 0, max: 1000 }), ({ problem }, seed) => {
        const { schedule, report, constructedScore } = solveDetailed(problem, { maxIterations: 2_000, timeLimitMs: 60_000, seed });
        const checked = checkSchedule(problem, schedule);
        expect(checked.violations.filter((v) => v.level === 'hard')).toEqual([]);
        expect(report.score.requirement).toBeLessThanOrEqual(constructedScore.requirement);
      }),
      { numRuns: 10 },
    );
  });
});
