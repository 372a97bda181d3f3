/**
 * The solver's working set: the state, its lookup tables, the random generator and the conflict
 * statistics, with the primitives every construction step and move is made of: find staff and a
 * room for a meeting, and apply a change only if it keeps every hard rule.
 */
import { onAgenda } from '../../rules/template-agenda.js';
import type { PlacedMeeting } from '../../rules/types.js';
import type { Budget } from '../../time/budget.js';
import type { SlotSet } from '../../time/slot-set.js';
import { SLOTS_PER_WEEK } from '../../time/week.js';
import { meetingMinutes, type CompiledProblem } from '../../compiled/compile.js';
import { meetingWith } from '../../compiled/meetings.js';
import { ConflictStats } from './conflicts.js';
import { FreeTimes } from './free-times.js';
import { meetingBlocker, staffWorkBlocker, type Blocker } from './feasible.js';
import type { Prepared } from '../../compiled/prepared.js';
import type { Random } from './random.js';
import type { ShortList } from './short-list.js';
import { slotFrom, slotTo } from './meeting-slots.js';
import type { SolverState } from './state.js';

export interface Engine {
  problem: CompiledProblem;
  state: SolverState;
  prepared: Prepared;
  random: Random;
  conflicts: ConflictStats;
  /** Moves the catalogue rejected although the dedicated checks passed (should stay 0). */
  safetyRejections: number;
  /** The call's time budget and abort signal: construction and search stop once it is spent. */
  budget: Budget;
  /** Patients short of a requirement, kept by the search while it runs (`kept`). */
  shortList: ShortList;
  /**
   * Re-planning: per day of the week, the first wall-clock minute a meeting may start at (what
   * started before it has happened; 1441: the whole day has). Absent: every time is open.
   */
  opensAt?: readonly number[];
  /**
   * A warm start on a changed copy of a week (explain's verifying re-solves): construction's
   * polish re-seats only the group times that overlap these slots. Absent: every group time.
   */
  polishOnly?: SlotSet;
  /**
   * Construction is running (`construct` sets it): `settleHard` then scores by the hard rules
   * alone and defers the others (see `SolverState.hardScore`); while the state trusts the fast
   * checks (`SolverState.trustFastChecks`, construct.ts) the hard rules wait too, and the
   * catalogue is asked once at the end. Outside it (the search's moves place individual
   * sessions through the same functions) it settles every rule, as `settle`.
   */
  deferScoring?: boolean;
}

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
function staffFreeAt(engine: Engine, s: number, m: PlacedMeeting, from: number, to: number, replacing: number, taken: readonly number[], onShiftKnown: boolean): boolean {
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
function roomFreeAt(engine: Engine, r: number, m: PlacedMeeting, from: number, to: number, replacing: number): boolean {
  const { state } = engine;
  const room = engine.problem.rooms[r]!;
  if (room.capacity < m.patients.length) return false;
  if (!room.available.containsRange(from, to)) return false;
  const replaced = replacing >= 0 ? state.meetings[replacing] : undefined;
  return vacant(state.roomBusy, r, from, to, replaced, replaced !== undefined && replaced.room === r);
}

/** Minutes a staff member leads this week plus those kept for their primary patients (for balanced choices). */
function staffLoad(engine: Engine, s: number): number {
  return engine.prepared.reservedMinutes[s]! + engine.state.staffMinutes[s]!;
}

/**
 * Free candidates a seat's choice weighs: enough to balance loads, few enough that a network of
 * hundreds of clinicians is not scanned for every start construction tries.
 */
const CANDIDATES_WEIGHED = 16;

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

/**
 * Staff for every seat of `m` (keeping current staff who are still free when `keepStaff`),
 * primary therapist first, then the least loaded of the first free candidates from a starting
 * point that varies with the meeting (or a random one of them when `shuffle`); `null` when a
 * seat cannot be filled.
 */
export function chooseStaff(engine: Engine, m: PlacedMeeting, replacing: number, keepStaff: boolean, shuffle: boolean, exclude = -1): number[] | null {
  const service = engine.problem.services[m.service]!;
  const positions = engine.prepared.seatOfPosition[m.service]!;
  const chosen: number[] = [];
  const from = slotFrom(m);
  const to = slotTo(m);
  const staff = engine.problem.staff;
  const weekMinutes = engine.state.staffMinutes;
  const minutes = meetingMinutes(engine.problem, m);
  const replacedStaff = replacing >= 0 ? (engine.state.meetings[replacing]?.staff ?? NO_STAFF) : NO_STAFF;
  const replacedOnShift = replacedStaff.length === 0 ? NO_STAFF : replacedStaff.filter((s) => s >= 0 && staff[s]!.available.containsRange(from, to));
  for (let i = 0; i < positions.length; i++) {
    const seat = service.seats[positions[i]!]!;
    const current = keepStaff ? m.staff[i] : undefined;
    if (current !== undefined && current >= 0 && eligibleFor(engine, seat, current) && staffFreeAt(engine, current, m, from, to, replacing, chosen, false)) {
      chosen.push(current);
      continue;
    }
    // The primary therapist of the patient (or of a group member: they know the patients);
    // primary-only services look no further.
    let pick = -1;
    if (!shuffle || service.primaryOnly) {
      for (const p of m.patients) {
        const primary = engine.problem.patients[p]!.primaryStaff;
        if (primary >= 0 && primary !== exclude && eligibleFor(engine, seat, primary) && mayBeFree(engine, primary, from, to, replacedOnShift) && staffFreeAt(engine, primary, m, from, to, replacing, chosen, false)) {
          pick = primary;
          break;
        }
      }
    }
    if (pick < 0 && !service.primaryOnly) {
      // Else the least loaded (counting the hours kept for their own primary patients) of the
      // first few free candidates, walking the eligible members in order from `offset`. Only
      // those on shift and not booked then are asked (`candidateWord`), a word of the bitmaps
      // at a time: the others would have said no. One pass, no allocation.
      const eligible = seat.eligibleStaff;
      const n = eligible.length;
      const offset = n === 0 ? 0 : shuffle ? engine.random.int(n) : (m.day * 288 + m.start / 5 + m.service * 31 + (m.patients[0] ?? 0) * 17) % n;
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
    }
    if (pick < 0) {
      engine.conflicts.blockEntity('staff-double-booked', entityNames(engine.problem).services[m.service]!);
      return null;
    }
    chosen.push(pick);
  }
  return chosen;
}

const entityNameCache = new WeakMap<object, { services: string[]; rooms: string[] }>();

/**
 * The conflict statistics' names of each service and room (`service:<id>`, `room:<id>`), built
 * once per compiled problem: a name built afresh for every refused placement was hashed afresh
 * by the statistics' maps, a measurable share of the search's refused staff and room choices.
 */
function entityNames(problem: Engine['problem']): { services: string[]; rooms: string[] } {
  let names = entityNameCache.get(problem);
  if (!names) {
    names = { services: problem.services.map((s) => `service:${s.id}`), rooms: problem.rooms.map((r) => `room:${r.id}`) };
    entityNameCache.set(problem, names);
  }
  return names;
}

const roomUseCache = new WeakMap<object, Int32Array>();

/** How many services each room is eligible for (cached per compiled problem). */
function roomUses(problem: Engine['problem']): Int32Array {
  let uses = roomUseCache.get(problem);
  if (!uses) {
    uses = new Int32Array(problem.rooms.length);
    for (const service of problem.services) for (const r of service.eligibleRooms) uses[r]! += 1;
    roomUseCache.set(problem, uses);
  }
  return uses;
}

export function chooseRoom(engine: Engine, m: PlacedMeeting, replacing: number, shuffle: boolean): { room: number; telehealth: boolean } | null {
  const service = engine.problem.services[m.service]!;
  if (service.telehealth === 'only') return { room: -1, telehealth: true };
  let room = -1;
  const from = slotFrom(m);
  const to = slotTo(m);
  // Rooms available and empty then (and the replaced meeting's own): the others are not asked.
  const free = engine.state.freeRooms().over(from, to);
  const own = replacing >= 0 ? (engine.state.meetings[replacing]?.room ?? -1) : -1;
  // Indexed loops, no closure: asked for every start construction tries for a session.
  if (shuffle) {
    // A uniform pick among the first few free rooms from a random start.
    const eligible = service.eligibleRooms;
    const offset = engine.random.int(Math.max(1, eligible.length));
    let seen = 0;
    for (let k = 0; k < eligible.length && seen < CANDIDATES_WEIGHED; k++) {
      const r = eligible[(offset + k) % eligible.length]!;
      if (!(r === own || FreeTimes.has(free, r)) || !roomFreeAt(engine, r, m, from, to, replacing)) continue;
      seen += 1;
      if (engine.random.int(seen) === 0) room = r;
    }
  } else {
    // The room fewest other services can use, then the smallest: a family room that doubles as
    // an office is kept for the family session only it can host. The first free in that order.
    const preferred = roomsInPreference(engine.problem, m.service);
    for (let k = 0; k < preferred.length; k++) {
      const r = preferred[k]!;
      if ((r === own || FreeTimes.has(free, r)) && roomFreeAt(engine, r, m, from, to, replacing)) {
        room = r;
        break;
      }
    }
  }
  if (room >= 0) return { room, telehealth: false };
  // The rooms that were full (the first few: enough to name the bottleneck).
  const rooms = entityNames(engine.problem).rooms;
  for (let k = 0; k < Math.min(4, service.eligibleRooms.length); k++) engine.conflicts.blockEntity('room-double-booked', rooms[service.eligibleRooms[k]!]!);
  if (service.telehealth === 'allowed' && m.patients.every((p) => engine.problem.patients[p]!.telehealth)) return { room: -1, telehealth: true };
  return null;
}

const roomOrderCache = new WeakMap<object, number[][]>();

/** Each service's eligible rooms, fewest uses first, then smallest, then in problem order (cached). */
function roomsInPreference(problem: Engine['problem'], service: number): readonly number[] {
  let orders = roomOrderCache.get(problem);
  if (!orders) {
    const uses = roomUses(problem);
    const rooms = problem.rooms;
    orders = problem.services.map((s) => [...s.eligibleRooms].sort((a, b) => uses[a]! - uses[b]! || rooms[a]!.capacity - rooms[b]!.capacity || a - b));
    roomOrderCache.set(problem, orders);
  }
  return orders[service]!;
}

/** `m` with staff and a room (or telehealth) chosen, or `null`. */
export function equip(engine: Engine, m: PlacedMeeting, replacing: number, keep: boolean, shuffle: boolean): PlacedMeeting | null {
  // Off its track's template no staff or room can save it: refuse before searching for them.
  if (!onAgenda(engine.problem, m)) return null;
  let place: { room: number; telehealth: boolean } | null = null;
  const service = engine.problem.services[m.service]!;
  if (keep && (m.telehealth ? service.telehealth !== 'never' : m.room >= 0 && roomFree(engine, m.room, m, replacing) && service.eligibleRooms.includes(m.room))) {
    place = { room: m.room, telehealth: m.telehealth };
    if (m.telehealth && !m.patients.every((p) => engine.problem.patients[p]!.telehealth)) place = null;
  }
  const staff = chooseStaff(engine, m, replacing, keep, shuffle);
  if (!staff) return null;
  place ??= chooseRoom(engine, m, replacing, shuffle);
  if (!place) return null;
  return meetingWith(m, { room: place.room, telehealth: place.telehealth, staff });
}

/** Checks `m` against every hard rule (group minimum only when `checkMinSize`). */
export function blocker(engine: Engine, m: PlacedMeeting, replacing: number, checkMinSize: boolean): Blocker | null {
  // The past is a record: nothing is placed or changed before the re-planning's cutoff.
  if (engine.opensAt !== undefined && m.start < (engine.opensAt[m.day] ?? 1441)) return 'replan-past';
  return meetingBlocker(engine.state, engine.prepared, m, replacing, checkMinSize);
}

/** Adds `m` when it keeps every hard rule; returns its index or -1. */
export function tryAdd(engine: Engine, m: PlacedMeeting, checkMinSize = true): number {
  if (blocker(engine, m, -1, checkMinSize) !== null) return -1;
  return engine.state.add(m);
}

/** Replaces meeting `index` by `m` when it keeps every hard rule. */
export function tryReplace(engine: Engine, index: number, m: PlacedMeeting, checkMinSize = true): boolean {
  if (blocker(engine, m, index, checkMinSize) !== null) return false;
  engine.state.replace(index, m);
  return true;
}

/** Removes patient `p` from meeting `index`; an individual session (or a group left empty) is deleted. */
export function removePatient(engine: Engine, index: number, p: number): void {
  const m = engine.state.meetings[index]!;
  const patients = m.patients.filter((q) => q !== p);
  if (patients.length === 0) engine.state.remove(index);
  else engine.state.replace(index, meetingWith(m, { patients }));
}

/** Whether a patient may leave meeting `index` without leaving a group under its minimum. */
export function canLeave(engine: Engine, index: number): boolean {
  const m = engine.state.meetings[index]!;
  if (m.pinned) return false;
  const service = engine.problem.services[m.service]!;
  // The last patient may leave too: the meeting is then closed, which no hard rule forbids.
  return service.kind === 'individual' || m.patients.length - 1 >= service.minSize || m.patients.length === 1;
}

/** Whether every meeting touched since `mark` that still exists meets its group minimum. */
export function groupsHeld(engine: Engine, indexes: readonly number[]): boolean {
  for (const index of indexes) {
    const m = engine.state.meetings[index];
    if (!m) continue;
    const service = engine.problem.services[m.service]!;
    if (service.kind === 'group' && m.patients.length < service.minSize) return false;
  }
  return true;
}

/**
 * Re-scores and keeps the changes since `mark` only when the catalogue's hard total did not rise
 * (the safety net under the dedicated checks). Returns whether they were kept.
 */
export function settle(engine: Engine, mark: number, hardBefore: number): boolean {
  engine.state.rescore();
  if (engine.state.score().hard > hardBefore) {
    engine.safetyRejections += 1;
    engine.state.rollback(mark);
    return false;
  }
  return true;
}

/**
 * {@link settle} on the hard rules alone while construction runs (`engine.deferScoring`, see
 * `SolverState.hardScore`), with `hardBefore` read by `state.hardScore()` after `mark`. The
 * requirement and soft rules are evaluated when the score is next read.
 *
 * @example
 * ```ts
 * const mark = engine.state.mark();
 * const hard = engine.state.hardScore();
 * if (tryAdd(engine, meeting) >= 0 && settleHard(engine, mark, hard)) placed += 1;
 * ```
 */
export function settleHard(engine: Engine, mark: number, hardBefore: number): boolean {
  if (engine.deferScoring !== true) return settle(engine, mark, hardBefore);
  if (engine.state.hardScore() > hardBefore) {
    engine.safetyRejections += 1;
    engine.state.rollback(mark);
    return false;
  }
  return true;
}
