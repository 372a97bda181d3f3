/**
 * Which meetings a calendar or a grid shows: all of them, or those of one patient, staff
 * member or room.
 */
import type { Problem } from '../model/problem.js';
import type { Meeting, Schedule } from '../model/schedule.js';

/** One patient's, staff member's or room's meetings; several fields mean all of them at once. */
export interface Subject {
  /** A patient's id: the meetings the patient attends. */
  patient?: string;
  /** A staff member's id: the meetings the member leads or co-leads. */
  staff?: string;
  /** A room's id: the meetings held in it. */
  room?: string;
}

/**
 * The meetings of `subject` (every meeting when it is empty), sorted by date, start and id.
 *
 * @throws {RangeError} when the subject names an id the problem does not know.
 *
 * @example
 * ```ts
 * meetingsOf(problem, schedule, { staff: 'clin-1' }); // the meetings clin-1 leads
 * ```
 */
export function meetingsOf(problem: Problem, schedule: Schedule, subject: Subject = {}): Meeting[] {
  const { patient, staff, room } = subject;
  if (patient !== undefined && !problem.patients.some((p) => p.id === patient)) throw new RangeError(`Unknown patient '${patient}'.`);
  if (staff !== undefined && !problem.staff.some((s) => s.id === staff)) throw new RangeError(`Unknown staff member '${staff}'.`);
  if (room !== undefined && !problem.rooms.some((r) => r.id === room)) throw new RangeError(`Unknown room '${room}'.`);
  return schedule.meetings
    .filter(
      (meeting) =>
        (patient === undefined || meeting.patients.includes(patient)) &&
        (staff === undefined || meeting.staff.includes(staff)) &&
        (room === undefined || meeting.room === room),
    )
    .sort(byTime);
}

/**
 * Orders meetings by date, start, end and id.
 *
 * @example
 * ```ts
 * const sorted = [...schedule.meetings].sort(byTime);
 * ```
 */
export function byTime(a: Meeting, b: Meeting): number {
  return compare(a.date, b.date) || compare(a.start, b.start) || compare(a.end, b.end) || compare(a.id, b.id);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
