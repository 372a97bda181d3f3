import { describe, expect, it } from 'vitest';
import { compileProblem } from '../compiled/compile.js';
import type { Problem } from '../model/problem.js';
import { tinyProblem } from '../../test/support/tiny.js';
import { checkDailyThreshold, checkPatientDays } from './check-patient-days.js';
import { buildReach } from './reach.js';

function groupsOnly(): Problem {
  const problem = tinyProblem();
  problem.services = problem.services.filter((s) => s.kind === 'group');
  return problem;
}

const reach = (problem: Problem) => buildReach(compileProblem(problem));

describe('checkPatientDays', () => {
  it('proves a patient free on two track days cannot attend three', () => {
    const problem = groupsOnly();
    problem.patients[2]!.availability = { weekly: [{ days: ['TU', 'TH'], start: '17:00', end: '22:00' }] };
    expect(checkPatientDays(reach(problem))).toEqual([
      expect.objectContaining({ code: 'availability-days', patients: ['p3'], requirements: ['patient-min-days'], figures: { needed: 3, available: 2, unit: 'days' } }),
    ]);
  });

  it('blames an admission on Thursday when a partial week counts in full', () => {
    const problem = groupsOnly();
    problem.patients[0]!.admittedOn = '2026-11-26';
    // By default a partial week's minimum days are prorated (1 of 3 programme days): reachable.
    expect(checkPatientDays(reach(problem))).toEqual([]);
    problem.rules = { partialWeek: 'full' };
    const found = checkPatientDays(reach(problem));
    expect(found).toEqual([expect.objectContaining({ code: 'late-admission', figures: { needed: 3, available: 1, unit: 'days' } })]);
    expect(found[0]!.message).toContain('Thu');
  });

  it('blames an early discharge when a partial week counts in full', () => {
    const problem = groupsOnly();
    problem.patients[0]!.dischargedOn = '2026-11-25';
    problem.rules = { partialWeek: 'full' };
    expect(checkPatientDays(reach(problem))).toEqual([expect.objectContaining({ code: 'early-discharge', figures: { needed: 3, available: 1, unit: 'days' } })]);
  });

  it('accepts three reachable days for three required', () => {
    expect(checkPatientDays(reach(groupsOnly()))).toEqual([]);
  });
});

describe('checkDailyThreshold', () => {
  it('proves no evening of 3 hours reaches a 4-hour per-diem threshold', () => {
    const problem = groupsOnly();
    problem.rules = { minDailyMinutes: 240 };
    const found = checkDailyThreshold(reach(problem));
    expect(found).toHaveLength(4);
    expect(found[0]).toMatchObject({ code: 'daily-threshold-unreachable', requirements: ['daily-min-minutes', 'patient-min-days'], figures: { needed: 3, available: 0, unit: 'days' } });
    expect(found[0]!.message).toContain('at most 180 minutes');
  });

  it('accepts a threshold the evenings can reach', () => {
    const problem = groupsOnly();
    problem.rules = { minDailyMinutes: 180, minDailyServices: 3 };
    expect(checkDailyThreshold(reach(problem))).toEqual([]);
  });

  it('counts sessions: three 60-minute sessions fit an evening, four do not', () => {
    const problem = groupsOnly();
    problem.rules = { minDailyServices: 4 };
    expect(checkDailyThreshold(reach(problem)).map((f) => f.requirements[0])).toEqual(Array(4).fill('daily-min-services'));
  });
});
