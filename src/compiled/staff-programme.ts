/**
 * The programme's own staff fields in compiled form: the caseload limit, the caseload the primary
 * assignments make, and the member's preferences as day masks, a slot set and service indexes,
 * so the `staff-caseload` and `staff-preferences` rules read them without allocating.
 */
import type { Availability, Staff, Weekday } from '../model/problem.js';
import type { SlotSet } from '../time/slot-set.js';
import { weekdayIndex } from '../time/week.js';

/** A staff member's preferences, compiled. */
export interface CompiledStaffPreferences {
  /** Preferred days as a bit mask (Monday the lowest bit); 0 when none are given. */
  days: number;
  /** Avoided days as a bit mask; 0 when none. */
  avoidDays: number;
  /** Times the member would rather not lead sessions; undefined when none. */
  avoid: SlotSet | undefined;
  /** Service indexes the member prefers to lead; undefined when none are given. */
  services: ReadonlySet<number> | undefined;
}

/** What {@link compileStaffProgramme} adds to a compiled staff member. */
export interface CompiledStaffProgramme {
  /** Most patients enrolled this week who may name the member as primary; Infinity when unlimited. */
  maxCaseload: number;
  /** Preferences, or undefined when the member states none. */
  preferences: CompiledStaffPreferences | undefined;
}

function dayMask(days: readonly Weekday[] | undefined): number {
  let mask = 0;
  for (const day of days ?? []) mask |= 1 << weekdayIndex(day);
  return mask;
}

/**
 * The compiled caseload limit and preferences of `member`; `slots` compiles an availability for
 * the week, `serviceIndex` maps service ids.
 *
 * @example
 * ```ts
 * const extra = compileStaffProgramme(member, (a) => availabilitySlots(a, week), serviceIndex);
 * ```
 */
export function compileStaffProgramme(
  member: Staff,
  slots: (availability: Availability) => SlotSet,
  serviceIndex: ReadonlyMap<string, number>,
): CompiledStaffProgramme {
  const maxCaseload = member.maxCaseload ?? Infinity;
  const given = member.preferences;
  if (!given) return { maxCaseload, preferences: undefined };
  const services = given.services?.map((id) => serviceIndex.get(id) ?? -1).filter((s) => s >= 0);
  return {
    maxCaseload,
    preferences: {
      days: dayMask(given.days),
      avoidDays: dayMask(given.avoidDays),
      avoid: given.avoid === undefined ? undefined : slots(given.avoid),
      services: services === undefined ? undefined : new Set(services),
    },
  };
}

/**
 * Per staff index, how many patients enrolled this week (on at least one day) name them as
 * primary: the caseload `staff-caseload` holds against `maxCaseload`.
 *
 * @example
 * ```ts
 * countCaseloads(2, [{ primaryStaff: 1, firstDay: 0, endDay: 7 }]); // [0, 1]
 * ```
 */
export function countCaseloads(staffCount: number, patients: ReadonlyArray<{ primaryStaff: number; firstDay: number; endDay: number }>): number[] {
  const counts = new Array<number>(staffCount).fill(0);
  for (const patient of patients) {
    if (patient.primaryStaff < 0 || patient.endDay <= patient.firstDay) continue;
    counts[patient.primaryStaff]! += 1;
  }
  return counts;
}
