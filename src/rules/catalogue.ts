/**
 * The rule catalogue: every rule the library knows, in report order (hard, requirement, soft).
 * The single source of truth for `checkSchedule` and the solver alike.
 */
import { patientDoubleBooked } from './patient-double-booked.js';
import { patientMinWeeklyHours } from './patient-min-weekly-hours.js';
import { roomCapacity } from './room-capacity.js';
import type { Rule } from './types.js';

const RULES: readonly Rule[] = [patientDoubleBooked, roomCapacity, patientMinWeeklyHours];

/** Every rule, hard first, then requirement, then soft. */
export function allRules(): readonly Rule[] {
  return RULES;
}
