/**
 * The hard rules' fast checks of one change, run in a fixed order: the meeting as it would be
 * after the change, against the rest of the timetable. Each check lives beside its rule
 * (`Rule.fast`, src/rules/); this file only orders them and runs them, and returns the code of
 * the first hard rule the change would break (for conflict statistics), or `null`.
 *
 * The checks are conservative (stricter than or equal to the catalogue): after applying, the
 * solver still checks the catalogue's own hard total and undoes a change that raised it, so the
 * catalogue remains the single source of truth.
 */
import { Probe } from '../../compiled/probe.js';
import type { Prepared } from '../../compiled/prepared.js';
import { admissionDates } from '../../rules/admission-dates.js';
import { cadenceWindow } from '../../rules/cadence-window.js';
import { avoidPair } from '../../rules/avoid-pair.js';
import { closedDate } from '../../rules/closed-date.js';
import { curriculumMax } from '../../rules/curriculum-max.js';
import { eligibility } from '../../rules/eligibility.js';
import { familyAvailability } from '../../rules/family-availability.js';
import { groupMaxSize } from '../../rules/group-max-size.js';
import { groupMinSize } from '../../rules/group-min-size.js';
import { homogeneity } from '../../rules/homogeneity.js';
import { individualOnePatient } from '../../rules/individual-one-patient.js';
import { meetingDuration } from '../../rules/meeting-duration.js';
import { meetingOutsideWeek } from '../../rules/meeting-outside-week.js';
import { nonexistentTime } from '../../rules/nonexistent-time.js';
import { patientAvailability } from '../../rules/patient-availability.js';
import { patientDoubleBooked } from '../../rules/patient-double-booked.js';
import { patientMaxDailyHours } from '../../rules/patient-max-daily-hours.js';
import { patientMaxDays } from '../../rules/patient-max-days.js';
import { patientMaxWeeklyHours } from '../../rules/patient-max-weekly-hours.js';
import { primaryStaffOnly } from '../../rules/primary-staff-only.js';
import { requiresMax } from '../../rules/requires-max.js';
import { roomAvailability } from '../../rules/room-availability.js';
import { roomCapacity } from '../../rules/room-capacity.js';
import { roomDoubleBooked } from '../../rules/room-double-booked.js';
import { roomFeatures } from '../../rules/room-features.js';
import { staffAvailability } from '../../rules/staff-availability.js';
import { staffBreaks } from '../../rules/staff-breaks.js';
import { staffContinuousWork } from '../../rules/staff-continuous-work.js';
import { staffNotesTime } from '../../rules/staff-notes-time.js';
import { staffDailyMax } from '../../rules/staff-daily-max.js';
import { staffDoubleBooked } from '../../rules/staff-double-booked.js';
import { staffSeats } from '../../rules/staff-seats.js';
import { staffWeeklyMax } from '../../rules/staff-weekly-max.js';
import { startGrid } from '../../rules/start-grid.js';
import { telehealthPolicy } from '../../rules/telehealth-policy.js';
import { templateAgenda } from '../../rules/template-agenda.js';
import { trackMembership } from '../../rules/track-membership.js';
import { trackWindow } from '../../rules/track-window.js';
import { makeUpMinutes } from '../../rules/make-up-minutes.js';
import type { FastCheck, PlacedMeeting, Rule } from '../../rules/types.js';
import type { SolverState } from './state.js';

/** Codes returned by the checks: rule codes of the catalogue. */
export type Blocker = string;

/** Whether meeting `a` overlaps `[start, end)` on `day`. */
export function overlaps(a: PlacedMeeting, day: number, start: number, end: number): boolean {
  return a.day === day && a.start < end && start < a.end;
}

/** The staff work rules: seat checks only, which choosing a member for a seat runs too. */
const WORK_RULES: readonly Rule[] = [staffNotesTime, staffContinuousWork, staffBreaks];

/**
 * The order in which the stages of `Rule.fast` run: cheapest and most often decisive first, so a
 * refused change costs a few comparisons. Which rule answers first is the code conflict
 * statistics count, so the order is part of what causes report. Every hard rule of the
 * catalogue appears in the stages its fast check has (a test holds the two together).
 *
 * A check may rely on every rule before it (by first appearance, stage by stage) holding; the
 * loops below run every check unless one refuses, so whatever change breaks a hard rule, the
 * broken rule's own check refuses it or an earlier one did (test/engine/fast-checks.property.test.ts).
 */
