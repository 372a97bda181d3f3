/**
 * The binding resource of a short patient's track, as a cause: the track-days where the group
 * rooms' seats or the credentialed staff's hours fall short of what the track's patients need,
 * with the figures of the capacity analysis. It comes before the blocked placements: they say
 * which meeting was full, this says why every meeting is.
 */
import type { CompiledProblem } from '../compiled/compile.js';
import type { Cause } from '../model/report.js';
import { SLOTS_PER_DAY, WEEKDAYS } from '../time/week.js';
import type { CapacityRow } from './types.js';
import { dayShort, hoursText } from './words.js';

/** Rules a shortage of track group time can cause (the hours and days thresholds, and group counts). */
const TIME_RULES = new Set(['patient-min-weekly-hours', 'patient-min-days', 'daily-min-minutes', 'daily-min-services']);

/** Over capacity: demand above supply (the analysis's estimate; 1 = exactly full). */
export const OVER_CAPACITY = 1;

/** Cause codes of {@link capacityCause}, by binding resource. */
export const CAPACITY_CODES = { rooms: 'track-rooms-full', staff: 'track-staff-short' } as const;

/**
 * The cause naming the binding resource of `patient`'s track for an unmet `rule` (of `service`,
 * for counts), or `undefined` when no day the patient can come is over capacity or the
 * requirement does not depend on the track's groups.
 *
 * @example
 * ```ts
 * const cause = capacityCause(compiled, 41, 'curriculum-min', 'skills-group', diagnosis.capacity);
 * // { code: 'track-rooms-full', message: 'Track evening's group rooms are over-full: Tue ...' }
 * ```
 */
export function capacityCause(problem: CompiledProblem, patient: number, rule: string, service: string | undefined, rows: readonly CapacityRow[]): Cause | undefined {
  const p = problem.patients[patient];
  const track = p === undefined ? undefined : problem.tracks[p.tracks[0] ?? -1];
  if (p === undefined || track === undefined) return undefined;
  if (!TIME_RULES.has(rule)) {
    const s = service === undefined ? undefined : problem.services[problem.serviceIndex.get(service) ?? -1];
    if (s === undefined || s.kind !== 'group' || !s.trackBound) return undefined;
  }
  const over = rows.filter((row) => row.track === track.id && row.utilisation >= OVER_CAPACITY && canCome(problem, patient, row.day));
  if (over.length === 0) return undefined;
  // The resource binding on most of those days (rooms on a tie: they take longest to change).
  const staffDays = over.filter((row) => row.binding === 'staff').length;
  const binding: 'rooms' | 'staff' = staffDays * 2 > over.length ? 'staff' : 'rooms';
  const days = over.filter((row) => row.binding === binding);
  const figures = days.map((row) => {
    const day = dayShort(WEEKDAYS.indexOf(row.day as never));
    const percent = `${Math.round(row.utilisation * 100)}%`;
    return binding === 'rooms'
      ? `${day} ${hoursText(row.seatMinutesDemanded)} seat-hours needed, ${hoursText(row.seatMinutesOffered)} offered (${percent})`
      : `${day} ${hoursText(row.staffMinutesNeeded)} staff-hours needed, ${hoursText(row.staffMinutesAvailable)} offered (${percent})`;
  });
  const groups = problem.services.filter((s) => s.kind === 'group' && s.trackBound);
  const cause: Cause = {
    code: CAPACITY_CODES[binding],
    message:
      binding === 'rooms'
        ? `The ${track.id} track's group rooms are over-full, so not every patient fits every group: ${figures.join('; ')}.`
        : `The ${track.id} track has too few credentialed staff-hours to lead the groups its patients need: ${figures.join('; ')}.`,
  };
  if (binding === 'rooms') cause.rooms = [...new Set(groups.flatMap((s) => s.eligibleRooms))].map((r) => problem.rooms[r]!.id);
  else cause.staff = [...new Set(groups.flatMap((s) => s.seats.flatMap((seat) => seat.eligibleStaff)))].map((m) => problem.staff[m]!.id);
  return cause;
}

/** Whether `patient` is enrolled and free at some time of their track's window on `weekday`. */
function canCome(problem: CompiledProblem, patient: number, weekday: string): boolean {
  const p = problem.patients[patient]!;
  const day = WEEKDAYS.indexOf(weekday as never);
  if (day < p.firstDay || day >= p.endDay) return false;
  const inside = p.available.clone();
  inside.intersectWith(problem.tracks[p.tracks[0]!]!.windows);
  return inside.intersectsRange(day * SLOTS_PER_DAY, (day + 1) * SLOTS_PER_DAY);
}
