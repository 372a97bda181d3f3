import { describe, expect, it } from 'vitest';
import { ProblemError } from '../model/issue.js';
import type { Problem } from '../model/problem.js';
import type { Schedule } from '../model/schedule.js';
import { checkSchedule } from '../pipeline/check-schedule.js';
import { toOffsetIso } from '../time/zone.js';
import { nextWeek } from './next-week.js';
import { replan } from './replan.js';

/** The tiny clinic in the week before the 2026-11-01 DST change (America/Los_Angeles). */
function octoberProblem(): Problem {
  return {
    timeZone: 'America/Los_Angeles',
    weekStart: '2026-10-26',
    tracks: [{ id: 'evening', windows: { weekly: [{ days: ['MO', 'TU', 'WE'], start: '18:00', end: '21:00' }] } }],
    services: [{ id: 'process', kind: 'group', durationMinutes: 60, minSize: 2, staff: [{ credentials: ['LCSW'] }], room: { features: ['group'] } }],
    staff: [{ id: 'clin-1', credentials: ['LCSW'] }],
    rooms: [{ id: 'room-a', capacity: 4, features: ['group'] }],
    rules: { minWeeklyHours: 2, minDays: 2 },
    patients: [
      { id: 'p1', tracks: ['evening'] },
      { id: 'p2', tracks: ['evening'] },
      { id: 'p3', tracks: ['evening'], dischargedOn: '2026-11-03' },
    ],
  };
}

function octoberWeek(): Schedule {
  const meeting = (id: string, date: string, day: 'MO' | 'TU', patients: string[]) => ({
    id, service: 'process', track: 'evening', date, day, start: '18:00', end: '19:00',
    startsAt: toOffsetIso(date, '18:00', 'America/Los_Angeles'), endsAt: toOffsetIso(date, '19:00', 'America/Los_Angeles'),
    room: 'room-a', mode: 'in-person' as const, staff: ['clin-1'], patients,
  });
  return {
    timeZone: 'America/Los_Angeles',
    weekStart: '2026-10-26',
    meetings: [meeting('mo-process', '2026-10-26', 'MO', ['p1', 'p2', 'p3']), meeting('tu-process', '2026-10-27', 'TU', ['p1', 'p2', 'p3'])],
  };
}

