/**
 * Candidate repairs in clinic terms, generated from the causes of unmet requirements: open a
 * room in a window, extend a staff member's hours on a day, allow a patient in another track or
 * by telehealth, raise a group's maximum within its legal bound, move or widen an availability
 * window. Each candidate is a change applied to a copy of the problem; `repairs.ts` verifies it.
 */
import type { CompiledProblem } from '../compiled/compile.js';
import type { Availability, Problem, Weekday } from '../model/problem.js';
import type { Cause, Unmet } from '../model/report.js';
import type { SlotSet } from '../time/slot-set.js';
import { formatLocalTime, SLOT_MINUTES, SLOTS_PER_DAY, WEEKDAYS } from '../time/week.js';
import { DEFAULT_GROUP_MAX_SIZE } from '../input/defaults.js';
import { dayShort } from './words.js';

/** A change to try. `apply` edits a copy of the problem (never the caller's). */
export interface RepairCandidate {
  kind: string;
  /** The change, e.g. `"Open room-b Tue 18:00-21:00"`. */
  message: string;
  /** Rough effort for the clinic (1 = a setting, 5 = asking a patient to change their life); ties in effect go to the cheaper. */
  cost: number;
  /** Patients it is aimed at. */
  patients: string[];
  apply(problem: Problem): void;
  /**
   * Patients whose current sessions the repair invalidates (moved to another track): a
   * verifying re-solve that starts from the current week starts them afresh.
   */
  unseat?: string[];
}

/** The legal bound on group size (DOMAIN.md: 2 to 12 participants, e.g. California 9 CCR 10345). */
export const LEGAL_MAX_GROUP_SIZE: number = DEFAULT_GROUP_MAX_SIZE;
/** 20 or more hours a week is partial hospitalisation, not IOP. */
export const LEGAL_MAX_WEEKLY_HOURS_EXCLUSIVE = 20;

/** Wall-clock ranges `[start, end)` in minutes of a slot set on one day. */
export function rangesOnDay(set: SlotSet, day: number): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let start = -1;
  for (let slot = 0; slot <= SLOTS_PER_DAY; slot++) {
    const inside = slot < SLOTS_PER_DAY && set.has(day * SLOTS_PER_DAY + slot);
    if (inside && start < 0) start = slot;
    if (!inside && start >= 0) {
      ranges.push([start * SLOT_MINUTES, slot * SLOT_MINUTES]);
      start = -1;
    }
  }
  return ranges;
}

function addWindow(availability: Availability | undefined, day: number, start: number, end: number): Availability | undefined {
  if (availability === undefined) return undefined;
  const copy: Availability = structuredClone(availability);
  (copy.weekly ??= []).push({ days: [WEEKDAYS[day] as Weekday], start: formatLocalTime(start), end: formatLocalTime(end) });
  // An exception on that date would still take the new window out: lift exceptions on it.
  return copy;
}

function liftExceptions(availability: Availability | undefined, date: string): void {
  if (availability?.except) availability.except = availability.except.filter((e) => e.date !== date);
}

/** Adds the window to `target`'s availability on `day` (dated `date`), with no exception left on that date to take it out. */
function openWindow(target: { availability?: Availability }, day: number, start: number, end: number, date: string): void {
  const widened = addWindow(target.availability, day, start, end);
  if (widened) target.availability = widened;
  liftExceptions(target.availability, date);
}

/** Whether `set` holds the whole of `start`-`end` (minutes of the day) on `day`. */
function covers(set: SlotSet, day: number, start: number, end: number): boolean {
  return set.containsRange(day * SLOTS_PER_DAY + start / SLOT_MINUTES, day * SLOTS_PER_DAY + end / SLOT_MINUTES);
}

/** A window of the week: `day` and minutes of the day. */
interface Window {
  day: number;
  start: number;
  end: number;
}

/** An `apply` that opens `windows` on the entity `id` of the list `among` picks from the copy. */
function opening(among: (problem: Problem) => ReadonlyArray<{ id: string; availability?: Availability }>, id: string, windows: readonly Window[], dates: readonly string[]): (problem: Problem) => void {
  return (problem) => {
    const target = among(problem).find((x) => x.id === id);
    if (!target) return;
    for (const { day, start, end } of windows) openWindow(target, day, start, end, dates[day]!);
  };
}

