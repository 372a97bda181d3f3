/**
 * Compiles a valid problem into integer indexes and slot sets: the form the rule catalogue,
 * the checker and the solver all read. Ids become indexes (maps, never plain objects, so an id
 * such as `__proto__` is an id like any other); availability becomes slot sets of the week.
 */
import type { Availability, Problem, Service, Weekday } from '../model/problem.js';
import {
  DEFAULT_GRANULARITY_MINUTES,
  DEFAULT_GROUP_MAX_SIZE,
  DEFAULT_GROUP_MIN_SIZE,
  resolveHoursRules,
  type ResolvedHoursRules,
} from '../input/defaults.js';
import { availabilityExpander, type Slots } from './availability-expander.js';
import { deriveCadence, lastAttended, type WeekCadence } from './cadence.js';
import { type SlotSet, SlotSetPool } from '../time/slot-set.js';
import { realMinutes, weekClock, type WeekClock } from '../time/week-clock.js';
import { compileStaffProgramme, countCaseloads, type CompiledStaffPreferences } from './staff-programme.js';
import { dayNumber, parseLocalTime, SLOT_MINUTES, SLOTS_PER_DAY, weekDates, weekdayIndex } from '../time/week.js';

export interface CompiledSeat {
  credentials: ReadonlySet<string>;
  tags: readonly string[];
  count: number;
  /** Staff indexes that may fill this seat (credential and tags), in problem order. */
  eligibleStaff: readonly number[];
}

export interface CompiledService {
  index: number;
  id: string;
  source: Service;
  kind: 'group' | 'individual';
  durationMinutes: number;
  minSize: number;
  maxSize: number;
  seats: readonly CompiledSeat[];
  /** Total staff a meeting of this service needs (sum of seat counts). */
  staffNeeded: number;
  primaryOnly: boolean;
  roomFeatures: readonly string[];
  /** Rooms offering every required feature, in problem order. */
  eligibleRooms: readonly number[];
  telehealth: 'never' | 'allowed' | 'only';
  withFamily: boolean;
  countsTowardHours: boolean;
  requireTags: readonly string[];
  excludeTags: readonly string[];
  homogeneousBy: readonly string[];
  trackBound: boolean;
}

export interface CompiledPatient {
  index: number;
  id: string;
  /** Track indexes, preferred first; then, when compiled for a make-up, the patient's make-up tracks. */
  tracks: readonly number[];
  /** The make-up tracks among `tracks` (see {@link CompileOptions.makeUpFor}); empty otherwise. */
  makeUpTracks: readonly number[];
  /** When the patient can come (availability only; admission and closed days are separate). */
  available: SlotSet;
  /** When the family can join; empty when not given. */
  family: SlotSet;
  tags: readonly string[];
  /** Patient indexes never to share a group with (made symmetric). */
  avoid: ReadonlySet<number>;
  /** Staff index of the primary therapist, or -1. */
  primaryStaff: number;
  telehealth: boolean;
  /** First day index (0 = Monday) the patient may attend; 7 when admitted after the week. */
  firstDay: number;
  /** Day index after the last one the patient may attend; 0 when discharged before the week. */
  endDay: number;
  /** `min` and `max` of a cadence entry are the week's, derived from the history (`cadence`). */
  requires: ReadonlyArray<{ service: number; min: number; max: number; cadence?: WeekCadence }>;
  preferredDays: ReadonlySet<number>;
  avoidedDays: ReadonlySet<number>;
}

export interface CompiledStaff {
  index: number;
  id: string;
  credentials: ReadonlySet<string>;
  tags: ReadonlySet<string>;
  available: SlotSet;
  maxWeeklyMinutes: number;
  maxDailyMinutes: number;
  /** Most primary patients enrolled this week (Infinity: no limit). */
  maxCaseload: number;
  /** Patients enrolled this week who name this member as primary. */
  caseload: number;
  /** The member's soft preferences (`staff-preferences`), or undefined. */
  preferences: CompiledStaffPreferences | undefined;
}