export const FAST_ORDER: { readonly [Stage in keyof FastCheck]-?: readonly Rule[] } = {
  shape: [
    meetingOutsideWeek,
    closedDate,
    startGrid,
    meetingDuration,
    trackWindow,
    templateAgenda,
    telehealthPolicy,
    roomFeatures,
    roomAvailability,
    roomCapacity,
    individualOnePatient,
    groupMaxSize,
    groupMinSize,
    staffSeats,
    nonexistentTime,
  ],
  seat: [staffSeats, staffAvailability, staffDoubleBooked, staffDailyMax, staffWeeklyMax, ...WORK_RULES],
  meeting: [primaryStaffOnly, roomDoubleBooked],
  patient: [
    admissionDates,
    cadenceWindow,
    patientAvailability,
    trackMembership,
    eligibility,
    telehealthPolicy,
    familyAvailability,
    patientDoubleBooked,
    patientMaxWeeklyHours,
    patientMaxDailyHours,
    patientMaxDays,
    curriculumMax,
    requiresMax,
    avoidPair,
    homogeneity,
    makeUpMinutes,
  ],
};

/** One stage as parallel arrays (codes, checks): the loops below run them without a lookup. */
function stage<S extends keyof FastCheck>(name: S, rules: readonly Rule[] = FAST_ORDER[name]): { codes: string[]; checks: Array<NonNullable<FastCheck[S]>> } {
  const checks = rules.map((rule) => {
    const check = rule.fast?.[name];
    if (!check) throw new Error(`${rule.code} has no fast ${name} check`);
    return check as NonNullable<FastCheck[S]>;
  });
  return { codes: rules.map((rule) => rule.code), checks };
}

const SHAPE = stage('shape');
const SEAT = stage('seat');
const MEETING = stage('meeting');
const PATIENT = stage('patient');

// One probe for every change: the checks run synchronously and never re-enter.
const probe = new Probe();

function shapeOf(at: Probe): Blocker | null {
  const { codes, checks } = SHAPE;
  for (let k = 0; k < checks.length; k++) if (checks[k]!(at)) return codes[k]!;
  return null;
}

/**
 * The first hard rule that meeting `m` would break if it replaced the meeting at `replacing`
 * (-1 for a new meeting). `checkMinSize` false leaves the group minimum to the end of a compound move.
 */
export function meetingBlocker(
  state: SolverState,
  prepared: Prepared,
  m: PlacedMeeting,
  replacing: number,
  checkMinSize: boolean,
): Blocker | null {
  const at = probe.aim(state, prepared, m, replacing, checkMinSize);
  const shape = shapeOf(at);
  if (shape) return shape;
  for (let i = 0; i < m.staff.length; i++) {
    const s = m.staff[i]!;
    for (let k = 0; k < SEAT.checks.length; k++) if (SEAT.checks[k]!(at, s, i)) return SEAT.codes[k]!;
  }
  for (let k = 0; k < MEETING.checks.length; k++) if (MEETING.checks[k]!(at)) return MEETING.codes[k]!;
  for (let i = 0; i < m.patients.length; i++) {
    const blocker = patientOf(at, m.patients[i]!, i);
    if (blocker) return blocker;
  }
  return null;
}

function patientOf(at: Probe, p: number, position: number): Blocker | null {
  const { codes, checks } = PATIENT;
  for (let k = 0; k < checks.length; k++) if (checks[k]!(at, p, position)) return codes[k]!;
  return null;
}

/** The first hard rule patient `p` would break by attending `m` (replacing the meeting at `replacing`). */
export function patientBlocker(
  state: SolverState,
  prepared: Prepared,
  m: PlacedMeeting,
  p: number,
  replacing: number,
  from: number,
  to: number,
): Blocker | null {
  // Judged alone: whom `p` would share the meeting with is the caller's concern (as it always was).
  return patientOf(probe.aim(state, prepared, m, replacing, true, from, to), p, -1);
}

const WORK = stage('seat', WORK_RULES);

/**
 * The first staff work rule (breaks, longest run, notes time) that staff member `s` would break by
 * leading `m` in place of the meeting at `replacing`: what choosing a member for a seat asks
 * beyond availability, other meetings and maxima. `null` at once when no work rule is set.
 *
 * @example
 * ```ts
 * if (staffWorkBlocker(engine.state, engine.prepared, meeting, s, -1) !== null) continue; // try another member
 * ```
 */
export function staffWorkBlocker(state: SolverState, prepared: Prepared, m: PlacedMeeting, s: number, replacing: number): Blocker | null {
  if (!prepared.work.any) return null;
  const at = probe.aim(state, prepared, m, replacing, true);
  for (let k = 0; k < WORK.checks.length; k++) if (WORK.checks[k]!(at, s, -1)) return WORK.codes[k]!;
  return null;
}