const ROOM_CODES = new Set(['track-rooms-full', 'room-double-booked', 'room-availability', 'room-capacity', 'group-max-size', 'no-room-available', 'room-too-small']);
const STAFF_CODES = new Set(['staff-availability', 'staff-double-booked', 'staff-weekly-max', 'staff-daily-max', 'no-staff-available']);
const AVAILABILITY_CODES = new Set(['patient-availability', 'availability-hours', 'availability-days', 'daily-threshold-unreachable']);
const TRACK_CODES = new Set(['track-membership', 'population-too-small', 'group-min-size', 'late-admission', 'early-discharge', 'availability-hours', 'availability-days', 'resources-hours', 'resources-days', 'homogeneity', 'service-unreachable']);

/** The track-window days a set of services could run for this patient, as (track, day, ranges). */
function windowDays(compiled: CompiledProblem, tracks: readonly number[]): Array<{ track: number; day: number; ranges: Array<[number, number]> }> {
  const result: Array<{ track: number; day: number; ranges: Array<[number, number]> }> = [];
  for (const track of tracks) {
    for (let day = 0; day < 7; day++) {
      if (compiled.closedDays[day]) continue;
      const ranges = rangesOnDay(compiled.tracks[track]!.windows, day);
      if (ranges.length > 0) result.push({ track, day, ranges });
    }
  }
  return result;
}

function servicesOf(compiled: CompiledProblem, unmet: Unmet, service: string | undefined): number[] {
  if (service !== undefined) {
    const index = compiled.serviceIndex.get(service);
    return index === undefined ? [] : [index];
  }
  return compiled.services.filter((s) => s.countsTowardHours).map((s) => s.index);
}

/**
 * Candidates for one unmet requirement and its causes, in a deterministic order. Never proposes
 * lowering a requirement, raising a patient's weekly maximum, or a group maximum past the legal bound.
 */
export function candidatesFor(compiled: CompiledProblem, unmet: Unmet, service: string | undefined, causes: readonly Cause[]): RepairCandidate[] {
  const patientIndex = compiled.patientIndex.get(unmet.patient);
  if (patientIndex === undefined) return [];
  const patient = compiled.patients[patientIndex]!;
  const services = servicesOf(compiled, unmet, service).map((s) => compiled.services[s]!);
  const ask: Ask = {
    compiled,
    unmet,
    patient,
    patientIndex,
    services,
    trackServices: services.filter((s) => s.trackBound),
    days: windowDays(compiled, patient.tracks),
    who: [unmet.patient],
    codes: new Set(causes.map((c) => c.code)),
    causes,
  };
  const candidates: RepairCandidate[] = [];
  for (const family of FAMILIES) family(ask, candidates);
  return candidates;
}

/** What every family of candidates reads: the unmet requirement, its patient, services and causes. */
interface Ask {
  compiled: CompiledProblem;
  unmet: Unmet;
  patient: CompiledProblem['patients'][number];
  patientIndex: number;
  services: ReadonlyArray<CompiledProblem['services'][number]>;
  /** The services that run in track windows. */
  trackServices: ReadonlyArray<CompiledProblem['services'][number]>;
  days: ReturnType<typeof windowDays>;
  who: string[];
  codes: ReadonlySet<string>;
  causes: readonly Cause[];
}

