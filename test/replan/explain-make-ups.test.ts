/**
 * explain of a re-planned week with a make-up: it compiles the week as replan did (the patients
 * it records as no-shows keep their make-up tracks), so the make-up is no breach, its causes name
 * the make-up track's times, and the repairs are verified against a baseline that keeps it.
 */
import { describe, expect, it } from 'vitest';
import type { Problem } from '../../src/model/problem.js';
import { checkSchedule } from '../../src/pipeline/check-schedule.js';
import { applyRepair, explain } from '../../src/pipeline/explain.js';
import { solve } from '../../src/pipeline/solve.js';
import { replan } from '../../src/replan/replan.js';

/** A day track (Mon, Wed, Fri mornings) and an evening track (Tue-Thu); d1 can come to the evening only Thu 18:00-19:00. */
function twoTracks(): Problem {
  return {
    timeZone: 'America/Los_Angeles',
    weekStart: '2026-11-23',
    tracks: [
      { id: 'day', windows: { weekly: [{ days: ['MO', 'WE', 'FR'], start: '09:00', end: '12:00' }] } },
      { id: 'evening', windows: { weekly: [{ days: ['TU', 'WE', 'TH'], start: '18:00', end: '21:00' }] } },
    ],
    services: [{ id: 'process', kind: 'group', durationMinutes: 60, staff: [{ credentials: ['LCSW', 'LMFT'] }], room: { features: ['group'] } }],
    staff: [
      { id: 'clin-1', credentials: ['LCSW'] },
      { id: 'clin-2', credentials: ['LMFT'] },
    ],
    rooms: [{ id: 'room-a', capacity: 5, features: ['group'] }],
    patients: [
      {
        id: 'd1',
        tracks: ['day'],
        makeUpTracks: ['evening'],
        availability: { weekly: [{ days: ['MO', 'WE', 'FR'], start: '09:00', end: '12:00' }, { days: ['TH'], start: '18:00', end: '19:00' }] },
      },
      ...['d2', 'd3'].map((id) => ({ id, tracks: ['day'], makeUpTracks: ['evening'] })),
      ...['e1', 'e2', 'e3', 'e4'].map((id) => ({ id, tracks: ['evening'] })),
    ],
  };
}

describe('explain of a re-planned week with make-ups', () => {
  it('keeps the make-up, names the evening times d1 is not free, and verifies asking d1 to come another evening', () => {
    const problem = twoTracks();
    const budget = { seed: 1, maxIterations: 500, timeLimitMs: 60_000 };
    const published = solve(problem, budget).schedule;
    // d1 misses all of Monday (3 hours) and can make up only Thursday 18:00-19:00.
    const monday = published.meetings.filter((m) => m.patients.includes('d1') && m.date === '2026-11-23');
    expect(monday).toHaveLength(3);
    const result = replan(problem, published, monday.map((m) => ({ kind: 'missed' as const, patient: 'd1', meeting: m.id })), { ...budget, asOf: '2026-11-23T13:00:00-08:00' });
    expect(result.schedule.meetings.some((m) => m.track === 'evening' && m.patients.includes('d1'))).toBe(true);
    expect(checkSchedule(result.problem, result.schedule).score.hard).toBe(0);
    expect(result.report.unmet.map((u) => [u.patient, u.rule, u.shortfall])).toEqual([['d1', 'patient-min-weekly-hours', 120]]);

    const report = explain(result.problem, result, { seed: 1, maxIterations: 300, timeLimitMs: 60_000 });
    const [entry] = report.unmet;
    // Compiled without the make-up, d1 "could attend nothing": no-candidate, and no repair at all.
    expect(entry!.causes.map((c) => c.code)).toEqual(['patient-availability']);
    expect(entry!.causes[0]!.message).toContain('Tue 18:00-21:00');
    const top = entry!.repairs[0]!;
    expect(top).toMatchObject({ kind: 'move-availability-window', verified: true, effect: { patientsNewlyMet: 1 } });
    expect(top.message).toMatch(/^Ask d1 to come (Tue|Wed|Thu) 18:00-21:00 \(evening track\)/);
    // The track is open to d1 this week already: no candidate asks to let them make up there.
    expect(report.unmet.flatMap((u) => u.repairs).some((r) => r.kind === 'make-up-track')).toBe(false);

    // The repair names the make-up track: applyRepair finds it given the week explained.
    expect(applyRepair(result.problem, report, top)).toBeUndefined();
    const repaired = applyRepair(result.problem, report, top, result.schedule)!;
    expect(repaired.patients[0]!.availability!.weekly).toHaveLength(3);
  });
});
