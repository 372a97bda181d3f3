/**
 * Soundness of `diagnose`'s bound on patients served: no timetable that keeps the hard rules
 * fully serves more patients than `diagnosis.bound.patients`. Checked against timetables known to
 * meet everything (derived problems) and against whatever the solver builds for random problems.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSchedule } from '../../src/pipeline/check-schedule.js';
import { diagnose } from '../../src/diagnose/diagnose.js';
import { solve } from '../../src/pipeline/solve.js';
import { feasibleProblemArbitrary, problemArbitrary } from '../support/arbitraries.js';

describe('the bound on patients served is sound', () => {
  it('is never below the patients a known timetable fully serves', () => {
    let checked = 0;
    fc.assert(
      fc.property(feasibleProblemArbitrary({ maxPatients: 8 }), ({ problem, schedule }) => {
        const report = checkSchedule(problem, schedule);
        fc.pre(report.feasible);
        checked++;
        const served = report.patients.filter((row) => row.met).length;
        expect(diagnose(problem).bound!.patients).toBeGreaterThanOrEqual(served);
      }),
      { numRuns: 60, seed: 7, endOnFailure: true },
    );
    expect(checked).toBeGreaterThan(20);
  });

  it('is never below what the solver achieves on random problems, and below the patients on some', () => {
    let below = 0;
    fc.assert(
      fc.property(problemArbitrary({ maxPatients: 8, maxTracks: 2 }), (problem) => {
        const { report } = solve(problem, { seed: 1, maxIterations: 300, timeLimitMs: 5000 });
        fc.pre(report.feasible);
        const bound = diagnose(problem).bound!;
        if (bound.patients < bound.total) below++;
        expect(bound.patients).toBeGreaterThanOrEqual(report.patients.filter((row) => row.met).length);
      }),
      { numRuns: 25, seed: 20261124, endOnFailure: true },
    );
    // The property must have had something to check.
    expect(below).toBeGreaterThan(0);
  });
});
