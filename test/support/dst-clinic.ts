/**
 * A small clinic in Los Angeles that meets on Sunday night, for the weeks the clock changes:
 * 2026-03-02 (2026-03-08 skips 02:00-03:00) and 2026-10-26 (2026-11-01 repeats 01:00-02:00).
 */
import type { Problem, Weekday } from '../../src/model/problem.js';
import type { Meeting, Schedule } from '../../src/model/schedule.js';
import { addDays, parseLocalTime, weekdayIndex } from '../../src/time/week.js';
import { toOffsetIso } from '../../src/time/zone.js';

export const LA = 'America/Los_Angeles';
/** The week whose Sunday, 2026-03-08, skips 02:00-03:00. */
export const SPRING_WEEK = '2026-03-02';
/** The week whose Sunday, 2026-11-01, repeats 01:00-02:00. */
export const FALL_WEEK = '2026-10-26';

/** One track open on Sunday from `start` to `end`, a one-hour group, two clinicians, four patients. */
export function sundayNightClinic(weekStart: string, start: string, end: string): Problem {
  return {
    timeZone: LA,
    weekStart,
    tracks: [{ id: 'night', windows: { weekly: [{ days: ['SU'], start, end }] } }],
    services: [{ id: 'process', kind: 'group', durationMinutes: 60, staff: [{ credentials: ['LCSW'] }], room: { features: ['group'] } }],
    staff: [
      { id: 'clin-1', credentials: ['LCSW'] },
      { id: 'clin-2', credentials: ['LCSW'] },
    ],
    rooms: [
      { id: 'room-a', capacity: 6, features: ['group'] },
      { id: 'room-b', capacity: 6, features: ['group'] },
    ],
    patients: ['p1', 'p2', 'p3', 'p4'].map((id) => ({ id, tracks: ['night'] })),
    rules: { minWeeklyHours: 1, minDays: 1 },
  };
}

/** A process group of the Sunday-night clinic, with the instants zone.ts gives its wall clock. */
export function nightGroup(weekStart: string, id: string, day: Weekday, start: string, end: string, fields: Partial<Meeting> = {}): Meeting {
  const date = addDays(weekStart, weekdayIndex(day));
  return {
    id,
    service: 'process',
    track: 'night',
    date,
    day,
    start,
    end,
    startsAt: toOffsetIso(date, start, LA),
    endsAt: toOffsetIso(date, end, LA),
    room: 'room-a',
    mode: 'in-person',
    staff: ['clin-1'],
    patients: ['p1', 'p2'],
    ...fields,
  };
}

export function nightSchedule(weekStart: string, meetings: Meeting[]): Schedule {
  return { timeZone: LA, weekStart, meetings };
}

/** Whether `[start, end)` of a meeting overlaps wall-clock `[from, to)`. */
export function touches(meeting: Pick<Meeting, 'start' | 'end'>, from: string, to: string): boolean {
  return parseLocalTime(meeting.start)! < parseLocalTime(to)! && parseLocalTime(from)! < parseLocalTime(meeting.end)!;
}
