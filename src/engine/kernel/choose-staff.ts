/**
 * Choosing staff for a meeting's seats: the primary therapist first, then the least loaded of the
 * first few free candidates (or a random one of them), asking only those the free-staff index
 * says might be free.
 */
import type { PlacedMeeting } from '../../rules/types.js';
import { meetingMinutes } from '../../compiled/compile.js';
import { CANDIDATES_WEIGHED, staffFreeAt } from './availability.js';
import { entityNames } from './conflicts.js';
import type { Engine } from './engine-type.js';
import { FreeTimes } from './free-times.js';
import { slotFrom, slotTo } from './meeting-slots.js';

/** Minutes a staff member leads this week plus those kept for their primary patients (for balanced choices). */
function staffLoad(engine: Engine, s: number): number {
  return engine.prepared.reservedMinutes[s]! + engine.state.staffMinutes[s]!;
}

const seatMembers = new WeakMap<object, Uint8Array>();

/** Whether staff member `s` may fill `seat` (a bitmap per seat, cached). */
function eligibleFor(engine: Engine, seat: { eligibleStaff: readonly number[] }, s: number): boolean {
  let members = seatMembers.get(seat);
  if (!members) {
    members = new Uint8Array(engine.problem.staff.length);
    for (const x of seat.eligibleStaff) members[x] = 1;
    seatMembers.set(seat, members);
  }
  return members[s] === 1;
}

const NO_STAFF: readonly number[] = [];

/** A seat of a service, as choosing its member reads it. */
type Seat = { eligibleStaff: readonly number[] };

const seatBits = new WeakMap<object, Uint32Array>();

/** The members who may fill `seat`, as a bitmap over the staff (cached per seat). */
function eligibleBits(engine: Engine, seat: { eligibleStaff: readonly number[] }): Uint32Array {
  let bits = seatBits.get(seat);
  if (!bits) {
    bits = new Uint32Array(Math.max(1, (engine.problem.staff.length + 31) >>> 5));
    for (const s of seat.eligibleStaff) bits[s >>> 5]! |= 1 << (s & 31);
    seatBits.set(seat, bits);
  }
  return bits;
}

/**
 * Word `w` of the bitmap of staff who might be free for all of slots `[from, to)`: on shift and
 * holding no meeting then, and the members of the replaced meeting who are on shift
 * (`replacedOnShift`: it gives their time back). A superset of those `staffFreeAt` accepts, so
 * a walk that asks only these asks the same members it would have accepted, in the same order.
 * Computed a word at a time: the walk stops after the first few free candidates.
 */
function candidateWord(free: FreeTimes, from: number, to: number, w: number, replacedOnShift: readonly number[]): number {
  let bits = free.wordOver(from, to, w);
  for (const s of replacedOnShift) if (s >>> 5 === w) bits |= 1 << (s & 31);
  return bits;
}

/**
 * Whether staff member `s` might be free for all of slots `[from, to)` (see `candidateWord`): a
 * few word reads that answer no for a member on another meeting or off shift, before
 * `staffFreeAt` weighs the rest. Most primary therapists asked for a session are booked then.
 */
function mayBeFree(engine: Engine, s: number, from: number, to: number, replacedOnShift: readonly number[]): boolean {
  return FreeTimes.inWord(engine.state.freeStaff().wordOver(from, to, s >>> 5), s) || replacedOnShift.includes(s);
}

/** What the seats of one meeting share while staff are chosen for them (see {@link chooseStaff}). */
interface Asked {
  m: PlacedMeeting;
  /** The meeting's slots `[from, to)`. */
  from: number;
  to: number;
  replacing: number;
  /** Members chosen for the seats before. */
  chosen: number[];
  /** The replaced meeting's staff, and those of them on shift then (it gives their time back). */
  replacedStaff: readonly number[];
  replacedOnShift: readonly number[];
  /** The meeting's minutes. */
  minutes: number;
}

/**
 * Staff for every seat of `m` (keeping current staff who are still free when `keepStaff`),
 * primary therapist first, then the least loaded of the first free candidates from a starting
 * point that varies with the meeting (or a random one of them when `shuffle`); `null` when a
 * seat cannot be filled.
 *
 * @example
 * ```ts
 * const staff = chooseStaff(engine, session, -1, false, true); // e.g. [4], or null
 * ```
 */
