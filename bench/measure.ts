/**
 * What the benchmark measures on one timetable, and the statistics over runs. Pure functions, so
 * the runner and the child processes agree.
 */
import type { Problem } from '../src/model/problem.js';
import type { Report } from '../src/model/report.js';
import type { Schedule } from '../src/model/schedule.js';
import { resolveHoursRules, DEFAULT_GROUP_MAX_SIZE } from '../src/input/defaults.js';
import { parseLocalTime } from '../src/time/week.js';

/** Median of a non-empty list (mean of the middle two for an even count); NaN when empty. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Exponent k of t ~ c * n^k by least squares on log t = log c + k log n. Needs two distinct n.
 *
 * @example
 * ```ts
 * fitExponent([{ n: 1000, t: 2 }, { n: 10000, t: 20 }]); // 1
 * ```
 */
export function fitExponent(points: ReadonlyArray<{ n: number; t: number }>): number | null {
  const usable = points.filter((p) => p.n > 0 && p.t > 0);
  if (new Set(usable.map((p) => p.n)).size < 2) return null;
  const xs = usable.map((p) => Math.log(p.n));
  const ys = usable.map((p) => Math.log(p.t));
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let num = 0;
  let den = 0;
  for (let i = 0; i < xs.length; i++) {
    num += (xs[i]! - mx) * (ys[i]! - my);
    den += (xs[i]! - mx) ** 2;
  }
  return num / den;
}

/** Staff-minutes of a timetable: each meeting's minutes times the staff leading it. */
export function staffedMinutes(schedule: Schedule): number {
  let total = 0;
  for (const meeting of schedule.meetings) {
    const start = parseLocalTime(meeting.start);
    const end = parseLocalTime(meeting.end);
    if (start === undefined || end === undefined) continue;
    total += (end - start) * meeting.staff.length;
  }
  return total;
}

/**
 * A lower bound on the staff-minutes of any timetable that fully serves `patients`:
 *
 * - individual: every required individual session (`requires` and curriculum minimums of
 *   individual services) needs its minutes times its staff seats, whoever attends;
 * - groups: each patient needs max(weekly minimum minus the counting individual minutes above,
 *   curriculum and `requires` group minutes) seat-minutes in groups; a group meeting gives at
 *   most `effectiveMax` seat-minutes per minute (its max size, capped by the largest eligible room
 *   unless telehealth is allowed) for `staffNeeded` staff-minutes, so the group part costs at
 *   least ceil(seat-minutes x min over group services of staffNeeded / effectiveMax).
 *
 * It ignores time windows, availability and minimum sizes, so it is loose when the clinic is tight.
 */
export function staffedLowerBound(problem: Problem, patients: ReadonlySet<string>): { total: number; group: number; individual: number } {
  const services = new Map(problem.services.map((s) => [s.id, s]));
  const largestRoom = (features: readonly string[]): number =>
    problem.rooms.filter((room) => features.every((f) => (room.features ?? []).includes(f))).reduce((m, room) => Math.max(m, room.capacity), 0);
  let staffPerSeatMinute = Infinity;
  for (const service of problem.services) {
    if (service.kind !== 'group') continue;
    const staffNeeded = service.staff.reduce((sum, seat) => sum + (seat.count ?? 1), 0);
    const cap = service.maxSize ?? DEFAULT_GROUP_MAX_SIZE;
    const effective = (service.telehealth ?? 'never') === 'never' ? Math.min(cap, largestRoom(service.room?.features ?? [])) : cap;
    if (effective > 0) staffPerSeatMinute = Math.min(staffPerSeatMinute, staffNeeded / effective);
  }
  if (!Number.isFinite(staffPerSeatMinute)) staffPerSeatMinute = 0;
  const tracks = new Map(problem.tracks.map((t) => [t.id, t]));
  let groupSeatMinutes = 0;
  let individual = 0;
  for (const patient of problem.patients) {
    if (!patients.has(patient.id)) continue;
    const track = tracks.get(patient.tracks[0] ?? '');
    const rules = resolveHoursRules(problem.rules, track?.rules, patient.rules);
    const needs = [...(track?.curriculum ?? []), ...(patient.requires ?? [])];
    let individualCounting = 0;
    let groupMinimum = 0;
    for (const need of needs) {
      const service = services.get(need.service);
      if (!service || !need.min) continue;
      const minutes = need.min * service.durationMinutes;
      if (service.kind === 'individual') {
        individual += minutes * service.staff.reduce((sum, seat) => sum + (seat.count ?? 1), 0);
        if (service.countsTowardHours ?? true) individualCounting += minutes;
      } else {
        groupMinimum += minutes;
      }
    }
    groupSeatMinutes += Math.max(Math.round(rules.minWeeklyHours * 60) - individualCounting, groupMinimum, 0);
  }
  const group = Math.ceil(groupSeatMinutes * staffPerSeatMinute);
  return { total: group + individual, group, individual };
}

/** Patient ids `diagnose` proves cannot be fully served, from its `impossible` findings. */
export function provenImpossible(diagnosis: { impossible: ReadonlyArray<{ patients: readonly string[] }> }): Set<string> {
  const ids = new Set<string>();
  for (const finding of diagnosis.impossible) for (const id of finding.patients) ids.add(id);
  return ids;
}

/** Patients whose every requirement is met, among those not proven impossible. */
export function servedCounts(report: Report, impossible: ReadonlySet<string>): { served: number; possible: number; servedAll: number } {
  let served = 0;
  let possible = 0;
  let servedAll = 0;
  for (const row of report.patients) {
    if (row.met) servedAll += 1;
    if (impossible.has(row.patient)) continue;
    possible += 1;
    if (row.met) served += 1;
  }
  return { served, possible, servedAll };
}

/** Each patient's week as sorted `date start service` keys: equal keys mean an unchanged week. */
export function patientWeeks(schedule: Schedule): Map<string, string> {
  const sessions = new Map<string, string[]>();
  for (const meeting of schedule.meetings) {
    for (const patient of meeting.patients) {
      const list = sessions.get(patient) ?? [];
      list.push(`${meeting.date} ${meeting.start} ${meeting.service}`);
      sessions.set(patient, list);
    }
  }
  return new Map([...sessions].map(([patient, list]) => [patient, list.sort().join('|')]));
}
