/** The order in which construction and the search try the days of a patient's individual session. */
import type { Engine } from '../kernel/engine.js';

/**
 * The days on which patient `p` may take a session of `s`, best first. Days the patient attends
 * come first, those still short of the per-day thresholds (minimum minutes or sessions) before
 * the others (the session helps them), then the fullest (compact weeks). A day the patient does
 * not attend comes only when the session alone meets the thresholds there: a lone session on a
 * day that cannot reach them swaps a missing session for a short day, and leaves the search a
 * day to repair instead of a session to place. `shuffle` (the search) draws the order instead,
 * any day the session may open; `lastResort` keeps the others at the end, so the score can
 * still weigh them (a long family session against a short day).
 *
 * @example
 * ```ts
 * for (const day of candidateDays(engine, p, s, false, false)) tryDay(day); // construction's order
 * ```
 */
export function candidateDays(engine: Engine, p: number, s: number, shuffle: boolean, lastResort: boolean, only?: readonly number[]): number[] {
  const problem = engine.problem;
  const patient = problem.patients[p]!;
  const limits = engine.prepared.patients[p]!;
  const counts = problem.services[s]!.countsTowardHours;
  // Per day: meetings, counting minutes, counting sessions (scratch: asked for every session placed).
  const meetings = DAY_MEETINGS.fill(0);
  const minutes = DAY_MINUTES.fill(0);
  const sessions = DAY_SESSIONS.fill(0);
  const mine = engine.state.patientMeetings[p]!;
  for (let k = 0; k < mine.length; k++) {
    const m = engine.state.meetings[mine[k]!]!;
    if (m.day < 0 || m.day > 6) continue;
    meetings[m.day]! += 1;
    if (!problem.services[m.service]!.countsTowardHours) continue;
    minutes[m.day]! += m.end - m.start;
    sessions[m.day]! += 1;
  }
  const duration = problem.services[s]!.durationMinutes;
  const alone = !counts ? limits.minDailyMinutes <= 0 && limits.minDailyServices <= 0 : duration >= limits.minDailyMinutes && 1 >= limits.minDailyServices;
  const isOpen = (d: number): boolean => d >= patient.firstDay && d < patient.endDay && d >= 0 && d < 7 && !problem.closedDays[d];
  const days: number[] = [];
  const candidates = only ?? ALL_DAYS;
  for (let k = 0; k < candidates.length; k++) {
    const d = candidates[k]!;
    if (isOpen(d) && (meetings[d]! > 0 || alone)) days.push(d);
  }
  if (shuffle) engine.random.shuffle(days);
  else if (problem.services[s]!.withFamily) {
    // A family session fits the family's evenings, not the patient's group days: the days
    // whose family rooms are least booked first, so that families with one evening free find
    // it open (greedy filling piles the flexible ones onto the first day otherwise).
    const load = DAY_LOAD.fill(0);
    const perDay = engine.state.roomDayMeetings;
    for (const r of problem.services[s]!.eligibleRooms) for (let day = 0; day < 7; day++) load[day]! += perDay[r * 7 + day]!;
    for (let d = 0; d < 7; d++) RANK[d] = dayRank(meetings, minutes, sessions, limits, d);
    sortDays(days, (a, b) => load[a]! - load[b]! || RANK[a]! - RANK[b]! || a - b);
  } else {
    for (let d = 0; d < 7; d++) RANK[d] = dayRank(meetings, minutes, sessions, limits, d);
    sortDays(days, (a, b) => RANK[a]! - RANK[b]! || meetings[b]! - meetings[a]! || a - b);
  }
  if (lastResort) for (const d of candidates) if (isOpen(d) && !days.includes(d)) days.push(d);
  return days;
}

const ALL_DAYS: readonly number[] = [0, 1, 2, 3, 4, 5, 6];
const DAY_MEETINGS = new Int32Array(7);
const DAY_MINUTES = new Int32Array(7);
const DAY_SESSIONS = new Int32Array(7);
const DAY_LOAD = new Float64Array(7);
const RANK = new Int32Array(7);

/** A day the patient does not attend last (2), one short of the per-day thresholds first (0). */
function dayRank(meetings: Int32Array, minutes: Int32Array, sessions: Int32Array, limits: { minDailyMinutes: number; minDailyServices: number }, day: number): number {
  if (meetings[day]! === 0) return 2;
  return minutes[day]! >= limits.minDailyMinutes && sessions[day]! >= limits.minDailyServices ? 1 : 0;
}

/** Sorts a week's days (seven at most) in place, stably, as `Array.prototype.sort` would, without its work array. */
function sortDays(days: number[], compare: (a: number, b: number) => number): void {
  for (let i = 1; i < days.length; i++) {
    const day = days[i]!;
    let j = i - 1;
    while (j >= 0 && compare(days[j]!, day) > 0) {
      days[j + 1] = days[j]!;
      j--;
    }
    days[j + 1] = day;
  }
}
