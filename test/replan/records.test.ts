/**
 * A meeting already held is a record: a miss or a late discharge makes its patient a no-show on
 * it (the meeting stays, judged as planned), a call-out or closure does not reach back into it,
 * and no change leaves a future meeting impossible, pinned or not.
 */
import { describe, expect, it } from 'vitest';
import type { Change } from '../../src/model/options.js';
import type { Problem } from '../../src/model/problem.js';
import type { Meeting, Schedule } from '../../src/model/schedule.js';
import { checkSchedule } from '../../src/pipeline/check-schedule.js';
import { ProblemError } from '../../src/model/issue.js';
import { validateProblem } from '../../src/input/validate.js';
import { nextWeek } from '../../src/replan/next-week.js';
import { replan } from '../../src/replan/replan.js';
import type { ReplanOptions, ReplanResult } from '../../src/replan/types.js';
import { meeting, scheduleOf } from '../support/tiny.js';

/** One evening track (Tue-Thu 18:00-21:00), a process group of 2-3, a telehealth individual session, two clinicians. */
function clinic(): Problem {
  return {
    timeZone: 'America/Los_Angeles',
    weekStart: '2026-11-23',
    tracks: [{ id: 'evening', windows: { weekly: [{ days: ['TU', 'WE', 'TH'], start: '18:00', end: '21:00' }] } }],
    services: [
      { id: 'process', kind: 'group', durationMinutes: 60, minSize: 2, maxSize: 3, staff: [{ credentials: ['LCSW', 'LMFT'] }], room: { features: ['group'] } },
      { id: 'individual', kind: 'individual', durationMinutes: 60, staff: [{ credentials: ['LCSW', 'LMFT'] }], telehealth: 'only' },
    ],
    staff: [
      { id: 'clin-1', credentials: ['LCSW'] },
      { id: 'clin-2', credentials: ['LMFT'] },
    ],
    rooms: [{ id: 'room-a', capacity: 3, features: ['group'] }],
    patients: ['p1', 'p2', 'p3', 'p4'].map((id) => ({ id, tracks: ['evening'], telehealth: id === 'p3' || id === 'p4' })),
  };
}

const group = (id: string, day: Meeting['day'], start: string, patients: string[], pinned = false): Meeting =>
  meeting({ id, service: 'process', track: 'evening', day, start, room: 'room-a', mode: 'in-person', staff: ['clin-1'], patients, ...(pinned ? { pinned } : {}) });
const single = (id: string, day: Meeting['day'], start: string, patient: string, pinned = false): Meeting =>
  meeting({ id, service: 'individual', day, start, staff: ['clin-2'], patients: [patient], ...(pinned ? { pinned } : {}) });

function week(): Schedule {
  return scheduleOf([
    group('tu-process', 'TU', '18:00', ['p1', 'p2']),
    single('tu-individual', 'TU', '19:00', 'p3'),
    group('we-process', 'WE', '18:00', ['p1', 'p2', 'p3']),
    single('th-individual', 'TH', '18:00', 'p4', true),
    group('th-process', 'TH', '19:00', ['p1', 'p2'], true),
  ]);
}

const OPTIONS: ReplanOptions = { seed: 1, maxIterations: 300, timeLimitMs: 60_000 };

/** Replans, and checks what the validity property checks: a valid problem and a week with no hard violation. */
function replanned(changes: Change[], options: ReplanOptions = {}): ReplanResult & { byId: Map<string, Meeting> } {
  const result = replan(clinic(), week(), changes, { ...OPTIONS, ...options });
  expect(validateProblem(result.problem).ok).toBe(true);
  const hard = checkSchedule(result.problem, result.schedule).violations.filter((v) => v.level === 'hard');
  expect(hard.map((v) => v.message)).toEqual([]);
  expect(result.report.score.hard).toBe(0);
  return { ...result, byId: new Map(result.schedule.meetings.map((m) => [m.id, m])) };
}

describe('a missed meeting is kept as the record of what happened', () => {
  it('keeps a group the miss left below its minimum, with the patient as a no-show', () => {
    const { byId, changed } = replanned([{ kind: 'missed', patient: 'p1', meeting: 'tu-process' }]);
    expect(byId.get('tu-process')).toMatchObject({ patients: ['p2'], noShows: ['p1'], staff: ['clin-1'], start: '18:00' });
    expect(changed.meetings.find((m) => m.meeting === 'tu-process')).toMatchObject({ kinds: ['roster'], patientsRemoved: ['p1'] });
  });

  it('keeps an individual session whose patient did not come: held with no patient, one no-show', () => {
    const { byId } = replanned([{ kind: 'missed', patient: 'p3', meeting: 'tu-individual' }]);
    expect(byId.get('tu-individual')).toMatchObject({ patients: [], noShows: ['p3'] });
  });

  it('reads the no-shows back: re-planning the result again keeps them, and next week has the patient again', () => {
    const first = replan(clinic(), week(), [{ kind: 'missed', patient: 'p1', meeting: 'tu-process' }], OPTIONS);
    const again = replan(first.problem, first.schedule, [], OPTIONS);
    expect(again.schedule).toEqual(first.schedule);
    expect(checkSchedule(again.problem, again.schedule).feasible).toBe(true);
    const next = nextWeek(first.problem, first.schedule);
    const tuesday = next.schedule.meetings.find((m) => m.id === 'tu-process')!;
    expect(tuesday.patients).toEqual(['p2', 'p1']);
    expect(tuesday.noShows).toBeUndefined();
  });
});

