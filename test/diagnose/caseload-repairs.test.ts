/**
 * A clinic whose clinician is primary to more patients than their caseload and has time for the
 * individual sessions of only two: the two left out get the caseload as a cause, and explain's
 * verified repair names another clinician within caseload who may lead those sessions.
 */
import { describe, expect, it } from 'vitest';
import type { Problem } from '../../src/model/problem.js';
import { applyRepair, explain } from '../../src/pipeline/explain.js';
import { solve } from '../../src/pipeline/solve.js';
import { tinyProblem } from '../support/tiny.js';

function overCaseload(): Problem {
  const problem = tinyProblem();
  problem.rooms[0]!.capacity = 6;
  problem.services[1]!.primaryOnly = true;
  problem.staff[0]!.maxCaseload = 2;
  problem.staff[0]!.availability = { weekly: [{ days: ['TU'], start: '12:00', end: '14:00' }] };
  problem.staff[1]!.maxCaseload = 3;
  for (const patient of problem.patients) {
    patient.primaryStaff = 'clin-1';
    patient.requires = [{ service: 'individual', min: 1 }];
  }
  return problem;
}

describe('a primary therapist over caseload', () => {
  it('is the cause of the missed individual sessions, and reassigning the patient to a clinician within caseload serves them', () => {
    const problem = overCaseload();
    const solved = solve(problem, { seed: 1, maxIterations: 200, timeLimitMs: 60_000 });
    const short = solved.report.unmet.map((u) => u.patient);
    expect(short).toHaveLength(2);
    for (const entry of solved.report.unmet) expect(entry.causes.find((c) => c.code === 'staff-caseload')?.staff).toEqual(['clin-1']);

    const report = explain(problem, solved, { seed: 1, maxIterations: 300, timeLimitMs: 60_000 });
    const [first] = short;
    const reassign = report.unmet[0]!.repairs.find((r) => r.kind === 'reassign-primary')!;
    expect(reassign).toMatchObject({ verified: true, effect: { patientsNewlyMet: 1 } });
    expect(reassign.message).toMatch(new RegExp(`^Make clin-2 the primary therapist of ${first} \\(caseload 0 of 3 this week\\)`));

    const repaired = applyRepair(problem, report, reassign)!;
    expect(repaired.patients.find((p) => p.id === first)?.primaryStaff).toBe('clin-2');
    const after = solve(repaired, { seed: 1, maxIterations: 300, timeLimitMs: 60_000 });
    expect(after.report.unmet.map((u) => u.patient)).not.toContain(first);
    expect(after.report.patients.find((p) => p.patient === first)?.met).toBe(true);
  });
});
