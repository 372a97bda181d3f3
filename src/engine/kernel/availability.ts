/**
 * Whether a member of staff or a room is free for a meeting: on shift or open, holding no other
 * meeting then (the replaced one aside), within the daily and weekly maxima and the work rules.
 * Read off the state's occupancy and minutes, so each answer is a few array reads.
 */
import type { PlacedMeeting } from '../../rules/types.js';
import { SLOTS_PER_WEEK } from '../../time/week.js';
import { meetingMinutes } from '../../compiled/compile.js';
import type { Engine } from './engine-type.js';
import { staffWorkBlocker } from './feasible.js';
import { slotFrom, slotTo } from './meeting-slots.js';

/** Whether `owner`'s slots `[from, to)` hold no meeting but (when given) `replaced`. */
function vacant(busy: Uint16Array, owner: number, from: number, to: number, replaced: PlacedMeeting | undefined, holds: boolean): boolean {
  const base = owner * SLOTS_PER_WEEK;
  if (!(holds && replaced)) {
    for (let slot = from; slot < to; slot++) if (busy[base + slot]! > 0) return false;
    return true;
  }
  // The meeting being replaced gives its own slots back.
  const ownFrom = slotFrom(replaced);
  const ownTo = slotTo(replaced);
  for (let slot = from; slot < to; slot++) if (busy[base + slot]! - (slot >= ownFrom && slot < ownTo ? 1 : 0) > 0) return false;
  return true;
}

/** Whether staff member `s` is free for `m` (availability, other meetings, daily and weekly maxima), `taken` aside. */
export function staffFree(engine: Engine, s: number, m: PlacedMeeting, replacing: number, taken: readonly number[]): boolean {
  const from = slotFrom(m);
  const to = slotTo(m);
  return staffFreeAt(engine, s, m, from, to, replacing, taken, false);
}

/**
 * {@link staffFree} with `m`'s slots `[from, to)` given, and the availability check skipped when
 * the caller already knows the member is on shift then (`candidateWord`): the scan over a
 * seat's candidates computes them once, not once per candidate.
 */
export function staffFreeAt(engine: Engine, s: number, m: PlacedMeeting, from: number, to: number, replacing: number, taken: readonly number[], onShiftKnown: boolean): boolean {
  if (taken.includes(s)) return false;
  const { state } = engine;
  const member = engine.problem.staff[s]!;
  if (!onShiftKnown && !member.available.containsRange(from, to)) return false;
  const replaced = replacing >= 0 ? state.meetings[replacing] : undefined;
  const holds = replaced !== undefined && replaced.staff.includes(s);
  if (!vacant(state.staffBusy, s, from, to, replaced, holds)) return false;
  if (staffDayMinutesWith(engine, s, m, replacing) > member.maxDailyMinutes || staffWeekMinutesWith(engine, s, m, replacing) > member.maxWeeklyMinutes) return false;
  return staffWorkBlocker(state, engine.prepared, m, s, replacing) === null;
}

/** The meeting at `replacing` when staff member `s` holds a seat in it (its minutes are given back). */
function heldBy(engine: Engine, s: number, replacing: number): PlacedMeeting | undefined {
  const replaced = replacing >= 0 ? engine.state.meetings[replacing] : undefined;
  return replaced !== undefined && replaced.staff.includes(s) ? replaced : undefined;
}

/** Minutes staff member `s` would lead on `m`'s day with `m`, meeting `replacing` taken out. */
export function staffDayMinutesWith(engine: Engine, s: number, m: PlacedMeeting, replacing: number): number {
  const held = heldBy(engine, s, replacing);
  const own = held !== undefined && held.day === m.day ? meetingMinutes(engine.problem, held) : 0;
  return engine.state.staffDayMinutes[s * 7 + m.day]! - own + meetingMinutes(engine.problem, m);
}

/** Minutes staff member `s` would lead this week with `m`, meeting `replacing` taken out. */
export function staffWeekMinutesWith(engine: Engine, s: number, m: PlacedMeeting, replacing: number): number {
  const held = heldBy(engine, s, replacing);
  return engine.state.staffMinutes[s]! - (held ? meetingMinutes(engine.problem, held) : 0) + meetingMinutes(engine.problem, m);
}

/** Whether room `r` is free and large enough for `m`. */
export function roomFree(engine: Engine, r: number, m: PlacedMeeting, replacing: number): boolean {
  const from = slotFrom(m);
  const to = slotTo(m);
  return roomFreeAt(engine, r, m, from, to, replacing);
}

/** {@link roomFree} with `m`'s slots `[from, to)` given: a scan over rooms computes them once, not once per room. */
export function roomFreeAt(engine: Engine, r: number, m: PlacedMeeting, from: number, to: number, replacing: number): boolean {
  const { state } = engine;
  const room = engine.problem.rooms[r]!;
  if (room.capacity < m.patients.length) return false;
  if (!room.available.containsRange(from, to)) return false;
  const replaced = replacing >= 0 ? state.meetings[replacing] : undefined;
  return vacant(state.roomBusy, r, from, to, replaced, replaced !== undefined && replaced.room === r);
}

/**
 * Free candidates a seat's choice weighs: enough to balance loads, few enough that a network of
 * hundreds of clinicians is not scanned for every start construction tries.
 */
export const CANDIDATES_WEIGHED = 16;

/**
 * Seats a section of `service` has in room `room`: its section size, capped by the room's
 * capacity (-1, no room: the section size).
 *
 * @example
 * ```ts
 * const free = sectionSeats(engine, m.service, m.room) - m.patients.length;
 * ```
 */
export function sectionSeats(engine: Engine, service: number, room: number): number {
  const cap = engine.prepared.sectionCap[service]!;
  return room >= 0 ? Math.min(cap, engine.problem.rooms[room]!.capacity) : cap;
}
