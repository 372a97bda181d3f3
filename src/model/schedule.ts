/**
 * The timetable: what `solve` returns and what `checkSchedule` judges. Plain JSON-serialisable data.
 *
 * @module
 */
import type { LocalDate, LocalTime, Weekday } from './problem.js';
import type { Report } from './report.js';

/**
 * One session held once: a group or an individual session, on a date, with its staff, room and patients.
 *
 * @example
 * ```ts
 * const meeting: Meeting = {
 *   id: 'evening-TU-1800-process-1', service: 'process-group', track: 'evening',
 *   date: '2026-11-24', day: 'TU', start: '18:00', end: '19:00',
 *   startsAt: '2026-11-24T18:00:00-08:00', endsAt: '2026-11-24T19:00:00-08:00',
 *   room: 'room-a', mode: 'in-person', staff: ['clin-1'], patients: ['p-01', 'p-02'],
 * };
 * ```
 */
export interface Meeting {
  /** Unique within the schedule; stable across re-plans when the meeting is kept. */
  id: string;
  /** The service held (a service id). */
  service: string;
  /** The track whose group programme holds it, or `null` for sessions outside any track. */
  track: string | null;
  /** Local date, inside the scheduled week. */
  date: LocalDate;
  /** Weekday of `date`. */
  day: Weekday;
  /** Wall-clock start in the problem's time zone. */
  start: LocalTime;
  /** Wall-clock end; `end - start` is the service's duration. */
  end: LocalTime;
  /** ISO 8601 instant with the zone's offset at the start, e.g. `'2026-11-23T18:00:00-08:00'`. */
  startsAt: string;
  /** ISO 8601 instant with the zone's offset at the end. */
  endsAt: string;
  /** The room, or `null` when held by telehealth. */
  room: string | null;
  /** How it is held. */
  mode: 'in-person' | 'telehealth';
  /** Staff ids leading it, one per seat position. */
  staff: string[];
  /** Patient ids attending it. */
  patients: string[];
  /**
   * Patient ids who were on its roster but did not attend (a no-show, recorded by `replan` for
   * a `missed` change or a discharge dated before a session already held). Only a meeting
   * already held has them. They are not in `patients`, so nothing counts the session toward
   * their week; the meeting's own size rules (a group's minimum, one patient per individual
   * session) judge it as it was planned, attendees and no-shows together: a record is not
   * re-judged for an absence it could not prevent.
   */
  noShows?: string[];
  /**
   * How many times the published meeting changed: 0 when first built; replan adds 1 on any change
   * of time, room, staff or roster, and keeps it otherwise; a meeting it adds starts at 0.
   * Calendar exports write it as `SEQUENCE`, so clients apply the update. Absent means 0.
   */
  revision?: number;
  /** A pinned meeting is never moved by `replan`. */
  pinned?: boolean;
  /**
   * The caller's own data about this meeting (an EHR appointment id): any JSON object. Never read,
   * never logged, never printed in an export; `replan` keeps it on a meeting it keeps (same id),
   * moved or not, and `nextWeek` carries it to the next week.
   */
  meta?: Record<string, unknown>;
}

/** A week's timetable. */
export interface Schedule {
  /** Same as the problem's. */
  timeZone: string;
  /** Same as the problem's. */
  weekStart: LocalDate;
  /** Every meeting of the week, sorted by date, start and id. */
  meetings: Meeting[];
}

/**
 * What `solve` and `solveInWorker` return.
 *
 * @example
 * ```ts
 * const { schedule, report }: Solution = solve(problem, { seed: 1 });
 * ```
 */
export interface Solution {
  /** The week's timetable. */
  schedule: Schedule;
  /** What it delivers and breaks, with run statistics in `report.stats`. */
  report: Report;
}
