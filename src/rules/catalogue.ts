/**
 * The rule catalogue: every rule the library knows, in report order (hard, requirement, soft).
 * The single source of truth for `checkSchedule` and the solver alike.
 */
import type { RuleLevel } from '../model/report.js';
import { admissionDates } from './admission-dates.js';
import { avoidPair } from './avoid-pair.js';
import { cadenceWindow } from './cadence-window.js';
import { closedDate } from './closed-date.js';
import { compactDays } from './compact-days.js';
import { continuityFacilitator } from './continuity-facilitator.js';
import { continuityPeers } from './continuity-peers.js';
import { curriculumMax } from './curriculum-max.js';
import { curriculumMin } from './curriculum-min.js';
import { dailyMinMinutes } from './daily-min-minutes.js';
import { dailyMinServices } from './daily-min-services.js';
import { dayPreferences } from './day-preferences.js';
import { eligibility } from './eligibility.js';
import { familyAvailability } from './family-availability.js';
import { groupMaxSize } from './group-max-size.js';
import { groupMinSize } from './group-min-size.js';
import { groupSizeBalance } from './group-size-balance.js';
import { homogeneity } from './homogeneity.js';
import { individualOnePatient } from './individual-one-patient.js';
import { meetingDuration } from './meeting-duration.js';
import { meetingOutsideWeek } from './meeting-outside-week.js';
import { nonexistentTime } from './nonexistent-time.js';
import { optionalSessions } from './optional-sessions.js';
import { patientAvailability } from './patient-availability.js';
import { patientDoubleBooked } from './patient-double-booked.js';
import { patientMaxDailyHours } from './patient-max-daily-hours.js';
import { patientMaxDays } from './patient-max-days.js';
import { patientMaxWeeklyHours } from './patient-max-weekly-hours.js';
import { patientMinDays } from './patient-min-days.js';
import { patientMinWeeklyHours } from './patient-min-weekly-hours.js';
import { patientsShort } from './patients-short.js';
import { primaryStaffOnly } from './primary-staff-only.js';
import { primaryTherapist } from './primary-therapist.js';
import { requiresMax } from './requires-max.js';
import { requiresMin } from './requires-min.js';
import { roomAvailability } from './room-availability.js';
import { roomCapacity } from './room-capacity.js';
import { roomDoubleBooked } from './room-double-booked.js';
import { roomFeatures } from './room-features.js';
import { stability } from './stability.js';
import { staffAvailability } from './staff-availability.js';
import { staffBreaks } from './staff-breaks.js';
import { staffCaseload } from './staff-caseload.js';
import { staffContinuousWork } from './staff-continuous-work.js';
import { staffDailyMax } from './staff-daily-max.js';
import { staffDoubleBooked } from './staff-double-booked.js';
import { staffLoadBalance } from './staff-load-balance.js';
import { staffNotesTime } from './staff-notes-time.js';
import { staffPreferences } from './staff-preferences.js';
import { staffSeats } from './staff-seats.js';
import { staffWeeklyMax } from './staff-weekly-max.js';
import { staffedHours } from './staffed-hours.js';
import { startGrid } from './start-grid.js';
import { telehealthPolicy } from './telehealth-policy.js';
import { templateAgenda } from './template-agenda.js';
import { trackMembership } from './track-membership.js';
import { makeUpMinutes } from './make-up-minutes.js';
import { trackWindow } from './track-window.js';
import type { Rule, RuleScope } from './types.js';

const RULES: readonly Rule[] = Object.freeze([
  // hard
  patientDoubleBooked,
  staffDoubleBooked,
  roomDoubleBooked,
  roomCapacity,
  roomFeatures,
  groupMaxSize,
  groupMinSize,
  individualOnePatient,
  staffSeats,
  primaryStaffOnly,
  staffAvailability,
  roomAvailability,
  patientAvailability,
  trackWindow,
  templateAgenda,
  trackMembership,
  eligibility,
  homogeneity,
  avoidPair,
  closedDate,
  admissionDates,
  staffDailyMax,
  staffWeeklyMax,
  patientMaxWeeklyHours,
  patientMaxDailyHours,
  patientMaxDays,
  curriculumMax,
  requiresMax,
  startGrid,
  meetingDuration,
  meetingOutsideWeek,
  nonexistentTime,
  telehealthPolicy,
  familyAvailability,
  staffCaseload,
  cadenceWindow,
  staffNotesTime,
  staffContinuousWork,
  staffBreaks,
  makeUpMinutes,
  // requirement
  patientMinWeeklyHours,
  patientMinDays,
  curriculumMin,
  requiresMin,
  dailyMinMinutes,
  dailyMinServices,
  patientsShort,
  // soft
  continuityFacilitator,
  continuityPeers,
  primaryTherapist,
  compactDays,
  dayPreferences,
  groupSizeBalance,
  staffLoadBalance,
  staffedHours,
  stability,
  staffPreferences,
  optionalSessions,
]);

/**
 * Every rule, hard first, then requirement, then soft. The same array on every call.
 *
 * @example
 * ```ts
 * const soft = allRules().filter((rule) => rule.level === 'soft');
 * ```
 */
export function allRules(): readonly Rule[] {
  return RULES;
}

/** A rule of the catalogue as documentation and the public API show it. */
export interface RuleInfo {
  /** Stable kebab-case code, e.g. `'room-capacity'`. */
  code: string;
  /** How bad a breach is: `hard`, `requirement` or `soft`. */
  level: RuleLevel;
  /** What one evaluation looks at: a meeting, a patient, a staff member or a room. */
  scope: RuleScope;
  /** Short display name, e.g. `'Room capacity'`. */
  title: string;
  /** What it means and the unit of its penalty. */
  description: string;
  /** Soft rules: the weight used when `weights` does not set one. Hard and requirement rules weigh 1. */
  defaultWeight: number;
}

/** Breaches of the schedule's own shape, found before the rules run (see `checkSchedule`). */
const SCHEDULE_INTEGRITY: RuleInfo = {
  code: 'schedule-integrity',
  level: 'hard',
  scope: 'meeting',
  title: 'Schedule integrity',
  description:
    'A schedule names only known services, tracks, rooms, staff and patients, uses each meeting id once, and has well-formed dates and times inside the week whose weekday matches the date. Malformed meetings are left out of the other checks. Penalty: 1 per defect.',
  defaultWeight: 1,
};

/**
 * The catalogue as plain data, in report order, starting with `schedule-integrity`: every rule's
 * code, level, scope, title, meaning, penalty unit and default weight.
 *
 * @example
 * ```ts
 * for (const rule of ruleCatalogue().filter((r) => r.level === 'soft')) {
 *   console.log(`${rule.code} (weight ${rule.defaultWeight}): ${rule.description}`);
 * }
 * ```
 */
export function ruleCatalogue(): RuleInfo[] {
  return [
    { ...SCHEDULE_INTEGRITY },
    ...RULES.map((rule) => ({
      code: rule.code,
      level: rule.level,
      scope: rule.scope,
      title: rule.title,
      description: rule.description,
      defaultWeight: rule.level === 'soft' ? (rule.defaultWeight ?? 1) : 1,
    })),
  ];
}
