/**
 * Conflict-report scenarios: each clinic has one thing wrong; the report must name the cause and
 * its top repair, applied to the problem and re-solved, must fix the named requirement.
 */
import { describe, expect, it } from 'vitest';
import { applyRepair, explain } from '../../src/pipeline/explain.js';
import { diagnose } from '../../src/diagnose/diagnose.js';
import { formatReport } from '../../src/diagnose/format-report.js';
import { solve } from '../../src/pipeline/solve.js';
import type { Problem } from '../../src/model/problem.js';
import type { Report, Unmet } from '../../src/model/report.js';
import {
  adolescentsTooFew,
  admittedThursday,
  coFacilitatedNoSecond,
  eveningOverRoomCapacity,
  freeOnlyTwoEvenings,
  onlyClinicianCallsOut,
} from './scenarios.js';

// Iteration budgets, not time, bound every solve: same result on any machine.
let ITERATIONS = 2000;

function run(problem: Problem): Report {
  const solved = solve(problem, { seed: 1, maxIterations: ITERATIONS, timeLimitMs: 30_000 });
  return explain(problem, solved, { seed: 1, maxIterations: ITERATIONS, timeLimitMs: 30_000, maxCandidates: 4 });
}

function entry(report: Report, patient: string, rule: string): Unmet {
  const found = report.unmet.find((u) => u.patient === patient && u.rule === rule);
  expect(found, `${patient} ${rule} should be unmet`).toBeDefined();
  return found!;
}

/** Applies the entry's top repair, re-solves, and returns the new report. */
function afterTopRepair(problem: Problem, report: Report, unmet: Unmet): Report {
  const top = unmet.repairs[0];
  expect(top, 'a verified repair').toBeDefined();
  expect(top!.verified).toBe(true);
  const changed = applyRepair(problem, report, top!);
  expect(changed).toBeDefined();
  return solve(changed!, { seed: 1, maxIterations: ITERATIONS, timeLimitMs: 30_000 }).report;
}

function stillUnmet(report: Report, patient: string, rule: string): boolean {
  return report.unmet.some((u) => u.patient === patient && u.rule === rule);
}