/** Rooms: open a room for the whole programme or one window, or raise a group's maximum within the legal bound. */
function roomCandidates(ask: Ask, candidates: RepairCandidate[]): void {
  const { compiled, services, days, who, codes } = ask;
  if (![...codes].some((c) => ROOM_CODES.has(c))) return;
  const rooms = [...new Set(services.flatMap((s) => s.eligibleRooms))].map((r) => compiled.rooms[r]!);
  for (const room of rooms) {
    // The whole track programme at once: one decision for the clinic, often the one that fixes it.
    const missing = days.flatMap(({ day, ranges }) =>
      ranges
        .filter(([start, end]) => !covers(room.available, day, start, end))
        .map(([start, end]) => ({ day, start, end })),
    );
    if (missing.length < 2) continue;
    candidates.push({
      kind: 'open-room',
      message: `Open ${room.id} ${missing.map(({ day, start, end }) => `${dayShort(day)} ${formatLocalTime(start)}-${formatLocalTime(end)}`).join(', ')}`,
      cost: 2 + missing.length / 10,
      patients: who,
      apply: opening((problem) => problem.rooms, room.id, missing, compiled.dates),
    });
  }
  for (const { day, ranges } of days) {
    for (const room of rooms) {
      const missing = ranges.filter(([start, end]) => !covers(room.available, day, start, end));
      for (const [start, end] of missing) {
        candidates.push({
          kind: 'open-room',
          message: `Open ${room.id} ${dayShort(day)} ${formatLocalTime(start)}-${formatLocalTime(end)}`,
          // After the whole programme's opening (cost 2 + days / 10): explain verifies one of each kind first.
          cost: 2.5,
          patients: who,
          apply: opening((problem) => problem.rooms, room.id, [{ day, start, end }], compiled.dates),
        });
      }
    }
  }
  for (const s of services) {
    if (s.kind !== 'group' || s.maxSize >= LEGAL_MAX_GROUP_SIZE) continue;
    const biggest = Math.max(0, ...s.eligibleRooms.map((r) => compiled.rooms[r]!.capacity));
    const raised = Math.min(LEGAL_MAX_GROUP_SIZE, biggest);
    if (raised <= s.maxSize) continue;
    candidates.push({
      kind: 'raise-group-max',
      message: `Allow up to ${raised} patients in ${s.id} (now ${s.maxSize}; the legal limit is ${LEGAL_MAX_GROUP_SIZE})`,
      cost: 2,
      patients: who,
      apply(problem) {
        const target = problem.services.find((x) => x.id === s.id);
        if (target) target.maxSize = raised;
      },
    });
  }
}

/** Staff: have an eligible member work a window they are not available in, or lead more hours a week. */
function staffCandidates(ask: Ask, candidates: RepairCandidate[]): void {
  const { compiled, services, trackServices, days, who, codes } = ask;
  if (![...codes].some((c) => STAFF_CODES.has(c))) return;
  const staff = [...new Set(services.flatMap((s) => s.seats.flatMap((seat) => seat.eligibleStaff)))].map((m) => compiled.staff[m]!);
  const staffDays = trackServices.length > 0 || services.length === 0 ? days : [0, 1, 2, 3, 4].map((day) => ({ track: -1, day, ranges: [[9 * 60, 17 * 60]] as Array<[number, number]> }));
  for (const { day, ranges } of staffDays) {
    for (const member of staff) {
      for (const [start, end] of ranges) {
        if (covers(member.available, day, start, end)) continue;
        // A call-out (an exception on that date) is not undone by a repair: someone else covers.
        if (compiled.source.staff[member.index]!.availability?.except?.some((e) => e.date === compiled.dates[day])) continue;
        candidates.push({
          kind: 'extend-staff-hours',
          message: `Have ${member.id} work ${dayShort(day)} ${formatLocalTime(start)}-${formatLocalTime(end)}`,
          cost: 2,
          patients: who,
          apply: opening((problem) => problem.staff, member.id, [{ day, start, end }], compiled.dates),
        });
      }
    }
  }
  if (codes.has('staff-weekly-max') || codes.has('staff-daily-max')) {
    for (const member of staff) {
      const source = compiled.source.staff[member.index]!;
      if (source.maxWeeklyHours === undefined && source.maxDailyHours === undefined) continue;
      candidates.push({
        kind: 'extend-staff-hours',
        message: `Let ${member.id} lead 3 more hours this week${source.maxDailyHours !== undefined ? ' (and 1 more a day)' : ''}`,
        cost: 3,
        patients: who,
        apply(problem) {
          const target = problem.staff.find((x) => x.id === member.id);
          if (!target) return;
          if (target.maxWeeklyHours !== undefined) target.maxWeeklyHours += 3;
          if (target.maxDailyHours !== undefined) target.maxDailyHours += 1;
        },
      });
    }
  }
}

/** Tracks: let the patient also attend another track. */
function trackCandidates(ask: Ask, candidates: RepairCandidate[]): void {
  const { compiled, unmet, patient, who, codes } = ask;
  if (![...codes].some((c) => TRACK_CODES.has(c))) return;
  compiled.source.tracks.forEach((track, t) => {
    if (patient.tracks.includes(t)) return;
    candidates.push({
      kind: 'allow-track',
      message: `Let ${unmet.patient} also attend the ${track.id} track`,
      cost: 3,
      patients: who,
      apply(problem) {
        const target = problem.patients.find((x) => x.id === unmet.patient);
        if (target && !target.tracks.includes(track.id)) target.tracks.push(track.id);
      },
    });
  });
}