describe('a discharge dated before sessions already held', () => {
  it('makes the patient a no-show on them and takes them out of the sessions still to come', () => {
    const { byId } = replanned([{ kind: 'discharge', patient: 'p2', from: '2026-11-24' }], { asOf: '2026-11-25T12:00:00-08:00' });
    expect(byId.get('tu-process')).toMatchObject({ patients: ['p1'], noShows: ['p2'] });
    expect(byId.get('we-process')?.patients).toEqual(['p1', 'p3']);
    // Thursday's pinned group lost p2 and holds one patient: its pin cannot keep it as it is.
    expect(byId.get('th-process')?.pinned).toBeUndefined();
  });
});

describe('a call-out or closure does not reach back into meetings already held', () => {
  it('starts a call-out after the meeting the member was leading at asOf', () => {
    const { problem, byId } = replanned([{ kind: 'staff-out', staff: 'clin-1', date: '2026-11-24' }], { asOf: '2026-11-24T18:30:00-08:00' });
    expect(byId.get('tu-process')).toEqual(week().meetings[0]);
    expect(problem.staff.find((s) => s.id === 'clin-1')!.availability!.except).toEqual([{ date: '2026-11-24', start: '19:00' }]);
  });

  it('adds nothing for a call-out or closure wholly in the past', () => {
    const changes: Change[] = [
      { kind: 'staff-out', staff: 'clin-2', date: '2026-11-24', start: '19:00', end: '20:00' },
      { kind: 'room-closed', room: 'room-a', date: '2026-11-24' },
    ];
    const { problem, schedule } = replanned(changes, { asOf: '2026-11-25T00:00:00-08:00' });
    expect(problem.staff.find((s) => s.id === 'clin-2')!.availability).toBeUndefined();
    expect(problem.rooms[0]!.availability).toBeUndefined();
    expect(schedule.meetings.filter((m) => m.date === '2026-11-24')).toEqual(week().meetings.slice(0, 2));
  });
});

describe('no change leaves a future meeting impossible, pinned or not', () => {
  it('cancels a pinned individual session whose patient is discharged', () => {
    const { byId, changed } = replanned([{ kind: 'discharge', patient: 'p4', from: '2026-11-26' }]);
    expect(byId.has('th-individual')).toBe(false);
    expect(changed.meetings.find((m) => m.meeting === 'th-individual')?.kinds).toEqual(['cancelled']);
  });

  it('repairs a pinned group a discharge leaves below its minimum', () => {
    const { byId } = replanned([{ kind: 'discharge', patient: 'p2', from: '2026-11-26' }]);
    const thursday = byId.get('th-process');
    if (thursday) expect(thursday.patients.length).toBeGreaterThanOrEqual(2);
    expect(thursday?.pinned).toBeUndefined();
  });

  it('frees a pinned group whose leader is out and nobody can stand in: it moves or is cancelled', () => {
    const changes: Change[] = [
      { kind: 'staff-out', staff: 'clin-1', date: '2026-11-26', start: '19:00', end: '20:00' },
      { kind: 'staff-out', staff: 'clin-2', date: '2026-11-26', start: '19:00', end: '20:00' },
    ];
    const { byId } = replanned(changes);
    const thursday = byId.get('th-process');
    if (thursday) expect([thursday.date, thursday.start, thursday.pinned]).not.toEqual(['2026-11-26', '19:00', true]);
  });
});

describe('a change that would make the problem invalid', () => {
  it('is refused with a path: a discharge dated before the admission', () => {
    const problem = clinic();
    problem.patients[1]!.admittedOn = '2026-11-24';
    const changes: Change[] = [
      { kind: 'pin', meeting: 'tu-process' },
      { kind: 'staff-out', staff: 'clin-2', date: '2026-11-26' },
      { kind: 'discharge', patient: 'p2', from: '2026-11-23' },
    ];
    let thrown: unknown;
    try {
      replan(problem, week(), changes, OPTIONS);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ProblemError);
    expect((thrown as ProblemError).issues.map((i) => [i.path, i.code])).toEqual([['changes[2].from', 'invalid-range']]);
  });
});
