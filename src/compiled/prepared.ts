/**
 * What the solver derives once from the compiled problem for its fast feasibility checks:
 * tag sets, each patient's tightest hard maxima over the tracks they may belong to, the
 * homogeneity key of each patient per service, and the seat of each staff position.
 *
 * Maxima are taken over every track a patient lists (the tightest wins) because the track whose
 * rules apply is derived from the timetable and may change as the search moves meetings: the
 * tightest bound keeps every hard maximum safe whichever track ends up applying.
 */
import type { CompiledProblem } from './compile.js';
import { resolvedRules } from './hours-rules.js';
import { prorateCount } from './partial-week.js';
import { staffWork, type StaffWork } from './staff-work.js';

export interface PreparedPatient {
  tags: ReadonlySet<string>;
  maxWeeklyMinutes: number;
  maxDailyMinutes: number;
  maxDays: number;
  /** Per service index: most sessions a week allowed by curriculum and `requires` maxima. */
  maxSessions: Int32Array;
  /** Per service index: sessions wanted (curriculum of the first track and `requires` minima). */
  wantSessions: Int32Array;
  /** Days a session of each service on a cadence may take (hard rule `cadence-window`); mostly empty. */
  cadenceWindows: ReadonlyArray<{ service: number; firstDay: number; lastDay: number }>;
  /** Requirement targets of the patient's preferred track. */
  minWeeklyMinutes: number;
  minDays: number;
  minDailyMinutes: number;
  minDailyServices: number;
}

export interface Prepared {
  patients: readonly PreparedPatient[];
  /** Per service, per patient: the homogeneity key (equal keys may share a meeting). */
  homogeneity: ReadonlyArray<readonly string[] | undefined>;
  /** Per service: the seat index of each staff position. */
  seatOfPosition: ReadonlyArray<readonly number[]>;
  /** Per staff: minutes of primary-only sessions their primary patients want (kept free when choosing group leaders). */
  reservedMinutes: Float64Array;
  /** Per service: most patients one meeting can hold (its maximum size, or the largest room it may use). */
  sectionCap: Int32Array;
  /** The staff work rules in minutes: breaks, longest runs, notes time. */
  work: StaffWork;
}

const NO_LIMIT = 1_000_000;

/** Derives the solver's lookup tables. */
export function prepare(problem: CompiledProblem): Prepared {
  // Every patient's two counts per service are windows of one buffer: a typed array of its own
  // is an allocation the runtime makes and tracks one at a time (20,000 of them at 10,000 patients).
  const counts = new Int32Array(2 * problem.patients.length * problem.services.length);
  const patients = problem.patients.map((patient, p): PreparedPatient => preparePatient(problem, patient, p, counts));
  return {
    patients,
    homogeneity: homogeneityKeys(problem),
    seatOfPosition: seatPositions(problem),
    reservedMinutes: reservedMinutesOf(problem, patients),
    sectionCap: sectionCaps(problem),
    work: staffWork(problem),
  };
}

type CompiledPatient = CompiledProblem['patients'][number];

function preparePatient(problem: CompiledProblem, patient: CompiledPatient, p: number, counts: Int32Array): PreparedPatient {
  const { maxWeekly, maxDaily, maxDays } = tightestMaxima(problem, patient, p);
  const { maxSessions, wantSessions } = sessionCounts(problem, patient, p, counts);
  const first = resolvedRules(problem, p, patient.tracks[0] ?? -1);
  return {
    tags: new Set(patient.tags),
    maxWeeklyMinutes: maxWeekly,
    maxDailyMinutes: maxDaily,
    maxDays,
    maxSessions,
    wantSessions,
    cadenceWindows: cadenceWindowsOf(patient),
    minWeeklyMinutes: Math.round(first.minWeeklyHours * 60),
    minDays: first.minDays,
    minDailyMinutes: first.minDailyMinutes ?? 0,
    minDailyServices: first.minDailyServices ?? 0,
  };
}

function cadenceWindowsOf(patient: CompiledPatient): PreparedPatient['cadenceWindows'] {
  const windows: Array<PreparedPatient['cadenceWindows'][number]> = [];
  for (const entry of patient.requires) {
    if (entry.cadence !== undefined && entry.service >= 0) windows.push({ service: entry.service, firstDay: entry.cadence.firstDay, lastDay: entry.cadence.lastDay });
  }
  return windows;
}