/** Tracks with a fixed agenda: one more session of the service in a free part of a window. */
function templateCandidates(ask: Ask, candidates: RepairCandidate[]): void {
  const { compiled, patient, trackServices, who } = ask;
  for (const track of patient.tracks) {
    const template = compiled.tracks[track]!.template;
    if (!template) continue;
    for (const s of trackServices) {
      for (const { day, ranges } of windowDays(compiled, [track])) {
        const taken = template
          .filter((e) => e.day === day)
          .map((e) => [e.start, e.start + (compiled.services[e.service]?.durationMinutes ?? 0)] as const);
        const start = ranges
          .flatMap(([from, to]) => Array.from({ length: Math.max(0, Math.floor((to - from - s.durationMinutes) / compiled.granularityMinutes) + 1) }, (_, i) => from + i * compiled.granularityMinutes))
          .find((t) => taken.every(([a, b]) => t + s.durationMinutes <= a || b <= t));
        if (start === undefined) continue;
        const trackId = compiled.tracks[track]!.id;
        candidates.push({
          kind: 'add-session',
          message: `Add a ${s.id} session to the ${trackId} track, ${dayShort(day)} ${formatLocalTime(start)}`,
          cost: 2,
          patients: who,
          apply(problem) {
            const target = problem.tracks.find((t) => t.id === trackId);
            target?.template?.push({ service: s.id, day: WEEKDAYS[day] as Weekday, start: formatLocalTime(start) });
          },
        });
      }
    }
  }
}

/** Telehealth: let the patient join remotely, or offer an individual service by telehealth when rooms block it. */
function telehealthCandidates(ask: Ask, candidates: RepairCandidate[]): void {
  const { unmet, patient, services, who, codes, causes } = ask;
  const remoteHelps = services.some((s) => s.telehealth !== 'never') && !patient.telehealth;
  if (remoteHelps && causes.length > 0) {
    candidates.push({
      kind: 'allow-telehealth',
      message: `Let ${unmet.patient} join by telehealth`,
      cost: 1,
      patients: who,
      apply(problem) {
        const target = problem.patients.find((x) => x.id === unmet.patient);
        if (target) target.telehealth = true;
      },
    });
  }
  for (const s of services) {
    if (s.kind !== 'individual' || s.telehealth !== 'never' || !(codes.has('room-double-booked') || codes.has('room-availability') || codes.has('no-room-available'))) continue;
    candidates.push({
      kind: 'allow-telehealth',
      message: `Offer ${s.id} by telehealth to ${unmet.patient}`,
      cost: 2,
      patients: who,
      apply(problem) {
        const target = problem.services.find((x) => x.id === s.id);
        if (target) target.telehealth = 'allowed';
        const p = problem.patients.find((x) => x.id === unmet.patient);
        if (p) p.telehealth = true;
      },
    });
  }
}

/** The patient's own availability: ask them to come in a track window they are not available in. */
function availabilityCandidates(ask: Ask, candidates: RepairCandidate[]): void {
  const { compiled, unmet, patient, patientIndex, days, who, codes } = ask;
  if (![...codes].some((c) => AVAILABILITY_CODES.has(c)) || compiled.source.patients[patientIndex]!.availability === undefined) return;
  for (const { track, day, ranges } of days) {
    for (const [start, end] of ranges) {
      if (covers(patient.available, day, start, end)) continue;
      candidates.push({
        kind: 'move-availability-window',
        message: `Ask ${unmet.patient} to come ${dayShort(day)} ${formatLocalTime(start)}-${formatLocalTime(end)} (${compiled.tracks[track]!.id} track)`,
        cost: 5,
        patients: who,
        apply: opening((problem) => problem.patients, unmet.patient, [{ day, start, end }], compiled.dates),
      });
    }
  }
}

/** The families in the order their candidates are listed (explain verifies in cost order, ties by this order). */
const FAMILIES: ReadonlyArray<(ask: Ask, candidates: RepairCandidate[]) => void> = [roomCandidates, staffCandidates, trackCandidates, templateCandidates, telehealthCandidates, availabilityCandidates];
