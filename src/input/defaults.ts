/**
 * The defaults the library ships with (see DOMAIN.md). One place, so validation, the checker
 * and the solver never disagree about an absent field.
 */
import type { HoursRules } from '../model/problem.js';

/** Hours rules every program starts from: ASAM level 2.1 for adults. */
export const DEFAULT_HOURS_RULES: Readonly<Required<Pick<HoursRules, 'minWeeklyHours' | 'maxWeeklyHours' | 'minDays' | 'maxDays'>>> = {
  minWeeklyHours: 9,
  maxWeeklyHours: 19,
  minDays: 3,
  maxDays: 5,
};

export const DEFAULT_GRANULARITY_MINUTES = 15;
export const DEFAULT_GROUP_MIN_SIZE = 2;
export const DEFAULT_GROUP_MAX_SIZE = 12;

/** How a partial week scales the minimums (see `HoursRules.partialWeek`). */
export type PartialWeekMode = NonNullable<HoursRules['partialWeek']>;

/**
 * A partial week's minimums scale with the programme days the patient is enrolled on.
 *
 * @example
 * ```ts
 * const mode = rules.partialWeek ?? DEFAULT_PARTIAL_WEEK; // 'prorate'
 * ```
 */
export const DEFAULT_PARTIAL_WEEK: PartialWeekMode = 'prorate';

/** Hours rules as the checker and solver use them: every field present, `undefined` meaning "no limit". */
export interface ResolvedHoursRules {
  minWeeklyHours: number;
  maxWeeklyHours: number;
  minDays: number;
  maxDays: number;
  maxDailyHours: number | undefined;
  minDailyMinutes: number | undefined;
  minDailyServices: number | undefined;
  /** How a partial week (admitted or discharged mid-week) scales the minimums. */
  partialWeek: PartialWeekMode;
}

/** Merges rules most specific last: `resolveHoursRules(program, track, patient)`. */
export function resolveHoursRules(...layers: Array<HoursRules | undefined>): ResolvedHoursRules {
  const resolved: ResolvedHoursRules = {
    ...DEFAULT_HOURS_RULES,
    maxDailyHours: undefined,
    minDailyMinutes: undefined,
    minDailyServices: undefined,
    partialWeek: DEFAULT_PARTIAL_WEEK,
  };
  for (const layer of layers) {
    if (!layer) continue;
    if (layer.minWeeklyHours !== undefined) resolved.minWeeklyHours = layer.minWeeklyHours;
    if (layer.maxWeeklyHours !== undefined) resolved.maxWeeklyHours = layer.maxWeeklyHours;
    if (layer.minDays !== undefined) resolved.minDays = layer.minDays;
    if (layer.maxDays !== undefined) resolved.maxDays = layer.maxDays;
    if (layer.maxDailyHours !== undefined) resolved.maxDailyHours = layer.maxDailyHours;
    if (layer.minDailyMinutes !== undefined) resolved.minDailyMinutes = layer.minDailyMinutes;
    if (layer.minDailyServices !== undefined) resolved.minDailyServices = layer.minDailyServices;
    if (layer.partialWeek !== undefined) resolved.partialWeek = layer.partialWeek;
  }
  return resolved;
}

/**
 * Staff members per seat when a seat gives no `count`.
 *
 * @example
 * ```ts
 * const count = seat.count ?? DEFAULT_SEAT_COUNT;
 * ```
 */
export const DEFAULT_SEAT_COUNT = 1;

/**
 * Telehealth policy of a service that gives none: held in person only.
 *
 * @example
 * ```ts
 * const policy = service.telehealth ?? DEFAULT_TELEHEALTH_POLICY;
 * ```
 */
export const DEFAULT_TELEHEALTH_POLICY: 'never' = 'never';
