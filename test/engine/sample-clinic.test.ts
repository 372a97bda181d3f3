import { describe, expect, it } from 'vitest';
import { checkSchedule } from '../../src/pipeline/check-schedule.js';
import { solve } from '../../src/pipeline/solve.js';
import { sampleClinic } from '../../src/sample/clinic.js';

describe('the sample clinic', () => {
  it('is solved with every patient at 9+ hours on 3 to 5 days with individual therapy, and no hard violation', () => {
    const problem = sampleClinic();
    const { schedule, report } = solve(problem, { seed: 1, maxIterations: 300, timeLimitMs: 60_000 });
    const checked = checkSchedule(problem, schedule);
    expect(checked.violations.filter((v) => v.level === 'hard')).toEqual([]);
    expect(report.allMet).toBe(true);
    expect(report.patients).toHaveLength(40);
    for (const row of report.patients) {
      expect(row.hours).toBeGreaterThanOrEqual(9);
      expect(row.days.length).toBeGreaterThanOrEqual(3);
      expect(row.days.length).toBeLessThanOrEqual(5);
      expect(row.services.find((s) => s.service === 'individual-therapy')?.count).toBe(1);
    }
    expect(report.stats).toMatchObject({ seed: 1, iterations: expect.any(Number) });
  });

  it.each([2, 3])('leaves the day track whole in the overbooked week, where only the evening track is over capacity (seed %i)', (seed) => {
    const problem = sampleClinic({ variant: 'overbooked' });
    const { report } = solve(problem, { seed, maxIterations: 5000, timeLimitMs: 60_000 });
    const dayTrack = new Set(problem.patients.filter((patient) => patient.tracks[0] === 'day').map((patient) => patient.id));
    const evening = report.patients.filter((row) => !dayTrack.has(row.patient));
    expect(report.patients.filter((row) => dayTrack.has(row.patient) && !row.met).map((row) => row.patient)).toEqual([]);
    expect(evening.some((row) => !row.met)).toBe(true);
  });

  it.each([['overbooked', { variant: 'overbooked' as const }], ['thanksgiving', { thanksgiving: true }]])(
    'keeps every hard rule in the %s week and reports what stays unmet',
    (_, options) => {
      const problem = sampleClinic(options);
      const { schedule, report } = solve(problem, { seed: 2, maxIterations: 300, timeLimitMs: 60_000 });
      expect(checkSchedule(problem, schedule).feasible).toBe(true);
      expect(report.unmet.length).toBeGreaterThan(0);
      expect(report.score.requirement).toBeGreaterThan(0);
    },
  );
});
