import { describe, expect, it } from 'vitest';
import { checkSchedule } from '../pipeline/check-schedule.js';
import { scheduleContext } from '../compiled/schedule-context.js';
import { compileProblem } from '../compiled/compile.js';
import type { Problem } from '../model/problem.js';
import type { Schedule } from '../model/schedule.js';
import { meeting, scheduleOf, tinyProblem } from '../../test/support/tiny.js';
import { Budget } from '../time/budget.js';
import { blockedPlacements } from './blocking.js';
import { findCauses, unmetServices } from './causes.js';
import { diagnose } from './diagnose.js';

/** Tiny clinic, group time only, one evening room of 3 seats, four patients. */
function crowded(): Problem {
  const problem = tinyProblem();
  problem.services = problem.services.filter((s) => s.kind === 'group');
  problem.rooms = [problem.rooms[0]!];
  return problem;
}

/** Three full meetings each evening hour in room-a for p1-p3; p4 is left out. */
function fullWeek(): Schedule {
  const meetings = (['TU', 'WE', 'TH'] as const).flatMap((day) =>
    ['18:00', '19:00', '20:00'].map((start, i) =>
      meeting({ id: `${day}-${i}`, service: 'process', track: 'evening', day, start, room: 'room-a', staff: [i % 2 === 0 ? 'clin-1' : 'clin-2'], patients: ['p1', 'p2', 'p3'] }),
    ),
  );
  return scheduleOf(meetings);
}

describe('blockedPlacements', () => {
  it('names the full room and the room already in use', () => {
    const problem = crowded();
    const ctx = scheduleContext(compileProblem(problem), fullWeek());
    const tallies = blockedPlacements(ctx, 3, [0])!;
    expect(tallies.get('room-capacity')).toMatchObject({ count: 9 });
    expect([...tallies.get('room-capacity')!.rooms.keys()]).toEqual(['room-a']);
    expect([...tallies.get('room-double-booked')!.rooms.keys()]).toEqual(['room-a']);
  });

  it('names the other patient of an avoid pair', () => {
    const problem = crowded();
    problem.rooms[0]!.capacity = 6;
    problem.patients[3]!.avoid = ['p2'];
    const tallies = blockedPlacements(scheduleContext(compileProblem(problem), fullWeek()), 3, [0])!;
    expect([...tallies.get('avoid-pair')!.patients.keys()]).toEqual(['p2']);
    expect(tallies.get('avoid-pair')!.count).toBe(9);
  });
});

