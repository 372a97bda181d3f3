/**
 * What a week grid shows: one grid per track, room, staff member or patient, or just one of them.
 */
import type { Problem } from '../model/problem.js';
import type { Report } from '../model/report.js';
import type { Meeting, Schedule } from '../model/schedule.js';
import { addDays, dayNumber, WEEKDAYS } from '../time/week.js';
import { namesOf } from './names.js';
import { byTime } from './select.js';

/**
 * How to lay out the week in {@link renderText} and {@link renderHtml}.
 *
 * @example
 * ```ts
 * renderText(problem, schedule);                                   // one grid per track
 * renderText(problem, schedule, { by: 'staff', id: 'clin-1' });     // clin-1's week
 * renderHtml(problem, schedule, { by: 'patient', report });         // every patient, with hours and unmet requirements
 * ```
 */
export interface View {
  /**
   * One grid per track (default; sessions outside any track get their own grid), per room
   * (telehealth sessions get their own grid), per staff member or per patient.
   */
  by?: 'track' | 'room' | 'staff' | 'patient';
  /** Only the grid of this track, room, staff member or patient. Default: all that have sessions (every patient when `by: 'patient'`). */
  id?: string;
  /**
   * The report of this schedule (from `solve` or `checkSchedule`): adds each patient's hours,
   * days and requirements, and marks what is unmet or breaks a hard rule.
   */
  report?: Report;
}

/** One grid: a title and its meetings, sorted by time. */
export interface Section {
  kind: 'track' | 'room' | 'staff' | 'patient';
  /** The entity's id, or `null` for "no track" / "telehealth". */
  id: string | null;
  title: string;
  meetings: Meeting[];
}

/**
 * The grids a view asks for.
 *
 * @throws {RangeError} when `view.id` names no such entity.
 *
 * @example
 * ```ts
 * sectionsOf(problem, schedule, { by: 'room' }).map((s) => s.title); // ['Room A', 'Office 1', 'Telehealth']
 * ```
 */
export function sectionsOf(problem: Problem, schedule: Schedule, view: View = {}): Section[] {
  const by = view.by ?? 'track';
  const names = namesOf(problem);
  const meetings = [...schedule.meetings].sort(byTime);
  const entities: Array<{ id: string | null; title: string; keep: (m: Meeting) => boolean }> =
    by === 'track'
      ? [
          ...problem.tracks.map((t) => ({ id: t.id, title: `Track ${names.track(t.id)}`, keep: (m: Meeting) => m.track === t.id })),
          { id: null, title: 'Outside tracks', keep: (m: Meeting) => m.track === null },
        ]
      : by === 'room'
        ? [
            ...problem.rooms.map((r) => ({ id: r.id, title: `Room ${names.room(r.id)}`, keep: (m: Meeting) => m.room === r.id })),
            { id: null, title: 'Telehealth', keep: (m: Meeting) => m.room === null },
          ]
        : by === 'staff'
          ? problem.staff.map((s) => ({ id: s.id, title: `Staff ${names.staff(s.id)}`, keep: (m: Meeting) => m.staff.includes(s.id) }))
          : problem.patients.map((p) => ({ id: p.id, title: `Patient ${p.id}`, keep: (m: Meeting) => m.patients.includes(p.id) }));
  if (view.id !== undefined) {
    const entity = entities.find((e) => e.id === view.id);
    if (!entity) throw new RangeError(`Unknown ${by === 'staff' ? 'staff member' : by} '${view.id}'.`);
    return [{ kind: by, id: entity.id, title: entity.title, meetings: meetings.filter(entity.keep) }];
  }
  return entities
    .map((e) => ({ kind: by, id: e.id, title: e.title, meetings: meetings.filter(e.keep) }))
    .filter((section) => by === 'patient' || section.meetings.length > 0);
}

/**
 * The days the grids show, in week order: every day of the week on which some meeting falls
 * (the same columns for every grid, so grids line up), or Monday to Friday in an empty week.
 *
 * @example
 * ```ts
 * shownDays(schedule, '2026-11-23'); // [{ date: '2026-11-24', index: 1 }, ...] for an evening-only week
 * ```
 */
export function shownDays(schedule: Schedule, weekStart: string): Array<{ date: string; index: number }> {
  if (dayNumber(weekStart) === undefined) return [];
  const used = new Set(schedule.meetings.map((m) => m.date));
  const days = WEEKDAYS.map((_, index) => ({ date: addDays(weekStart, index), index }));
  const withMeetings = days.filter((d) => used.has(d.date));
  return withMeetings.length > 0 ? withMeetings : days.slice(0, 5);
}

/**
 * Patient ids whose summary a view shows: those of its sections when by patient or for one id, else all.
 *
 * @example
 * ```ts
 * patientsShown(problem, sectionsOf(problem, schedule, view), view);
 * ```
 */
export function patientsShown(problem: Problem, sections: readonly Section[], view: View): string[] {
  if ((view.by ?? 'track') === 'patient') return sections.map((s) => s.id ?? '');
  if (view.id === undefined) return problem.patients.map((p) => p.id);
  const seen = new Set(sections.flatMap((s) => s.meetings.flatMap((m) => m.patients)));
  return problem.patients.map((p) => p.id).filter((id) => seen.has(id));
}

/**
 * Ids of the meetings in a hard-rule violation of the report.
 *
 * @example
 * ```ts
 * brokenMeetings(checkSchedule(problem, schedule)).has('m-1');
 * ```
 */
export function brokenMeetings(report: Report | undefined): Set<string> {
  return new Set(report?.violations.filter((v) => v.level === 'hard').flatMap((v) => v.meetings) ?? []);
}
