/**
 * Where a meeting's weekly series ends in a calendar: at the discharge of the patients it is for,
 * so a discharged patient's calendar holds no session after `dischargedOn`.
 */
import type { Problem } from '../model/problem.js';
import type { Meeting } from '../model/schedule.js';
import { zonedInstant } from '../time/zone.js';

/**
 * The last instant a weekly series of `meeting` may start at (RFC 5545 `UNTIL`, inclusive), or
 * `undefined` when it runs on. In `patient`'s calendar it ends at that patient's discharge;
 * elsewhere at the latest discharge of its roster (attendees and no-shows), when every one of
 * them has a discharge date: once they are all gone the session is for nobody. `dischargedOn`
 * is exclusive, so the series ends one second before its midnight in the clinic's zone.
 *
 * @example
 * ```ts
 * // p-01 is discharged on 2026-12-04 (a Friday), in Los Angeles:
 * seriesUntil(problem, meeting, 'p-01')?.toISOString(); // '2026-12-04T07:59:59.000Z'
 * ```
 */
export function seriesUntil(problem: Problem, meeting: Meeting, patient?: string): Date | undefined {
  const roster = patient !== undefined ? [patient] : [...meeting.patients, ...(meeting.noShows ?? [])];
  if (roster.length === 0) return undefined;
  let last: string | undefined;
  for (const id of roster) {
    const dischargedOn = problem.patients.find((p) => p.id === id)?.dischargedOn;
    if (dischargedOn === undefined) return undefined;
    if (last === undefined || dischargedOn > last) last = dischargedOn;
  }
  if (last === undefined) return undefined;
  return new Date(zonedInstant(last, '00:00', problem.timeZone).getTime() - 1000);
}
