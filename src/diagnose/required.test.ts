import { describe, expect, it } from 'vitest';
import { compileProblem } from '../compiled/compile.js';
import type { Problem } from '../model/problem.js';
import { diagnose } from './diagnose.js';
import { solve } from '../pipeline/solve.js';
import { tinyProblem } from '../../test/support/tiny.js';
import { requiredServices } from './required.js';

/** Two process groups an evening (6 a week, 6 hours), p3 admitted on Thursday of the Tue-Thu track. */
function thursdayAdmission(): Problem {
  const problem = tinyProblem();
  problem.rooms[0]!.capacity = 6;
  problem.tracks[0]!.curriculum = [{ service: 'process', min: 6 }];
  problem.rules = { minWeeklyHours: 6 };
  problem.patients[2]!.admittedOn = '2026-11-26';
  problem.patients[2]!.requires = [{ service: 'individual', min: 2 }];
  return problem;
}

describe('requiredServices in a partial week', () => {
  it('asks a Thursday admission for the prorated counts the requirement rules ask for', () => {
    const compiled = compileProblem(thursdayAdmission());
    expect(requiredServices(compiled, 2)).toEqual([
      { service: 1, rule: 'requires-min', min: 1 },
      { service: 0, rule: 'curriculum-min', min: 2 },
    ]);
    expect(requiredServices(compiled, 3)).toEqual([{ service: 0, rule: 'curriculum-min', min: 6 }]);
  });

  it('keeps the served bound at or above what a timetable serves', () => {
    const problem = thursdayAdmission();
    const { bound } = diagnose(problem);
    const { report } = solve(problem, { seed: 1, maxIterations: 300, timeLimitMs: 60_000 });
    expect(report.patients.find((p) => p.patient === 'p3')?.met).toBe(true);
    expect(bound!.patients).toBeGreaterThanOrEqual(report.patients.filter((p) => p.met).length);
    expect(bound!.patients).toBe(4);
  });
});
