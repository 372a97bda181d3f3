import { describe, expect, it } from 'vitest';
import type { Patient, Problem } from '../model/problem.js';
import { checkSchedule } from '../pipeline/check-schedule.js';
import { scheduleOf, tinyProblem } from '../../test/support/tiny.js';
import { replan } from './replan.js';

const OPTIONS = { seed: 1, timeLimitMs: 60_000, maxIterations: 200 };

/** The tiny clinic: clin-1 is the less loaded but full (1 of 1), clin-2 has room (2 of 3). */
function clinic(change?: (problem: Problem) => void): Problem {
  const problem = tinyProblem();
  problem.staff[0]!.maxCaseload = 1;
  problem.staff[1]!.maxCaseload = 3;
  problem.patients[0]!.primaryStaff = 'clin-1';
  problem.patients[1]!.primaryStaff = 'clin-2';
  problem.patients[2]!.primaryStaff = 'clin-2';
  change?.(problem);
  return problem;
}

const admit = (patient: Patient) => [{ kind: 'admit' as const, patient }];

describe('replan proposes a primary therapist for an admission without one', () => {
  it('within caseload: the full member is passed over, and the change log says so', () => {
    const problem = clinic();
    const result = replan(problem, scheduleOf([]), admit({ id: 'p5', tracks: ['evening'] }), OPTIONS);
    expect(result.problem.patients.find((p) => p.id === 'p5')?.primaryStaff).toBe('clin-2');
    expect(result.changed.primaryStaff).toEqual([{ change: 0, patient: 'p5', staff: 'clin-2', message: expect.stringContaining('caseload 3 of 3') }]);
    expect(checkSchedule(result.problem, result.schedule).violations.filter((v) => v.rule === 'staff-caseload')).toEqual([]);
    // The caller's problem and change are untouched.
    expect(problem.patients).toHaveLength(4);
  });

  it('within credentials: a primary-only service needs a member who can lead it', () => {
    const problem = clinic((p) => {
      p.services.push({ id: 'psychiatry', kind: 'individual', durationMinutes: 30, staff: [{ credentials: ['MD'] }], primaryOnly: true, telehealth: 'allowed' });
      p.staff.push({ id: 'doc-1', credentials: ['MD'], maxCaseload: 10 });
      p.patients[3]!.primaryStaff = 'doc-1';
    });
    const patient: Patient = { id: 'p5', tracks: ['evening'], requires: [{ service: 'psychiatry', min: 1, max: 1 }] };
    const result = replan(problem, scheduleOf([]), admit(patient), OPTIONS);
    expect(result.changed.primaryStaff?.[0]).toMatchObject({ patient: 'p5', staff: 'doc-1' });
    expect(patient.primaryStaff).toBeUndefined();
  });

  it('several admissions count toward each other, and one nobody can take is logged without a proposal', () => {
    const problem = clinic();
    const result = replan(problem, scheduleOf([]), [...admit({ id: 'p5', tracks: ['evening'] }), ...admit({ id: 'p6', tracks: ['evening'] })], OPTIONS);
    expect(result.changed.primaryStaff?.map((entry) => [entry.patient, entry.staff])).toEqual([
      ['p5', 'clin-2'],
      ['p6', null],
    ]);
    expect(result.problem.patients.find((p) => p.id === 'p6')?.primaryStaff).toBeUndefined();
  });

  it('leaves an admission that names its primary alone', () => {
    const result = replan(clinic(), scheduleOf([]), admit({ id: 'p5', tracks: ['evening'], primaryStaff: 'clin-1' }), OPTIONS);
    expect(result.changed.primaryStaff).toBeUndefined();
    expect(result.problem.patients.find((p) => p.id === 'p5')?.primaryStaff).toBe('clin-1');
  });
});
