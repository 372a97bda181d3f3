/**
 * Partial weeks: a patient admitted or discharged mid-week cannot attend the whole week, so the
 * week's minimum hours, days and session counts (curriculum, `requires`) scale with the programme
 * days they are enrolled on (`HoursRules.partialWeek`). Here, beside the compiled problem, because the requirement rules,
 * the solver's targets and the report all read the same scaled minimums.
 *
 * A programme day is a day the track's windows open that is not a closed date (a patient without
 * a track counts every open day). A week is partial when the patient is enrolled on some days of
 * the week but not on every programme day of it.
 */
import type { PartialWeekSummary } from '../model/report.js';
import type { PartialWeekMode, ResolvedHoursRules } from '../input/defaults.js';
import { SLOTS_PER_DAY } from '../time/week.js';
import type { CompiledProblem } from './compile.js';

/** How much of the programme a patient's week covers: programme days enrolled, of all. */
export interface EnrolledShare {
  /** Programme days the patient is enrolled on. */
  enrolled: number;
  /** Programme days of the week. */
  programme: number;
}

/**
 * The programme days of `track` (-1: none) as a bit mask, Monday the lowest bit.
 *
 * @example
 * ```ts
 * programmeDays(compiled, 0); // 0b0001110: Tuesday, Wednesday, Thursday
 * ```
 */
export function programmeDays(problem: CompiledProblem, track: number): number {
  const windows = track >= 0 ? problem.tracks[track]?.windows : undefined;
  let mask = 0;
  for (let day = 0; day < 7; day++) {
    if (problem.closedDays[day]) continue;
    if (windows && !windows.intersectsRange(day * SLOTS_PER_DAY, (day + 1) * SLOTS_PER_DAY)) continue;
    mask |= 1 << day;
  }
  return mask;
}

function bits(mask: number): number {
  let count = 0;
  for (let rest = mask; rest !== 0; rest &= rest - 1) count++;
  return count;
}

/**
 * The share of the programme `patient` is enrolled on when their rules come from `track`, or
 * `undefined` when the week is not partial (enrolled on every programme day, or on no day at all).
 *
 * @example
 * ```ts
 * partialWeekShare(compiled, 3, 0); // { enrolled: 1, programme: 3 }: admitted on Thursday to a Tue-Thu track
 * ```
 */
export function partialWeekShare(problem: CompiledProblem, patient: number, track: number): EnrolledShare | undefined {
  const compiled = problem.patients[patient];
  if (!compiled || compiled.endDay <= compiled.firstDay) return undefined;
  if (compiled.firstDay === 0 && compiled.endDay === 7) return undefined;
  const programme = programmeDays(problem, track);
  let enrolledMask = 0;
  for (let day = compiled.firstDay; day < compiled.endDay; day++) enrolledMask |= 1 << day;
  const enrolled = bits(programme & enrolledMask);
  const total = bits(programme);
  return enrolled < total ? { enrolled, programme: total } : undefined;
}

/**
 * `rules` for `patient` in a partial week: with `'prorate'`, `minWeeklyHours` times the enrolled
 * share and `minDays` the same share rounded up (never above the days enrolled); with
 * `'exempt'`, both 0; with `'full'`, or in a whole week, `rules` itself. Maxima never change.
 *
 * @example
 * ```ts
 * prorateRules(compiled, 3, 0, rules); // { ...rules, minWeeklyHours: 3, minDays: 1 } for 1 of 3 programme days
 * ```
 */
export function prorateRules(problem: CompiledProblem, patient: number, track: number, rules: ResolvedHoursRules): ResolvedHoursRules {
  if (rules.partialWeek === 'full') return rules;
  const share = partialWeekShare(problem, patient, track);
  if (share === undefined) return rules;
  if (rules.partialWeek === 'exempt') return { ...rules, minWeeklyHours: 0, minDays: 0 };
  // Multiply before dividing so whole shares stay exact (9 h x 1 / 3 is 3, not 2.9999...).
  const minWeeklyHours = (rules.minWeeklyHours * share.enrolled) / share.programme;
  const minDays = Math.min(share.enrolled, Math.ceil((rules.minDays * share.enrolled) / share.programme - 1e-9));
  return { ...rules, minWeeklyHours, minDays };
}

/**
 * The report's mark of a partial week for `patient` (rules from `track`, counted by `mode`), or
 * `undefined` in a whole week: spread it into the patient's summary.
 *
 * @example
 * ```ts
 * partialWeekSummary(compiled, 3, 0, 'prorate'); // { partialWeek: { mode: 'prorate', enrolledDays: 1, programmeDays: 3 } }
 * ```
 */
export function partialWeekSummary(problem: CompiledProblem, patient: number, track: number, mode: PartialWeekMode): { partialWeek?: PartialWeekSummary } {
  const share = partialWeekShare(problem, patient, track);
  return share === undefined ? {} : { partialWeek: { mode, enrolledDays: share.enrolled, programmeDays: share.programme } };
}

/**
 * A weekly session count (a curriculum or `requires` minimum, `min`) for `patient` when their
 * rules come from `track`, counted by `mode`: with `'prorate'`, scaled by the enrolled share and
 * rounded up as days are (a count is whole, and a patient enrolled at all still gets a part of
 * each service: 1 of 3 groups for a Thursday admission to a Tue-Thu track); with `'exempt'`, 0;
 * with `'full'`, or in a whole week, `min` itself.
 *
 * @example
 * ```ts
 * prorateCount(compiled, 3, 0, 3, 'prorate'); // 1: admitted on Thursday to a Tue-Thu track
 * ```
 */
export function prorateCount(problem: CompiledProblem, patient: number, track: number, min: number, mode: PartialWeekMode): number {
  if (mode === 'full' || min <= 0) return min;
  const share = partialWeekShare(problem, patient, track);
  if (share === undefined) return min;
  if (mode === 'exempt') return 0;
  return Math.min(min, Math.ceil((min * share.enrolled) / share.programme - 1e-9));
}
