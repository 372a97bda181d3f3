import { describe, expect, it } from 'vitest';
import type { Meeting, Schedule } from '../model/schedule.js';
import { toOffsetIso } from '../time/zone.js';
import { diffSchedules, type ReasonSource } from './diff.js';
import type { ChangeReason } from './types.js';

function m(id: string, fields: Partial<Meeting> = {}): Meeting {
  const date = fields.date ?? '2026-11-24';
  const start = fields.start ?? '18:00';
  const end = fields.end ?? '19:00';
  return {
    id, service: 'process', track: 'evening', date, day: 'TU', start, end,
    startsAt: toOffsetIso(date, start, 'America/Los_Angeles'), endsAt: toOffsetIso(date, end, 'America/Los_Angeles'),
    room: 'room-a', mode: 'in-person', staff: ['clin-1'], patients: ['p1', 'p2'], ...fields,
  };
}

const week = (meetings: Meeting[]): Schedule => ({ timeZone: 'America/Los_Angeles', weekStart: '2026-11-23', meetings });
const OUT: ChangeReason = { change: 0, kind: 'staff-out', message: 'Staff clin-1 is out on 2026-11-24.' };
const ADMIT: ChangeReason = { change: 1, kind: 'admit', message: 'Patient p9 is admitted.' };
const reasons: ReasonSource = {
  meeting: (id) => (id === 'b' || id === 'c' ? [OUT] : []),
  patient: (id) => (id === 'p9' ? [ADMIT] : []),
  staff: () => [],
};

describe('diffSchedules', () => {
  it('reports nothing for the same week', () => {
    expect(diffSchedules(week([m('a')]), week([m('a')]), reasons)).toEqual({ meetings: [], patients: [], staff: [] });
  });

  it('names every kind of change with its reasons, per meeting and per person', () => {
    const before = week([m('a'), m('b'), m('c'), m('d'), m('e')]);
    const after = week([
      m('a', { patients: ['p1', 'p2', 'p9'] }),
      m('b', { staff: ['clin-2'] }),
      m('c', { date: '2026-11-25', day: 'WE' }),
      m('d', { room: 'room-b' }),
      m('f', { patients: ['p9'] }),
    ]);
    const log = diffSchedules(before, after, reasons);
    expect(log.meetings.map((x) => [x.meeting, x.kinds])).toEqual([
      ['a', ['roster']],
      ['b', ['re-staffed']],
      ['c', ['moved']],
      ['d', ['re-roomed']],
      ['e', ['cancelled']],
      ['f', ['added']],
    ]);
    const [a, b, , d, e] = log.meetings;
    expect(a!.patientsAdded).toEqual(['p9']);
    expect(a!.reasons).toEqual([ADMIT]);
    expect(b!.staffAdded).toEqual(['clin-2']);
    expect(b!.staffRemoved).toEqual(['clin-1']);
    expect(b!.reasons).toEqual([OUT]);
    expect(d!.reasons[0]!.kind).toBe('requirement');
    expect(e!.after).toBeUndefined();
    expect(e!.patientsRemoved).toEqual(['p1', 'p2']);
    const p1 = log.patients.find((p) => p.id === 'p1')!;
    expect(p1.sessions.map((s) => [s.meeting, s.what])).toEqual([
      ['b', 'changed'],
      ['c', 'moved'],
      ['d', 'changed'],
      ['e', 'removed'],
    ]);
    expect(log.patients.find((p) => p.id === 'p9')!.sessions.map((s) => [s.meeting, s.what, s.reasons[0]!.kind])).toEqual([
      ['a', 'added', 'admit'],
      ['f', 'added', 'admit'],
    ]);
    expect(log.staff.map((s) => s.id)).toEqual(['clin-1', 'clin-2']);
  });
});
