/**
 * Soundness of `diagnose`: what it calls impossible, no timetable that keeps the hard rules
 * achieves. Checked against timetables known to meet everything (derived problems) and against
 * whatever the solver builds for random problems.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSchedule } from '../../src/pipeline/check-schedule.js';
import { diagnose } from '../../src/diagnose/diagnose.js';
import { solve } from '../../src/pipeline/solve.js';
import type { Problem } from '../../src/model/problem.js';
import type { Report } from '../../src/model/report.js';
import { feasibleProblemArbitrary, problemArbitrary } from '../support/arbitraries.js';

/** Every (finding, patient) the timetable of `report` contradicts: the patient meets all of the finding's requirements. */
function contradictions(problem: Problem, report: Report): string[] {
  const broken: string[] = [];
  for (const finding of diagnose(problem).impossible) {
    for (const patient of finding.patients) {
      const unmet = report.unmet.some((u) => u.patient === patient && finding.requirements.includes(u.rule));
      if (!unmet) broken.push(`${finding.code} ${patient}: ${finding.message}`);
    }
  }
  return broken;
}

describe('diagnose is sound', () => {
  it('finds nothing impossible that a known timetable delivers', () => {
    let checked = 0;
    fc.assert(
      fc.property(feasibleProblemArbitrary({ maxPatients: 8 }), ({ problem, schedule }) => {
        const report = checkSchedule(problem, schedule);
        fc.pre(report.feasible);
        checked++;
        expect(contradictions(problem, report)).toEqual([]);
      }),
      { numRuns: 60, seed: 7, endOnFailure: true },
    );
    expect(checked).toBeGreaterThan(20);
  });

  it('never calls impossible what the solver achieves on random problems', () => {
    let findings = 0;
    fc.assert(
      fc.property(problemArbitrary({ maxPatients: 8, maxTracks: 2 }), (problem) => {
        const { report } = solve(problem, { seed: 1, maxIterations: 300, timeLimitMs: 5000 });
        fc.pre(report.feasible);
        findings += diagnose(problem).impossible.length;
        expect(contradictions(problem, report)).toEqual([]);
      }),
      { numRuns: 25, seed: 20261124, endOnFailure: true },
    );
    // The property must have had something to check.
    expect(findings).toBeGreaterThan(0);
  });
});
