/**
 * A tiny, valid clinic and a meeting builder for rule tests: one evening track, one group
 * service, one individual service, two clinicians, a group room and an office, four patients.
 */
import type { Problem } from '../../src/model/problem.js';
import type { Meeting, Schedule } from '../../src/model/schedule.js';
import { toOffsetIso } from '../../src/time/zone.js';
import { addDays, weekdayIndex, WEEKDAYS } from '../../src/time/week.js';
import type { Weekday } from '../../src/model/problem.js';

export function tinyProblem(): Problem {
  return {
    timeZone: 'America/Los_Angeles',
    weekStart: '2026-11-23',
    tracks: [{ id: 'evening', windows: { weekly: [{ days: ['TU', 'WE', 'TH'], start: '18:00', end: '21:00' }] } }],
    services: [
      { id: 'process', kind: 'group', durationMinutes: 60, staff: [{ credentials: ['LCSW', 'LMFT'] }], room: { features: ['group'] } },
      { id: 'individual', kind: 'individual', durationMinutes: 60, staff: [{ credentials: ['LCSW', 'LMFT'] }], telehealth: 'allowed' },
    ],
    staff: [
      { id: 'clin-1', credentials: ['LCSW'] },
      { id: 'clin-2', credentials: ['LMFT'] },
    ],
    rooms: [
      { id: 'room-a', capacity: 3, features: ['group'] },
      { id: 'office-1', capacity: 1 },
    ],
    patients: ['p1', 'p2', 'p3', 'p4'].map((id) => ({ id, tracks: ['evening'] })),
  };
}

/** A meeting on `day` of the tiny week from `start` for `minutes` (default 60). */
export function meeting(fields: Partial<Meeting> & { id: string; service: string; day: Weekday; start: string }, minutes = 60): Meeting {
  const date = addDays('2026-11-23', weekdayIndex(fields.day));
  const [h, m] = fields.start.split(':').map(Number) as [number, number];
  const endMinutes = h * 60 + m + minutes;
  const end = `${String(Math.floor(endMinutes / 60)).padStart(2, '0')}:${String(endMinutes % 60).padStart(2, '0')}`;
  return {
    track: null,
    date,
    end,
    startsAt: toOffsetIso(date, fields.start, 'America/Los_Angeles'),
    endsAt: toOffsetIso(date, end, 'America/Los_Angeles'),
    room: null,
    mode: fields.room === undefined || fields.room === null ? 'telehealth' : 'in-person',
    staff: [],
    patients: [],
    ...fields,
  };
}

export function scheduleOf(meetings: Meeting[]): Schedule {
  return { timeZone: 'America/Los_Angeles', weekStart: '2026-11-23', meetings };
}

export { WEEKDAYS };