export function chooseStaff(engine: Engine, m: PlacedMeeting, replacing: number, keepStaff: boolean, shuffle: boolean, exclude = -1): number[] | null {
  const service = engine.problem.services[m.service]!;
  const positions = engine.prepared.seatOfPosition[m.service]!;
  const from = slotFrom(m);
  const to = slotTo(m);
  const staff = engine.problem.staff;
  const replacedStaff = replacing >= 0 ? (engine.state.meetings[replacing]?.staff ?? NO_STAFF) : NO_STAFF;
  const replacedOnShift = replacedStaff.length === 0 ? NO_STAFF : replacedStaff.filter((s) => s >= 0 && staff[s]!.available.containsRange(from, to));
  const asked: Asked = { m, from, to, replacing, chosen: [], replacedStaff, replacedOnShift, minutes: meetingMinutes(engine.problem, m) };
  const { chosen } = asked;
  for (let i = 0; i < positions.length; i++) {
    const seat = service.seats[positions[i]!]!;
    const current = keepStaff ? m.staff[i] : undefined;
    if (current !== undefined && current >= 0 && eligibleFor(engine, seat, current) && staffFreeAt(engine, current, m, from, to, replacing, chosen, false)) {
      chosen.push(current);
      continue;
    }
    // The primary therapist of the patient (or of a group member: they know the patients);
    // primary-only services look no further.
    let pick = !shuffle || service.primaryOnly ? freePrimary(engine, seat, asked, exclude) : -1;
    if (pick < 0 && !service.primaryOnly) pick = leastLoadedFree(engine, seat, asked, shuffle, exclude);
    if (pick < 0) {
      engine.conflicts.blockEntity('staff-double-booked', entityNames(engine.problem).services[m.service]!);
      return null;
    }
    chosen.push(pick);
  }
  return chosen;
}

/** The primary therapist of the first of the meeting's patients whose one may fill `seat` and is free; -1 when none. */
function freePrimary(engine: Engine, seat: Seat, asked: Asked, exclude: number): number {
  const { m, from, to, replacing, chosen, replacedOnShift } = asked;
  for (const p of m.patients) {
    const primary = engine.problem.patients[p]!.primaryStaff;
    if (primary >= 0 && primary !== exclude && eligibleFor(engine, seat, primary) && mayBeFree(engine, primary, from, to, replacedOnShift) && staffFreeAt(engine, primary, m, from, to, replacing, chosen, false)) {
      return primary;
    }
  }
  return -1;
}

/**
 * The least loaded (counting the hours kept for their own primary patients) of the first few
 * free candidates for `seat`, walking the eligible members in order from `offset` (a random one
 * of them when `shuffle`); -1 when none is free. Only those on shift and not booked then are
 * asked (`candidateWord`), a word of the bitmaps at a time: the others would have said no. One
 * pass, no allocation.
 */
function leastLoadedFree(engine: Engine, seat: Seat, asked: Asked, shuffle: boolean, exclude: number): number {
  const { m, from, to, replacing, chosen, replacedStaff, replacedOnShift, minutes } = asked;
  const staff = engine.problem.staff;
  const weekMinutes = engine.state.staffMinutes;
  const eligible = seat.eligibleStaff;
  const n = eligible.length;
  const offset = n === 0 ? 0 : shuffle ? engine.random.int(n) : (m.day * 288 + m.start / 5 + m.service * 31 + (m.patients[0] ?? 0) * 17) % n;
  let pick = -1;
  let pickLoad = Infinity;
  let seen = 0;
  const free = engine.state.freeStaff();
  const allowed = eligibleBits(engine, seat);
  const words = allowed.length;
  // `eligibleStaff` ascends: from the member at `offset` to the last, then round from the first.
  const startAt = n === 0 ? 0 : eligible[offset]!;
  const startWord = startAt >>> 5;
  const below = (1 << (startAt & 31)) - 1;
  for (let step = 0; step <= words && seen < CANDIDATES_WEIGHED; step++) {
    const w = (startWord + step) % words;
    if (allowed[w] === 0) continue;
    let bits = allowed[w]! & candidateWord(free, from, to, w, replacedOnShift);
    if (step === 0) bits &= ~below;
    else if (step === words) bits &= below;
    for (; bits !== 0 && seen < CANDIDATES_WEIGHED; bits &= bits - 1) {
      const s = w * 32 + 31 - Math.clz32(bits & -bits);
      if (s === exclude) continue;
      // A week already full (the common answer late in construction), asked without a call;
      // a member of the replaced meeting gets its minutes back, so `staffFreeAt` asks.
      if (weekMinutes[s]! + minutes > staff[s]!.maxWeeklyMinutes && !replacedStaff.includes(s)) continue;
      if (!staffFreeAt(engine, s, m, from, to, replacing, chosen, true)) continue;
      seen += 1;
      if (shuffle) {
        // Reservoir sampling: a uniform pick among the free candidates seen.
        if (engine.random.int(seen) === 0) pick = s;
        continue;
      }
      const load = staffLoad(engine, s);
      if (load < pickLoad) {
        pick = s;
        pickLoad = load;
      }
    }
  }
  return pick;
}
