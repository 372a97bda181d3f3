/**
 * The re-planning driver's working set, on top of the engine's public primitives: the engine,
 * the instant before which nothing may change, who is affected and why, and the one way every
 * change is tried: apply, re-score, keep only when the catalogue's score got better.
 */
import type { Score } from '../model/report.js';
import { type Engine, blocker, equip, settle, patientBlocker } from '../engine/index.js';
import type { PlacedMeeting } from '../rules/types.js';
import { formatLocalTime, SLOT_MINUTES, SLOTS_PER_DAY } from '../time/week.js';
import { zonedInstant } from '../time/zone.js';
import type { ChangeReason } from './types.js';

export interface Driver {
  engine: Engine;
  /** Per day index, the first wall-clock minute at which something may be placed or changed (1441: none). */
  firstOpenMinute: readonly number[];
  /** Patients to serve (admitted, re-sectioned, missed a session), with why. */
  affected: Map<number, ChangeReason[]>;
  /** Reasons recorded against meeting ids (repairs). */
  meetingReasons: Map<string, ChangeReason[]>;
  /** Ids of meetings that must never change (pinned, or already started). */
  frozen: Set<string>;
  /** How many changes `attempt` has kept so far (a version of the timetable). */
  accepted: number;
}

/**
 * Per day of the week, the first minute at or after `cutoffMs` (an instant), on the wall clock of
 * `timeZone`. Scans the 5-minute grid, so a DST day is handled like any other.
 */
export function firstOpenMinutes(dates: readonly string[], timeZone: string, cutoffMs: number): number[] {
  return dates.map((date) => {
    if (!Number.isFinite(cutoffMs)) return 0;
    if (zonedInstant(date, '00:00', timeZone).getTime() >= cutoffMs) return 0;
    for (let minute = SLOT_MINUTES; minute <= 1440; minute += SLOT_MINUTES) {
      if (zonedInstant(date, formatLocalTime(minute), timeZone).getTime() >= cutoffMs) return minute;
    }
    return 1441;
  });
}

/** Whether a meeting may start on `day` at `start` (not before the cutoff). */
export function isOpen(driver: Driver, day: number, start: number): boolean {
  return day >= 0 && day < 7 && start >= driver.firstOpenMinute[day]!;
}

export function addReason(map: Map<number, ChangeReason[]>, key: number, reason: ChangeReason): void;
export function addReason(map: Map<string, ChangeReason[]>, key: string, reason: ChangeReason): void;
export function addReason<K>(map: Map<K, ChangeReason[]>, key: K, reason: ChangeReason): void {
  const list = map.get(key);
  if (!list) map.set(key, [reason]);
  else if (!list.some((r) => r.change === reason.change && r.message === reason.message)) list.push(reason);
}

/**
 * The patient's requirement shortfall now, in minute-equivalents: their penalty on the
 * catalogue's requirement rules, read from the score board (brought up to date first).
 */
export function shortfallOf(driver: Driver, p: number): number {
  const state = driver.engine.state;
  state.mark();
  return state.board.subjectPenalty('patient', p, 'requirement');
}

export function better(a: Score, b: Score): boolean {
  if (a.hard !== b.hard) return a.hard < b.hard;
  if (a.requirement !== b.requirement) return a.requirement < b.requirement;
  return a.soft < b.soft - 1e-9;
}

/**
 * Runs `change` on the state and keeps it only when it succeeded, broke no more hard rules and
 * made the score better (or, with `accept: 'feasible'`, merely broke nothing new).
 */
export function attempt(driver: Driver, change: () => boolean, accept: 'better' | 'feasible' = 'better'): boolean {
  const state = driver.engine.state;
  const mark = state.mark();
  const before = state.score();
  if (!change()) {
    state.rollback(mark);
    return false;
  }
  if (!settle(driver.engine, mark, before.hard)) return false;
  if (accept === 'better' && !better(state.score(), before)) {
    state.rollback(mark);
    return false;
  }
  state.commit();
  driver.accepted += 1;
  return true;
}

/** Whether the meeting at `index` may be changed by the driver. */
export function changeable(driver: Driver, index: number): boolean {
  const m = driver.engine.state.meetings[index];
  return !!m && !m.pinned && !driver.frozen.has(m.id) && isOpen(driver, m.day, m.start);
}

/** Adds patient `p` to meeting `index` (re-equipping it when its room or staff no longer fit). */
export function join(driver: Driver, index: number, p: number): boolean {
  const engine = driver.engine;
  const m = engine.state.meetings[index];
  if (!m || !changeable(driver, index) || m.patients.includes(p)) return false;
  const next: PlacedMeeting = { ...m, patients: [...m.patients, p] };
  const from = m.day * SLOTS_PER_DAY + m.start / SLOT_MINUTES;
  if (patientBlocker(engine.state, engine.prepared, next, p, index, from, from + (m.end - m.start) / SLOT_MINUTES) !== null) return false;
  if (blocker(engine, next, index, false) === null) {
    engine.state.replace(index, next);
    return true;
  }
  const equipped = equip(engine, next, index, true, false);
  if (!equipped || blocker(engine, equipped, index, false) !== null) return false;
  engine.state.replace(index, equipped);
  return true;
}