describe('findCauses', () => {
  it('gives every unmet requirement at least one cause, naming the room', () => {
    const problem = crowded();
    const schedule = fullWeek();
    const report = checkSchedule(problem, schedule);
    expect(report.unmet.length).toBeGreaterThan(0);
    const causes = findCauses(scheduleContext(compileProblem(problem), schedule), report, diagnose(problem).impossible);
    expect(causes).toHaveLength(report.unmet.length);
    for (const list of causes) expect(list.length).toBeGreaterThan(0);
    const p4 = report.unmet.findIndex((u) => u.patient === 'p4' && u.rule === 'patient-min-weekly-hours');
    const room = causes[p4]!.find((c) => c.code === 'room-capacity');
    expect(room).toMatchObject({ rooms: ['room-a'], blocked: 9 });
    expect(room!.message).toContain('Tue 18:00-21:00, Wed 18:00-21:00, Thu 18:00-21:00');
  });

  it('puts proofs first and merges the solver conflict statistics', () => {
    const problem = crowded();
    problem.patients[3]!.availability = { weekly: [{ days: ['TU'], start: '18:00', end: '21:00' }] };
    const schedule = fullWeek();
    const report = checkSchedule(problem, schedule);
    const conflicts = {
      byPatient: new Map([['p4', new Map([['homogeneity', 5], ['room-capacity', 2]])]]),
      byEntity: new Map([['homogeneity', new Map([['service:process', 5]])]]),
    };
    const causes = findCauses(scheduleContext(compileProblem(problem), schedule), report, diagnose(problem).impossible, conflicts);
    const p4 = report.unmet.findIndex((u) => u.patient === 'p4' && u.rule === 'patient-min-weekly-hours');
    expect(causes[p4]![0]).toMatchObject({ code: 'availability-hours' });
    expect(causes[p4]!.find((c) => c.code === 'homogeneity')).toMatchObject({ blocked: 5 });
    expect(causes[p4]!.find((c) => c.code === 'homogeneity')!.message).toContain('service:process');
    expect(causes[p4]!.filter((c) => c.code === 'room-capacity')).toHaveLength(1);
    expect(causes[p4]!.find((c) => c.code === 'room-capacity')!.message).toContain('The search met this rule 2 times.');
  });

  it('once out of time, keeps the counted conflicts and says what it did not analyse', () => {
    const problem = crowded();
    const schedule = fullWeek();
    const report = checkSchedule(problem, schedule);
    const ctx = scheduleContext(compileProblem(problem), schedule);
    const hoursEntries = report.unmet.map((u, i) => (u.patient === 'p4' && u.rule === 'patient-min-weekly-hours' ? i : -1)).filter((i) => i >= 0);
    expect(hoursEntries).toHaveLength(1);
    const conflicts = { byPatient: new Map([['p4', new Map([['room-capacity', 2]])]]), byEntity: new Map() };
    const spent = new Budget({ timeLimitMs: 0 });
    const counted = findCauses(ctx, report, [], conflicts, spent);
    expect(counted[hoursEntries[0]!]!.map((c) => c.code)).toEqual(['room-capacity', 'not-analysed']);
    const uncounted = findCauses(ctx, report, [], undefined, spent);
    expect(uncounted).toHaveLength(report.unmet.length);
    for (const list of uncounted) expect(list.map((c) => c.code)).toEqual(['not-analysed']);
  });

  it('attaches to a requirement only causes about services that could meet it', () => {
    // p1 needs medication management, which only np-1 (Monday mornings) can give; p4 does not
    // need it, so p4's missing hours have nothing to do with the prescriber's hours.
    const problem = crowded();
    problem.services.push({ id: 'medication-management', kind: 'individual', durationMinutes: 30, staff: [{ credentials: ['PMHNP'] }] });
    problem.staff.push({ id: 'np-1', credentials: ['PMHNP'], availability: { weekly: [{ days: ['MO'], start: '09:00', end: '12:00' }] } });
    problem.patients[0]!.requires = [{ service: 'medication-management', min: 1 }];
    problem.patients[0]!.availability = { weekly: [{ days: ['TU', 'WE', 'TH'], start: '17:00', end: '21:00' }] };
    const schedule = fullWeek();
    const report = checkSchedule(problem, schedule);
    const causes = findCauses(scheduleContext(compileProblem(problem), schedule), report, diagnose(problem).impossible);
    const p4 = report.unmet.findIndex((u) => u.patient === 'p4' && u.rule === 'patient-min-weekly-hours');
    expect(p4).toBeGreaterThanOrEqual(0);
    expect(causes[p4]!.map((c) => c.code)).toContain('room-capacity');
    for (const cause of causes[p4]!) expect(cause.message).not.toContain('medication-management');
    for (const cause of causes[p4]!) expect(cause.staff ?? []).not.toContain('np-1');
    // The patient who needs it is told why: the prescriber does not work when p1 is free.
    const p1 = report.unmet.findIndex((u) => u.patient === 'p1' && u.rule === 'requires-min');
    expect(p1).toBeGreaterThanOrEqual(0);
    expect(causes[p1]!.map((c) => c.message).join(' ')).toContain('medication-management');
    for (const cause of causes[p1]!) expect(cause.message).not.toContain(' process');
  });

  it('finds the service of a curriculum entry from the patient statuses', () => {
    const problem = crowded();
    problem.tracks[0]!.curriculum = [{ service: 'process', min: 10 }];
    const report = checkSchedule(problem, fullWeek());
    const services = unmetServices(report);
    report.unmet.forEach((u, i) => expect(services[i]).toBe(u.rule === 'curriculum-min' ? 'process' : undefined));
    expect(report.unmet.some((u) => u.rule === 'curriculum-min')).toBe(true);
  });
});