export interface CompiledRoom {
  index: number;
  id: string;
  capacity: number;
  features: ReadonlySet<string>;
  available: SlotSet;
}

export interface CompiledTrack {
  index: number;
  id: string;
  windows: SlotSet;
  rules: ResolvedHoursRules;
  curriculum: ReadonlyArray<{ service: number; min: number; max: number }>;
  template: ReadonlyArray<{ service: number; day: number; start: number }> | undefined;
}

export interface CompiledProblem {
  source: Problem;
  timeZone: string;
  weekStart: string;
  /** The seven local dates, Monday first. */
  dates: readonly string[];
  /** True for the days that are closed dates. */
  closedDays: readonly boolean[];
  granularityMinutes: number;
  services: readonly CompiledService[];
  patients: readonly CompiledPatient[];
  staff: readonly CompiledStaff[];
  rooms: readonly CompiledRoom[];
  tracks: readonly CompiledTrack[];
  serviceIndex: ReadonlyMap<string, number>;
  patientIndex: ReadonlyMap<string, number>;
  staffIndex: ReadonlyMap<string, number>;
  roomIndex: ReadonlyMap<string, number>;
  trackIndex: ReadonlyMap<string, number>;
  /** Program rules over the defaults, for patients with no track. */
  programRules: ResolvedHoursRules;
  /**
   * The week's clock changes. Its skipped slots (wall-clock times that do not exist) are already
   * taken out of every availability, family availability and track window above.
   */
  clock: WeekClock;
}

function indexById<T extends { id: string }>(items: readonly T[]): Map<string, number> {
  const map = new Map<string, number>();
  items.forEach((item, index) => {
    if (!map.has(item.id)) map.set(item.id, index);
  });
  return map;
}

function dayIndexes(days: readonly Weekday[] | undefined): Set<number> {
  return new Set((days ?? []).map(weekdayIndex));
}

/** Options of {@link compileProblem}. */
export interface CompileOptions {
  /**
   * Patients (ids) whose `makeUpTracks` join their tracks, after their own: those making up a
   * missed session (`replan`, and `checkSchedule` of a week with their no-show). Default none: a
   * regular week keeps every patient in their own tracks.
   */
  makeUpFor?: ReadonlySet<string>;
}

/**
 * Compiles `problem`, which must be valid (see `validateProblem`). Never mutates it.
 *
 * @example
 * ```ts
 * const compiled = compileProblem(assertValidProblem(problem), { makeUpFor: new Set(['p-01']) });
 * ```
 */
export function compileProblem(problem: Problem, options: CompileOptions = {}): CompiledProblem {
  const week = problem.weekStart;
  const clock = weekClock(week, problem.timeZone);
  const shared = availabilityExpander(clock, week);
  const slots: Slots = (availability) => shared(availability).clone();
  const dates = weekDates(week);
  const closed = new Set(problem.closedDates ?? []);
  const closedDays = dates.map((date) => closed.has(date));
  const serviceIndex = indexById(problem.services);
  const patientIndex = indexById(problem.patients);
  const staffIndex = indexById(problem.staff);
  const roomIndex = indexById(problem.rooms);
  const trackIndex = indexById(problem.tracks);

  const staff = compileStaff(problem, slots, serviceIndex);
  const rooms = compileRooms(problem, slots);
  const services = compileServices(problem, staff, rooms);
  const programRules = resolveHoursRules(problem.rules);
  const tracks = compileTracks(problem, slots, serviceIndex);
  const patients = compilePatients(problem, options, { shared, dates, closedDays, serviceIndex, staffIndex, trackIndex });
  countCaseloads(staff.length, patients).forEach((count, member) => (staff[member]!.caseload = count));
  linkAvoidance(problem, patients, patientIndex);

  return {
    source: problem,
    timeZone: problem.timeZone,
    weekStart: week,
    dates,
    closedDays,
    granularityMinutes: problem.granularityMinutes ?? DEFAULT_GRANULARITY_MINUTES,
    services,
    patients,
    staff,
    rooms,
    tracks,
    serviceIndex,
    patientIndex,
    staffIndex,
    roomIndex,
    trackIndex,
    programRules,
    clock,
  };
}

