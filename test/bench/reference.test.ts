import { describe, expect, it } from 'vitest';
import type { Problem } from '../../src/model/problem.js';
import { checkSchedule } from '../../src/pipeline/check-schedule.js';
import { referenceInstance } from '../../bench/reference/instance.js';
import { buildReferenceModel, SHORTFALL_WEIGHT } from '../../bench/reference/model.js';
import { referenceSchedule, solveWithHighs } from '../../bench/reference/highs-solve.js';
import { coreObjective, coreWeights } from '../../bench/reference/compare.js';

/** Three evening patients, free for the whole evening block and the hour before it. */
function threePatientClinic(): Problem {
  const problem = referenceInstance(3, 1);
  problem.patients = problem.patients.map((patient) => ({
    id: patient.id,
    tracks: ['evening'],
    availability: { weekly: [{ days: ['TU', 'WE', 'TH'], start: '17:00', end: '21:00' }] },
    requires: [{ service: 'individual', min: 1, max: 1 }],
  }));
  return problem;
}

describe('reference MILP', () => {
  it('is solved to optimality by HiGHS, and its timetable passes checkSchedule with the MILP objective', async () => {
    const problem = threePatientClinic();
    const model = buildReferenceModel(problem);
    const solution = await solveWithHighs(model, 30);
    expect(solution.status).toBe('Optimal');
    const schedule = referenceSchedule(model, solution.values);
    const report = checkSchedule(problem, schedule, { weights: coreWeights() });
    expect(report.violations.filter((v) => v.level === 'hard')).toEqual([]);
    // Nine evening hours in groups of three plus one individual session each: every requirement is met...
    expect(report.score.requirement).toBe(0);
    expect(schedule.meetings.filter((m) => m.service === 'individual')).toHaveLength(3);
    // ...and the catalogue's own penalties give exactly the MILP's objective.
    const objective = coreObjective(report);
    expect(objective.shortfall).toBe(0);
    expect(objective.value).toBe(Math.round(solution.objective ?? -1));
    // Each patient needs 540 minutes: one individual hour plus 8 group hours the three can share.
    expect(objective.staffedMinutes).toBe(60 * (8 + 3));
  });

  it('counts a shortfall the way the catalogue does when a patient cannot be served', async () => {
    const problem = threePatientClinic();
    // One patient may only come on Tuesday evening: at most 3 group hours + 1 individual.
    problem.patients[2] = { ...problem.patients[2]!, availability: { weekly: [{ days: ['TU'], start: '17:00', end: '21:00' }] } };
    const model = buildReferenceModel(problem);
    const solution = await solveWithHighs(model, 30);
    expect(solution.status).toBe('Optimal');
    const report = checkSchedule(problem, referenceSchedule(model, solution.values), { weights: coreWeights() });
    expect(report.score.hard).toBe(0);
    const objective = coreObjective(report);
    // Groups need 3 patients, so all groups fall on Tuesday. The Tuesday-only patient: 3 group hours
    // + 1 individual = 240 of 540 minutes and 1 day of 3 (2 x 60 short). The other two: the same
    // 240 minutes over 2 days (their individual hour on another evening): 300 + 60 short each.
    expect(objective.shortfall).toBe(300 + 120 + 2 * (300 + 60));
    expect(objective.value).toBe(Math.round(solution.objective ?? -1));
    expect(Math.round(solution.objective ?? 0)).toBeGreaterThanOrEqual(SHORTFALL_WEIGHT * objective.shortfall);
  });

  it('refuses a problem outside its scope instead of modelling it wrongly', () => {
    const problem = threePatientClinic();
    problem.services[0] = { ...problem.services[0]!, durationMinutes: 50 };
    expect(() => buildReferenceModel(problem)).toThrow(/scope/);
  });
});
