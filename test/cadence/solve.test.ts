/**
 * The solver keeps a cadence: a due session is placed inside its window, a session not yet
 * allowed is not placed, and the report shows the due date.
 */
import { describe, expect, it } from 'vitest';
import { solve } from '../../src/pipeline/solve.js';
import { tinyProblem } from '../support/tiny.js';
import type { Problem } from '../../src/model/problem.js';

const options = { seed: 1, maxIterations: 2_000, timeLimitMs: 60_000 };

function withCadence(history: NonNullable<Problem['patients'][number]['history']>, minDays: number, maxDays: number): Problem {
  const problem = tinyProblem();
  problem.patients[0]!.requires = [{ service: 'individual', cadence: { minDays, maxDays } }];
  problem.patients[0]!.history = history;
  return problem;
}

const sessionsOf = (schedule: ReturnType<typeof solve>['schedule'], patient: string, service: string) =>
  schedule.meetings.filter((m) => m.service === service && m.patients.includes(patient)).map((m) => m.date);

describe('solve with a cadence', () => {
  it('places a due session inside its window (Wednesday to its due date Friday)', () => {
    const { schedule, report } = solve(withCadence([{ service: 'individual', date: '2026-11-18' }], 7, 9), options);
    const dates = sessionsOf(schedule, 'p1', 'individual');
    expect(dates).toHaveLength(1);
    expect(dates[0]! >= '2026-11-25' && dates[0]! <= '2026-11-27').toBe(true);
    expect(report.patients.find((r) => r.patient === 'p1')!.cadence).toEqual([
      { service: 'individual', state: 'due', lastAttended: '2026-11-18', earliest: '2026-11-25', dueBy: '2026-11-27', held: dates, met: true },
    ]);
    expect(report.score.hard).toBe(0);
  });
  it('places none while the minimum interval runs past the week', () => {
    const { schedule, report } = solve(withCadence([{ service: 'individual', date: '2026-11-17' }], 14, 28), options);
    expect(sessionsOf(schedule, 'p1', 'individual')).toEqual([]);
    expect(report.patients.find((r) => r.patient === 'p1')!.cadence?.[0]).toMatchObject({ state: 'not-allowed', earliest: '2026-12-01', met: true });
  });
  it('reports a due session unmet, with a cause, when nobody can lead it inside its window', () => {
    const problem = withCadence([{ service: 'individual', date: '2026-11-16' }], 7, 8); // window Mon 23 - Tue 24
    for (const member of problem.staff) member.availability = { weekly: [{ days: ['TH', 'FR'], start: '08:00', end: '20:00' }] };
    const { schedule, report } = solve(problem, options);
    expect(sessionsOf(schedule, 'p1', 'individual')).toEqual([]);
    const unmet = report.unmet.find((u) => u.patient === 'p1' && u.rule === 'requires-min' && u.service === 'individual');
    expect(unmet?.causes.length ?? 0).toBeGreaterThan(0);
  });
});