function compileStaff(problem: Problem, slots: Slots, serviceIndex: ReadonlyMap<string, number>): CompiledStaff[] {
  return problem.staff.map((member, index) => ({
    index,
    id: member.id,
    credentials: new Set(member.credentials),
    tags: new Set(member.tags ?? []),
    available: slots(member.availability),
    maxWeeklyMinutes: member.maxWeeklyHours === undefined ? Infinity : Math.round(member.maxWeeklyHours * 60),
    maxDailyMinutes: member.maxDailyHours === undefined ? Infinity : Math.round(member.maxDailyHours * 60),
    caseload: 0, // counted once the patients are compiled
    ...compileStaffProgramme(member, slots, serviceIndex),
  }));
}

function compileRooms(problem: Problem, slots: Slots): CompiledRoom[] {
  return problem.rooms.map((room, index) => ({
    index,
    id: room.id,
    capacity: room.capacity,
    features: new Set(room.features ?? []),
    available: slots(room.availability),
  }));
}

function compileServices(problem: Problem, staff: readonly CompiledStaff[], rooms: readonly CompiledRoom[]): CompiledService[] {
  return problem.services.map((service, index) => {
    const seats: CompiledSeat[] = service.staff.map((seat) => {
      const credentials = new Set(seat.credentials);
      const tags = seat.tags ?? [];
      return {
        credentials,
        tags,
        count: seat.count ?? 1,
        eligibleStaff: staff
          .filter((member) => [...member.credentials].some((c) => credentials.has(c)) && tags.every((t) => member.tags.has(t)))
          .map((member) => member.index),
      };
    });
    const roomFeatures = service.room?.features ?? [];
    const isGroup = service.kind === 'group';
    return {
      index,
      id: service.id,
      source: service,
      kind: service.kind,
      durationMinutes: service.durationMinutes,
      minSize: isGroup ? (service.minSize ?? DEFAULT_GROUP_MIN_SIZE) : 1,
      maxSize: isGroup ? (service.maxSize ?? DEFAULT_GROUP_MAX_SIZE) : 1,
      seats,
      staffNeeded: seats.reduce((sum, seat) => sum + seat.count, 0),
      primaryOnly: service.primaryOnly ?? false,
      roomFeatures,
      eligibleRooms: rooms.filter((room) => roomFeatures.every((f) => room.features.has(f))).map((room) => room.index),
      telehealth: service.telehealth ?? 'never',
      withFamily: service.withFamily ?? false,
      countsTowardHours: service.countsTowardHours ?? true,
      requireTags: service.eligibility?.requireTags ?? [],
      excludeTags: service.eligibility?.excludeTags ?? [],
      homogeneousBy: service.homogeneousBy ?? [],
      trackBound: service.trackBound ?? isGroup,
    };
  });
}

function compileTracks(problem: Problem, slots: Slots, serviceIndex: ReadonlyMap<string, number>): CompiledTrack[] {
  return problem.tracks.map((track, index) => {
    const windows = slots(track.windows);
    return {
      index,
      id: track.id,
      windows,
      rules: resolveHoursRules(problem.rules, track.rules),
      curriculum: (track.curriculum ?? []).map((entry) => ({
        service: serviceIndex.get(entry.service) ?? -1,
        min: entry.min ?? 0,
        max: entry.max ?? Infinity,
      })),
      template: track.template?.map((entry) => ({
        service: serviceIndex.get(entry.service) ?? -1,
        day: weekdayIndex(entry.day),
        start: parseLocalTime(entry.start) ?? 0,
      })),
    };
  });
}

/** What the patients' compilation reads from the rest. */
interface PatientInputs {
  /** The shared expansions (see {@link availabilityExpander}). */
  shared: Slots;
  dates: readonly string[];
  closedDays: readonly boolean[];
  serviceIndex: ReadonlyMap<string, number>;
  staffIndex: ReadonlyMap<string, number>;
  trackIndex: ReadonlyMap<string, number>;
}