/** The tightest hard maxima over every track the patient lists (see the module comment). */
function tightestMaxima(problem: CompiledProblem, patient: CompiledPatient, p: number): { maxWeekly: number; maxDaily: number; maxDays: number } {
  const trackList = patient.tracks.length > 0 ? patient.tracks : [-1];
  let maxWeekly = Infinity;
  let maxDaily = Infinity;
  let maxDays = Infinity;
  for (const track of trackList) {
    const rules = resolvedRules(problem, p, track);
    maxWeekly = Math.min(maxWeekly, Math.round(rules.maxWeeklyHours * 60));
    if (rules.maxDailyHours !== undefined) maxDaily = Math.min(maxDaily, Math.round(rules.maxDailyHours * 60));
    maxDays = Math.min(maxDays, rules.maxDays);
  }
  return { maxWeekly, maxDaily, maxDays };
}

/** Per service: the most sessions allowed and the sessions wanted (at most the most allowed), in patient `p`'s windows of `counts`. */
function sessionCounts(problem: CompiledProblem, patient: CompiledPatient, p: number, counts: Int32Array): { maxSessions: Int32Array; wantSessions: Int32Array } {
  const services = problem.services.length;
  const maxSessions = counts.subarray(2 * p * services, (2 * p + 1) * services).fill(NO_LIMIT);
  const wantSessions = counts.subarray((2 * p + 1) * services, (2 * p + 2) * services);
  for (const track of patient.tracks) {
    for (const entry of problem.tracks[track]?.curriculum ?? []) {
      if (entry.service >= 0 && entry.max !== Infinity) maxSessions[entry.service] = Math.min(maxSessions[entry.service]!, entry.max);
    }
  }
  // The counts the requirement rules ask for: a partial week's are prorated (compiled/partial-week.ts).
  const home = patient.tracks[0] ?? -1;
  const mode = resolvedRules(problem, p, home).partialWeek;
  for (const entry of problem.tracks[home]?.curriculum ?? []) {
    if (entry.service >= 0) wantSessions[entry.service] = Math.max(wantSessions[entry.service]!, prorateCount(problem, p, home, entry.min, mode));
  }
  for (const entry of patient.requires) {
    if (entry.service < 0) continue;
    if (entry.max !== Infinity) maxSessions[entry.service] = Math.min(maxSessions[entry.service]!, entry.max);
    const min = entry.cadence === undefined ? prorateCount(problem, p, home, entry.min, mode) : entry.min;
    wantSessions[entry.service] = Math.max(wantSessions[entry.service]!, min);
  }
  for (let s = 0; s < wantSessions.length; s++) wantSessions[s] = Math.min(wantSessions[s]!, maxSessions[s]!);
  return { maxSessions, wantSessions };
}

/** Per service, per patient: the homogeneity key. Services kept apart by the same prefixes (most often all of them: ['age:']) share one list. */
function homogeneityKeys(problem: CompiledProblem): Array<readonly string[] | undefined> {
  const keysByPrefixes = new Map<string, readonly string[]>();
  return problem.services.map((service) => {
    if (service.homogeneousBy.length === 0) return undefined;
    const prefixes = service.homogeneousBy.join('\u0003');
    let keys = keysByPrefixes.get(prefixes);
    if (!keys) {
      keys = problem.patients.map((patient) =>
        service.homogeneousBy
          .map((prefix) => patient.tags.filter((tag) => tag.startsWith(prefix)).sort().join('\u0001'))
          .join('\u0002'),
      );
      keysByPrefixes.set(prefixes, keys);
    }
    return keys;
  });
}

function seatPositions(problem: CompiledProblem): number[][] {
  return problem.services.map((service) => {
    const positions: number[] = [];
    service.seats.forEach((seat, index) => {
      for (let i = 0; i < seat.count; i++) positions.push(index);
    });
    return positions;
  });
}

function reservedMinutesOf(problem: CompiledProblem, patients: readonly PreparedPatient[]): Float64Array {
  const reservedMinutes = new Float64Array(problem.staff.length);
  // Only primary-only services reserve time: most clinics have one or none, so a patient's loop is that short.
  const primaryOnly = problem.services.filter((service) => service.primaryOnly);
  if (primaryOnly.length === 0) return reservedMinutes;
  problem.patients.forEach((patient, p) => {
    if (patient.primaryStaff < 0) return;
    const want = patients[p]!.wantSessions;
    for (const service of primaryOnly) {
      const count = want[service.index]!;
      if (count > 0) reservedMinutes[patient.primaryStaff]! += count * service.durationMinutes;
    }
  });
  return reservedMinutes;
}

function sectionCaps(problem: CompiledProblem): Int32Array {
  return Int32Array.from(problem.services, (service) => {
    const largestRoom = service.telehealth === 'only' ? service.maxSize : Math.max(0, ...service.eligibleRooms.map((r) => problem.rooms[r]!.capacity));
    return Math.max(1, Math.min(service.maxSize, service.telehealth === 'allowed' ? service.maxSize : largestRoom));
  });
}
