import { describe, expect, it } from 'vitest';
import { validateProblem } from '../../src/input/validate.js';
import { checkSchedule } from '../../src/pipeline/check-schedule.js';
import { solve } from '../../src/pipeline/solve.js';
import { BUDGET, clinic, EVENING_TRACK, patientsOf } from './scenario-kit.js';

describe("scenarios of the programme's own rules (issue 24)", () => {
  it('reports a Thursday admission to a Tue-Thu evening track as a met partial week', () => {
    const problem = clinic({
      tracks: [structuredClone(EVENING_TRACK)],
      patients: [...patientsOf('evening', 6), { id: 'new', tracks: ['evening'], admittedOn: '2026-11-26', requires: [{ service: 'therapy', min: 1, max: 1 }], primaryStaff: 'clin-0' }],
    });
    const { schedule, report } = solve(problem, BUDGET);
    expect(report.feasible).toBe(true);
    const row = report.patients.find((p) => p.patient === 'new')!;
    expect(row.partialWeek).toEqual({ mode: 'prorate', enrolledDays: 1, programmeDays: 3 });
    expect(row.days).toContain('TH');
    expect(row.requirements.find((r) => r.rule === 'patient-min-weekly-hours')).toMatchObject({ target: 3, met: true });
    expect(row.met).toBe(true);
    expect(report.unmet.filter((u) => u.patient === 'new')).toEqual([]);
    // The checker agrees, and the patients enrolled all week are whole weeks.
    const checked = checkSchedule(problem, schedule);
    expect(checked.patients.find((p) => p.patient === 'new')).toEqual(row);
    expect(checked.patients.filter((p) => p.partialWeek !== undefined).map((p) => p.patient)).toEqual(['new']);
  });

  it('flags a clinic over its caseload before solving, and the week as breaking staff-caseload', () => {
    // Eight patients on three clinicians in turn: clin-0 is primary to three, one over a caseload of 2.
    const problem = clinic({ staff: [0, 1, 2].map((i) => ({ id: `clin-${i}`, credentials: ['LCSW'], maxCaseload: 2 + (i === 0 ? 0 : 1) })) });
    const validated = validateProblem(problem);
    expect(validated.ok).toBe(true);
    expect(validated.warnings?.map((w) => `${w.path} ${w.code}`)).toEqual(['staff[0].maxCaseload caseload-exceeded']);
    const { report } = solve(problem, BUDGET);
    expect(report.feasible).toBe(false);
    expect(report.violations.filter((v) => v.level === 'hard').map((v) => [v.rule, v.staff, v.penalty])).toEqual([['staff-caseload', ['clin-0'], 1]]);
  });

  it('keeps a clinician off the days they avoid, every requirement met', () => {
    // Individual therapy may go anywhere in the week; clin-1 would rather not work Monday to Wednesday.
    const avoid = { weekly: [{ days: ['MO' as const, 'TU' as const, 'WE' as const], start: '00:00', end: '24:00' }] };
    const problem = clinic({ staff: [0, 1, 2].map((i) => ({ id: `clin-${i}`, credentials: ['LCSW'], ...(i === 1 ? { preferences: { avoid } } : {}) })) });
    const { schedule, report } = solve(problem, { ...BUDGET, maxIterations: 3000 });
    expect(report.allMet).toBe(true);
    expect(report.byRule.find((row) => row.rule === 'staff-preferences')).toMatchObject({ penalty: 0 });
    const clin1 = schedule.meetings.filter((m) => m.staff.includes('clin-1'));
    expect(clin1.length).toBeGreaterThan(0);
    expect(clin1.filter((m) => ['MO', 'TU', 'WE'].includes(m.day))).toEqual([]);
  });
});
