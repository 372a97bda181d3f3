import { describe, expect, it } from 'vitest';
import { compileProblem } from '../compiled/compile.js';
import type { Problem } from '../model/problem.js';
import { tinyProblem } from '../../test/support/tiny.js';
import { checkPatientHours } from './check-patient-hours.js';
import { buildReach } from './reach.js';

/** The tiny clinic with group time only (no individual sessions to fill the hours). */
function groupsOnly(): Problem {
  const problem = tinyProblem();
  problem.services = problem.services.filter((s) => s.kind === 'group');
  return problem;
}

const findings = (problem: Problem) => checkPatientHours(buildReach(compileProblem(problem)));

describe('checkPatientHours', () => {
  it('proves a patient free two evenings cannot reach 9 hours, with figures and windows', () => {
    const problem = groupsOnly();
    problem.patients[0]!.availability = { weekly: [{ days: ['TU', 'TH'], start: '17:00', end: '22:00' }] };
    const found = findings(problem);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      code: 'availability-hours',
      requirements: ['patient-min-weekly-hours'],
      patients: ['p1'],
      figures: { needed: 540, available: 360, unit: 'minutes' },
      track: 'evening',
    });
    expect(found[0]!.message).toContain('Tue 18:00-21:00, Thu 18:00-21:00');
  });

  it('accepts patients whose windows hold their minimum exactly', () => {
    expect(findings(groupsOnly())).toEqual([]);
  });

  it('blames a late admission when the full week would have been enough and a partial week counts in full', () => {
    const problem = groupsOnly();
    problem.patients[1]!.admittedOn = '2026-11-26';
    // By default the minimum is prorated to the 1 of 3 programme days enrolled: 3 hours, reachable.
    expect(findings(problem)).toEqual([]);
    problem.rules = { partialWeek: 'full' };
    const found = findings(problem);
    expect(found).toEqual([expect.objectContaining({ code: 'late-admission', patients: ['p2'], figures: { needed: 540, available: 180, unit: 'minutes' } })]);
    expect(found[0]!.message).toContain('admitted on Thu 2026-11-26');
  });

  it('blames the program when even a patient free all week cannot get there', () => {
    const problem = groupsOnly();
    problem.closedDates = ['2026-11-25'];
    const found = findings(problem);
    expect(found.map((f) => f.code)).toEqual(['resources-hours', 'resources-hours', 'resources-hours', 'resources-hours']);
    expect(found[0]!.message).toContain('Wed: the clinic is closed');
  });

  it('says nothing about patients not enrolled this week', () => {
    const problem = groupsOnly();
    problem.patients[0]!.availability = { weekly: [] };
    problem.patients[0]!.dischargedOn = '2026-11-23';
    expect(findings(problem)).toEqual([]);
  });

  it('counts individual sessions outside the track windows', () => {
    const problem = tinyProblem();
    problem.patients[0]!.availability = { weekly: [{ days: ['MO', 'TU', 'TH'], start: '09:00', end: '21:00' }] };
    expect(findings(problem)).toEqual([]);
  });
});