function compilePatients(problem: Problem, options: CompileOptions, inputs: PatientInputs): CompiledPatient[] {
  const { shared, dates, closedDays, serviceIndex, staffIndex, trackIndex } = inputs;
  const weekDay = dayNumber(problem.weekStart) ?? 0;
  const dayOf = (date: string | undefined, fallback: number): number =>
    date === undefined ? fallback : Math.max(0, Math.min(7, (dayNumber(date) ?? weekDay) - weekDay));

  const trackIndexes = (ids: readonly string[] | undefined): number[] => (ids ?? []).map((id) => trackIndex.get(id) ?? -1).filter((t) => t >= 0);
  const makeUpOf = (patient: Problem['patients'][number]): number[] =>
    options.makeUpFor?.has(patient.id) === true ? trackIndexes(patient.makeUpTracks).filter((t) => !patient.tracks.includes(problem.tracks[t]!.id)) : [];
  // Two sets a patient, from one buffer: see SlotSetPool.
  const pool = new SlotSetPool(2 * problem.patients.length);
  return problem.patients.map((patient, index) => {
    const makeUpTracks = makeUpOf(patient);
    const own = trackIndexes(patient.tracks);
    return {
      index,
      id: patient.id,
      tracks: makeUpTracks.length === 0 ? own : [...own, ...makeUpTracks],
      makeUpTracks,
      available: pool.copy(shared(patient.availability)),
      family: pool.copy(patient.familyAvailability === undefined ? undefined : shared(patient.familyAvailability)),
      tags: patient.tags ?? [],
      avoid: new Set<number>(),
      primaryStaff: patient.primaryStaff === undefined ? -1 : (staffIndex.get(patient.primaryStaff) ?? -1),
      telehealth: patient.telehealth ?? false,
      firstDay: dayOf(patient.admittedOn, 0),
      endDay: dayOf(patient.dischargedOn, 7),
      requires: (patient.requires ?? []).map((entry) => {
        const service = serviceIndex.get(entry.service) ?? -1;
        if (entry.cadence === undefined) return { service, min: entry.min ?? 0, max: entry.max ?? Infinity };
        const cadence = deriveCadence(entry.cadence, lastAttended(patient.history, entry.service), dates, closedDays);
        return { service, min: cadence.min, max: cadence.max, cadence };
      }),
      preferredDays: dayIndexes(patient.preferences?.days),
      avoidedDays: dayIndexes(patient.preferences?.avoidDays),
    };
  });
}

/** Avoid pairs hold both ways, whichever side declared them. */
function linkAvoidance(problem: Problem, patients: readonly CompiledPatient[], patientIndex: ReadonlyMap<string, number>): void {
  problem.patients.forEach((patient, index) => {
    for (const other of patient.avoid ?? []) {
      const otherIndex = patientIndex.get(other);
      if (otherIndex === undefined || otherIndex === index) continue;
      (patients[index]!.avoid as Set<number>).add(otherIndex);
      (patients[otherIndex]!.avoid as Set<number>).add(index);
    }
  });
}

/**
 * Real minutes of a meeting: its wall-clock length, except across the hour repeated when DST
 * ends, where it is the time between its instants (00:30-02:30 on 2026-11-01 in Los Angeles is
 * 180). Every count of hours (patients, staff) goes through it, so the solver and `checkSchedule`
 * count alike.
 *
 * @example
 * meetingMinutes(compiled, { day: 0, start: 540, end: 600 }); // 60
 */
export function meetingMinutes(problem: CompiledProblem, meeting: { day: number; start: number; end: number }): number {
  return realMinutes(problem.clock, meeting.day, meeting.start, meeting.end);
}

/** First slot of a wall-clock minute on a day of the week. */
export function slotOf(day: number, minute: number): number {
  return day * SLOTS_PER_DAY + Math.floor(minute / SLOT_MINUTES);
}