describe('conflict-report scenarios', () => {
  it('the evening track over room capacity: rooms are full, opening room-b in the evening fixes it', () => {
    const problem = eveningOverRoomCapacity();
    const diagnosis = diagnose(problem);
    expect(diagnosis.bottlenecks[0]).toMatchObject({ track: 'evening', resource: 'rooms' });
    expect(diagnosis.bottlenecks[0]!.utilisation).toBeGreaterThan(1);
    const report = run(problem);
    const short = report.unmet.find((u) => u.rule === 'patient-min-weekly-hours');
    expect(short).toBeDefined();
    const roomCause = short!.causes.find((c) => c.code === 'room-capacity' || c.code === 'room-double-booked');
    expect(roomCause?.rooms).toContain('room-a');
    expect(short!.repairs[0]).toMatchObject({ kind: 'open-room' });
    // Opening room-b serves every patient who was short (the count depends on the solver's baseline).
    const shortPatients = new Set(report.unmet.map((u) => u.patient)).size;
    expect(shortPatients).toBeGreaterThan(0);
    expect(short!.repairs[0]!.message).toMatch(/^Open room-b Tue 18:00-21:00, Wed 18:00-21:00, Thu 18:00-21:00: /);
    expect(short!.repairs[0]!.effect?.patientsNewlyMet).toBe(shortPatients);
    const after = afterTopRepair(problem, report, short!);
    expect(stillUnmet(after, short!.patient, 'patient-min-weekly-hours')).toBe(false);
    expect(after.allMet).toBe(true);
  });

  it('a patient free only two evenings: availability is the cause, a third evening fixes it', () => {
    const problem = freeOnlyTwoEvenings();
    const report = run(problem);
    const days = entry(report, 'p-x', 'patient-min-days');
    expect(days.causes[0]).toMatchObject({ code: 'availability-days' });
    expect(days.causes[0]!.message).toContain('Tue and Thu');
    const hours = entry(report, 'p-x', 'patient-min-weekly-hours');
    expect(hours.causes[0]).toMatchObject({ code: 'availability-hours' });
    expect(days.repairs[0]).toMatchObject({ kind: 'move-availability-window' });
    expect(days.repairs[0]!.message).toContain('Wed 18:00-21:00');
    const after = afterTopRepair(problem, report, days);
    expect(stillUnmet(after, 'p-x', 'patient-min-days')).toBe(false);
    expect(stillUnmet(after, 'p-x', 'patient-min-weekly-hours')).toBe(false);
  });

  it('the only credentialed evening clinician calls out: no staff on Wednesday, clin-2 covering fixes it', () => {
    const problem = onlyClinicianCallsOut();
    const report = run(problem);
    const hours = entry(report, 'p1', 'patient-min-weekly-hours');
    expect(hours.causes[0]).toMatchObject({ code: 'resources-hours' });
    expect(hours.causes[0]!.message).toContain('Wed: no qualified staff free');
    const staffCause = hours.causes.find((c) => c.code === 'staff-availability');
    expect(staffCause?.staff).toContain('clin-1');
    expect(staffCause?.message).toContain('Wed 18:00-21:00');
    // The clinician who called out is never asked to come in: someone else covers.
    expect(hours.repairs.every((r) => !r.message.includes('clin-1'))).toBe(true);
    expect(hours.repairs[0]).toMatchObject({ kind: 'extend-staff-hours' });
    expect(hours.repairs[0]!.message).toMatch(/^Have clin-2 work Wed 18:00-21:00: 4 more patients meet/);
    const after = afterTopRepair(problem, report, hours);
    expect(after.allMet).toBe(true);
  });

  it('adolescents too few to form a group: the population is the cause, one more track for t-1 fixes all three', () => {
    const problem = adolescentsTooFew();
    const report = run(problem);
    for (const teen of ['t-1', 't-2', 't-3']) {
      const unmet = entry(report, teen, 'requires-min');
      expect(unmet.causes[0]).toMatchObject({ code: 'population-too-small' });
      expect(unmet.causes[0]!.message).toContain('age:adolescent');
    }
    const unmet = entry(report, 't-2', 'requires-min');
    expect(unmet.repairs[0]).toMatchObject({ kind: 'allow-track' });
    expect(unmet.repairs[0]!.message).toMatch(/^Let t-1 also attend the afternoon track: 3 more patients meet/);
    const after = afterTopRepair(problem, report, unmet);
    for (const teen of ['t-1', 't-2', 't-3']) expect(stillUnmet(after, teen, 'requires-min')).toBe(false);
  });

  it('a patient admitted on Thursday: the late admission is the cause, the Saturday track fixes it', () => {
    const problem = admittedThursday();
    ITERATIONS = 5000; // Saturday sessions need a longer search to settle.
    const report = run(problem);
    ITERATIONS = 2000;
    const days = entry(report, 'p-late', 'patient-min-days');
    expect(days.causes[0]).toMatchObject({ code: 'late-admission' });
    expect(days.causes[0]!.message).toContain('admitted on Thu 2026-11-26');
    expect(days.repairs[0]).toMatchObject({ kind: 'allow-track', message: expect.stringMatching(/^Let p-late also attend the saturday track/) });
    const after = afterTopRepair(problem, report, days);
    expect(stillUnmet(after, 'p-late', 'patient-min-days')).toBe(false);
    expect(stillUnmet(after, 'p-late', 'patient-min-weekly-hours')).toBe(false);
  });

  it('a co-facilitated group with no second credential free: the dietitian is the cause, an evening shift fixes it', () => {
    const problem = coFacilitatedNoSecond();
    const report = run(problem);
    const unmet = entry(report, 'p1', 'curriculum-min');
    const finding = unmet.causes.find((c) => c.code === 'no-staff-available');
    expect(finding?.staff).toContain('diet-1');
    expect(finding?.message).toContain('LCSW/LMFT + RD');
    expect(unmet.causes.find((c) => c.code === 'staff-availability')?.staff).toContain('diet-1');
    expect(unmet.repairs[0]).toMatchObject({ kind: 'extend-staff-hours', message: expect.stringMatching(/^Have diet-1 work (Tue|Wed|Thu) 17:00-21:00/) });
    const after = afterTopRepair(problem, report, unmet);
    for (const patient of ['p1', 'p2', 'p3', 'p4']) expect(stillUnmet(after, patient, 'curriculum-min')).toBe(false);
  });

  it('formats a report a director reads in a minute', () => {
    const problem = freeOnlyTwoEvenings();
    const text = formatReport(run(problem));
    expect(text).toContain('1 of 4 patients falls short');
    for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(100);
    expect(text).toContain('- p-x:');
    expect(text).toContain('because patient p-x');
    expect(text).toMatch(/1\. Ask p-x to come Wed 18:00-21:00/);
    expect(text.split('\n').length).toBeLessThan(20);
  });
});