describe('nextWeek', () => {
  it('carries the week to the next Monday across the DST change: same wall clock, new offset, same ids', () => {
    const problem = octoberProblem();
    const schedule = octoberWeek();
    const before = structuredClone({ problem, schedule });
    const next = nextWeek(problem, schedule);
    expect(next.problem.weekStart).toBe('2026-11-02');
    expect(next.schedule.weekStart).toBe('2026-11-02');
    expect(schedule.meetings[0]!.startsAt).toBe('2026-10-26T18:00:00-07:00');
    const [monday, tuesday] = next.schedule.meetings;
    expect(monday).toMatchObject({ id: 'mo-process', date: '2026-11-02', day: 'MO', start: '18:00', end: '19:00', startsAt: '2026-11-02T18:00:00-08:00', endsAt: '2026-11-02T19:00:00-08:00' });
    // p3 is discharged from Tuesday 2026-11-03: kept on Monday, dropped on Tuesday.
    expect(monday!.patients).toEqual(['p1', 'p2', 'p3']);
    expect(tuesday).toMatchObject({ id: 'tu-process', date: '2026-11-03', startsAt: '2026-11-03T18:00:00-08:00', patients: ['p1', 'p2'] });
    expect({ problem, schedule }).toEqual(before);
    expect(checkSchedule(next.problem, next.schedule).score.hard).toBe(0);
  });

  it('gives replan a starting point that repeats unchanged when nothing changes', () => {
    const next = nextWeek(octoberProblem(), octoberWeek());
    const { schedule, changed } = replan(next.problem, next.schedule, [], { seed: 1 });
    expect(schedule).toEqual(next.schedule);
    expect(changed.meetings).toEqual([]);
  });

  it('chains from replan: the result carries the problem with the changes applied', () => {
    const problem = octoberProblem();
    const published = octoberWeek();
    const before = structuredClone({ problem, published });
    const result = replan(problem, published, [
      { kind: 'admit', patient: { id: 'p4', tracks: ['evening'] } },
      { kind: 'discharge', patient: 'p2', from: '2026-10-28' },
      { kind: 'staff-out', staff: 'clin-1', date: '2026-10-28', start: '18:00', end: '19:00' },
      { kind: 'room-closed', room: 'room-a', date: '2026-10-30' },
    ], { seed: 1, maxIterations: 200 });
    expect(result.problem.patients.map((p) => p.id)).toEqual(['p1', 'p2', 'p3', 'p4']);
    expect(result.problem.patients[1]!.dischargedOn).toBe('2026-10-28');
    expect(result.problem.staff[0]!.availability?.except).toEqual([{ date: '2026-10-28', start: '18:00', end: '19:00' }]);
    expect(result.problem.rooms[0]!.availability?.except).toEqual([{ date: '2026-10-30' }]);
    expect({ problem, published }).toEqual(before);
    expect(result.schedule.meetings.some((m) => m.patients.includes('p4'))).toBe(true);
    // The schedule reads against the returned problem exactly as replan scored it.
    const checked = checkSchedule(result.problem, result.schedule);
    expect(checked.score.hard).toBe(result.report.score.hard);
    expect(checked.score.requirement).toBe(result.report.score.requirement);
    expect(checked.unmet.map((u) => [u.patient, u.rule])).toEqual(result.report.unmet.map((u) => [u.patient, u.rule]));
    // The week after: the admitted patient stays, the discharged one is gone.
    const next = nextWeek(result.problem, result.schedule);
    const roster = new Set(next.schedule.meetings.flatMap((m) => m.patients));
    expect(roster.has('p4')).toBe(true);
    expect(roster.has('p2')).toBe(false);
    const week2 = replan(next.problem, next.schedule, [], { seed: 1, maxIterations: 200 });
    expect(week2.problem.weekStart).toBe('2026-11-02');
    expect(week2.report.score.hard).toBe(0);
  });

  it('gives each unmet requirement of a patient who missed a group only causes about it', () => {
    // p1 misses Tuesday's group with nobody left to make it up with, and also needs medication
    // management, which only np-1 gives, on Monday mornings (already past).
    const problem = octoberProblem();
    problem.services.push({ id: 'medication', kind: 'individual', durationMinutes: 30, staff: [{ credentials: ['PMHNP'] }], telehealth: 'only' });
    problem.staff.push({ id: 'np-1', credentials: ['PMHNP'], availability: { weekly: [{ days: ['MO'], start: '09:00', end: '10:00' }] } });
    problem.patients[0]!.requires = [{ service: 'medication', min: 1 }];
    const { report } = replan(problem, octoberWeek(), [{ kind: 'missed', patient: 'p1', meeting: 'tu-process' }], { seed: 1, maxIterations: 200, asOf: '2026-10-27T19:00:00-07:00' });
    const unmet = report.unmet.filter((u) => u.patient === 'p1');
    const hours = unmet.find((u) => u.rule === 'patient-min-weekly-hours');
    const medication = unmet.find((u) => u.rule === 'requires-min');
    expect(hours?.causes.map((c) => c.code)).toContain('make-up-not-placed');
    expect(medication).toBeDefined();
    expect(medication!.causes.map((c) => c.code)).not.toContain('make-up-not-placed');
    for (const cause of medication!.causes) expect(cause.message).not.toContain('process');
    expect(medication!.causes.map((c) => c.message).join(' ')).toContain('medication');
  });

  it('rejects a schedule of another week', () => {
    expect(() => nextWeek(octoberProblem(), { ...octoberWeek(), weekStart: '2026-11-02' })).toThrow(ProblemError);
  });
});
