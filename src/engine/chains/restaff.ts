/**
 * Staff chains: a session no clinician is free for gets one by handing seats down a chain, as an
 * augmenting path does in bipartite matching. The clinician who could lead it is busy then, or
 * has no hours left that day or week; they give up one seat they hold (the one in the way), a
 * colleague free for that seat takes it, or gives up one of their own in turn, and so on until
 * someone is simply free.
 *
 * Why: in an over-full week every group seat is taken and what is left to gain is staff time in
 * the right place (a counsellor who may lead only process groups covering a group so that a
 * therapist is free to see a patient). The single hand-overs the search tries one at a time each
 * gain nothing alone, so a chain of three is found only by luck; a breadth-first search over the
 * seats finds the shortest one directly.
 */
import type { PlacedMeeting } from '../../rules/types.js';
import { SLOT_MINUTES, SLOTS_PER_DAY, SLOTS_PER_WEEK } from '../../time/week.js';
import { canLeave, chooseRoom, chooseStaff, removePatient, settle, staffDayMinutesWith, staffFree, staffWeekMinutesWith, tryAdd, tryReplace, type Engine } from '../kernel/engine.js';
import { overlaps } from '../kernel/feasible.js';
import { placeIndividual, sessionTimes } from '../construct/individuals.js';
import { retimedOutOfTheWay } from './retime.js';
import { slotFrom, slotTo } from '../kernel/meeting-slots.js';
import { meetingWith } from '../../compiled/meetings.js';

/** Seats a chain may pass through: beyond a few hand-overs the timetable changes too much for one move. */
const MAX_LINKS = 5;
/** Seats examined per search, so one call stays cheap in a network with hundreds of clinicians. */
const MAX_EXPANSIONS = 120;

/** One step of the search: seat `position` of meeting `index` (-1: the new session) needs another member of staff. */
export interface Link {
  index: number;
  position: number;
  /** The link whose seat this seat's holder moves to; -1 at the root. */
  parent: number;
  depth: number;
}

/**
 * The seats staff member `s` would have to give up to take `m` (replacing meeting `replacing`),
 * or `null` when no single seat would do: none when `s` is free already. One seat only: the one
 * overlapping `m`, or, when only the daily or weekly hours are in the way, any one seat on that
 * day (or in the week) long enough to make room.
 */
function seatsInTheWay(engine: Engine, s: number, m: PlacedMeeting, replacing: number): number[] | null {
  const { state } = engine;
  const member = engine.problem.staff[s]!;
  const from = slotFrom(m);
  const to = slotTo(m);
  if (!member.available.containsRange(from, to)) return null;
  const overlapping: number[] = [];
  // A meeting overlapping `m` holds one of its slots: with none held, no walk through the week.
  const base = s * SLOTS_PER_WEEK;
  let held = false;
  for (let slot = from; slot < to && !held; slot++) held = state.staffBusy[base + slot]! > 0;
  if (held) {
    for (const index of state.staffMeetings[s]!) {
      if (index !== replacing && overlaps(state.meetings[index]!, m.day, m.start, m.end)) overlapping.push(index);
    }
  }
  if (overlapping.length > 1) return null;
  const dayOver = staffDayMinutesWith(engine, s, m, replacing) - member.maxDailyMinutes;
  const weekOver = staffWeekMinutesWith(engine, s, m, replacing) - member.maxWeeklyMinutes;
  if (overlapping.length === 1) {
    const other = state.meetings[overlapping[0]!]!;
    const freed = other.end - other.start;
    return (dayOver <= 0 || freed >= dayOver) && (weekOver <= 0 || freed >= weekOver) ? overlapping : null;
  }
  if (dayOver <= 0 && weekOver <= 0) return [];
  const seats: number[] = [];
  for (const index of state.staffMeetings[s]!) {
    if (index === replacing) continue;
    const other = state.meetings[index]!;
    const freed = other.end - other.start;
    if (dayOver > 0 && (other.day !== m.day || freed < dayOver)) continue;
    if (weekOver > 0 && freed < weekOver) continue;
    seats.push(index);
  }
  return seats;
}

/** Members of staff who may fill seat `position` of `m`: eligible for the seat and not already in the meeting. */
function candidatesFor(engine: Engine, m: PlacedMeeting, position: number): readonly number[] {
  const service = engine.problem.services[m.service]!;
  const seat = service.seats[engine.prepared.seatOfPosition[m.service]![position]!]!;
  if (service.primaryOnly) {
    const primary = engine.problem.patients[m.patients[0]!]?.primaryStaff ?? -1;
    return seat.eligibleStaff.includes(primary) ? [primary] : [];
  }
  return seat.eligibleStaff;
}

/** A chain found and not yet applied: its seats, the last one (`end`) and who is free to take it. */
export interface StaffChain {
  links: readonly Link[];
  end: number;
  free: number;
  /** An individual session of `free`'s that moves out of the way first (./retime.ts). */
  retime?: { index: number; to: PlacedMeeting };
}

/**
 * The shortest chain of hand-overs that frees someone for seat `position` of `m` (a meeting not
 * in the timetable), or only `who` when given; `null` when none is found within the bounds.
 * Reads the timetable and changes nothing. `shuffle` draws the order clinicians are tried in.
 * `retime`: a clinician whose only obstacle is one individual session at that hour may also end
 * the chain by moving the session to another free hour of their day (./retime.ts).
 *
 * @example
 * ```ts
 * const chain = findStaffChain(engine, section, 0, false, counsellor);
 * if (chain && applyStaffChain(engine, chain) === counsellor) tryAdd(engine, { ...section, staff: [counsellor] });
 * ```
 */
export function findStaffChain(engine: Engine, m: PlacedMeeting, position: number, shuffle: boolean, who = -1, retime = false): StaffChain | null {
  const { state } = engine;
  const links: Link[] = [{ index: -1, position, parent: -1, depth: 0 }];
  const visited = new Set<number>();
  let expansions = 0;
  for (let head = 0; head < links.length && expansions < MAX_EXPANSIONS; head++) {
    const link = links[head]!;
    const meeting = link.index < 0 ? m : state.meetings[link.index]!;
    const taken = meeting.staff.filter((_, i) => i !== link.position);
    const leaving = link.index < 0 ? -1 : meeting.staff[link.position]!;
    let candidates = head === 0 && who >= 0 ? [who] : candidatesFor(engine, meeting, link.position);
    if (shuffle) candidates = engine.random.shuffle([...candidates]);
    // The seat's time is the meeting's whoever takes it: its slots once per link.
    const from = slotFrom(meeting);
    const to = slotTo(meeting);
    // The meeting with the seat's candidate in it: one object per link, its seat filled in for
    // each candidate in turn (the checks below read it and keep nothing of it).
    const slot = meetingWith(meeting, { staff: meeting.staff.slice() });
    for (const s of candidates) {
      if (s === leaving || taken.includes(s)) continue;
      expansions += 1;
      // Off shift then: neither free (`staffFree`) nor freed by giving up a seat (`seatsInTheWay`
      // answers null), so neither is asked. Most of a large clinic's eligible clinicians are
      // off shift at any one hour.
      if (!engine.problem.staff[s]!.available.containsRange(from, to)) continue;
      slot.staff[link.position] = s;
      if (staffFree(engine, s, slot, link.index, taken)) return { links, end: head, free: s };
      const deepest = link.depth + 1 >= MAX_LINKS;
      if (deepest && !retime) continue;
      const inTheWay = seatsInTheWay(engine, s, slot, link.index);
      if (!inTheWay) continue;
      if (retime && inTheWay.length === 1 && overlaps(state.meetings[inTheWay[0]!]!, slot.day, slot.start, slot.end)) {
        const moved = retimedOutOfTheWay(engine, s, slot, link.index, inTheWay[0]!, shuffle);
        if (moved) return { links, end: head, free: s, retime: { index: inTheWay[0]!, to: moved } };
      }
      if (deepest) continue;
      for (const index of inTheWay) {
        const other = state.meetings[index]!;
        if (visited.has(index) || other.pinned) continue;
        visited.add(index);
        links.push({ index, position: other.staff.indexOf(s), parent: head, depth: link.depth + 1 });
      }
    }
  }
  return null;
}

/**
 * Frees a member of staff for the single open seat of `m` (a session not yet in the timetable,
 * whose other seats are filled), handing seats down the shortest chain found. Applies the
 * chain's hand-overs (each one checked against every hard rule) and returns who is now free
 * for `m`, or -1 with the timetable unchanged. `shuffle` draws the order the clinicians are
 * tried in (the search); otherwise it is fixed. `retime`: see `findStaffChain`.
 *
 * @example
 * ```ts
 * const leader = freeStaffByChain(engine, session, 0, true);
 * if (leader >= 0) tryAdd(engine, { ...session, staff: [leader] });
 * ```
 */
export function freeStaffByChain(engine: Engine, m: PlacedMeeting, position: number, shuffle: boolean, retime = false): number {
  const chain = findStaffChain(engine, m, position, shuffle, -1, retime);
  return chain ? applyStaffChain(engine, chain) : -1;
}

/**
 * Applies a chain's hand-overs from its free end back to its root: each seat's holder, once
 * replaced, moves up to the seat before. Returns who is left for the root's seat, or -1 with
 * everything rolled back when a hand-over is refused, each being checked against every hard
 * rule (the chain was found on the timetable before any of them; a clinician met twice on one
 * chain, or two chains through one seat, may no longer fit).
 *
 * @example
 * ```ts
 * const chain = findStaffChain(engine, session, 0, true);
 * const leader = chain ? applyStaffChain(engine, chain) : -1;
 * ```
 */
export function applyStaffChain(engine: Engine, chain: StaffChain): number {
  const { state } = engine;
  const { links } = chain;
  const mark = state.mark();
  if (chain.retime && !tryReplace(engine, chain.retime.index, chain.retime.to)) {
    state.rollback(mark);
    return -1;
  }
  let incoming = chain.free;
  for (let at = chain.end; at > 0; at = links[at]!.parent) {
    const link = links[at]!;
    const meeting = state.meetings[link.index];
    if (!meeting) {
      state.rollback(mark);
      return -1;
    }
    const holder = meeting.staff[link.position]!;
    const next = meetingWith(meeting, { staff: meeting.staff.map((x, i) => (i === link.position ? incoming : x)) });
    if (!tryReplace(engine, link.index, next)) {
      state.rollback(mark);
      return -1;
    }
    incoming = holder;
  }
  return incoming;
}

/** Start times an individual session placed by a chain tries, at most (each runs one chain search). */
const TIMES_TRIED = 6;

/**
 * Places an individual session of service `s` for patient `p` at a time no clinician is free
 * for, with a staff chain (`freeStaffByChain`). When `leaveGroups`, the patient may leave the
 * group(s) they attend then: in an over-full track every hour the patient can come is a group
 * hour, and their seat is worth as much to the next patient short of hours. Returns whether the
 * session was placed; on false the timetable is as it was.
 *
 * @example
 * ```ts
 * placeIndividualByChain(engine, patient, service, true, true);
 * ```
 */
export function placeIndividualByChain(engine: Engine, p: number, s: number, shuffle: boolean, leaveGroups: boolean): boolean {
  const { problem, state } = engine;
  const service = problem.services[s]!;
  if (engine.prepared.seatOfPosition[s]!.length !== 1) return false;
  const times = sessionTimes(problem.patients[p]!, service);
  const duration = service.durationMinutes;
  const grid = problem.granularityMinutes;
  const candidates: Array<{ base: PlacedMeeting; leave: number[] }> = [];
  for (let day = 0; day < 7; day++) {
    if (problem.closedDays[day]) continue;
    for (let start = 0; start + duration <= 1440; start += grid) {
      const from = day * SLOTS_PER_DAY + start / SLOT_MINUTES;
      if (!times.containsRange(from, from + duration / SLOT_MINUTES)) continue;
      const leave = groupsToLeave(engine, p, day, start, start + duration);
      if (leave === null || (!leaveGroups && leave.length > 0)) continue;
      const base: PlacedMeeting = { id: '', service: s, track: -1, day, start, end: start + duration, room: -1, telehealth: service.telehealth === 'only', staff: [-1], patients: [p], pinned: false };
      candidates.push({ base, leave });
    }
  }
  if (shuffle) engine.random.shuffle(candidates);
  let tried = 0;
  for (const { base, leave } of candidates) {
    if (tried >= TIMES_TRIED) break;
    const place = chooseRoom(engine, base, -1, shuffle);
    if (!place) continue;
    tried += 1;
    const mark = state.mark();
    const hard = state.score().hard;
    for (const index of leave) removePatient(engine, index, p);
    const equipped = meetingWith(base, { room: place.room, telehealth: place.telehealth });
    const leader = chooseStaff(engine, equipped, -1, false, shuffle)?.[0] ?? freeStaffByChain(engine, equipped, 0, shuffle);
    if (leader >= 0 && tryAdd(engine, { ...equipped, staff: [leader] }) >= 0 && settle(engine, mark, hard)) return true;
    state.rollback(mark);
  }
  return false;
}

/** Other patients' sessions tried per call of `placeIndividualInPlaceOf`. */
const SESSIONS_TRIED = 6;

/**
 * Places an individual session of service `s` for patient `p` in the place of another patient's
 * session (its clinician, room and time), which moves to another time of its own; `p` leaves the
 * group they attend then. In an over-full week every clinician who may see `p` is seeing someone
 * at every hour `p` can come, while the one they see may have hours `p` has not (an evening
 * patient who can also come at 17:00). Returns whether the session was placed; on false the
 * timetable is as it was.
 *
 * @example
 * ```ts
 * placeIndividualInPlaceOf(engine, patient, service, true);
 * ```
 */
export function placeIndividualInPlaceOf(engine: Engine, p: number, s: number, shuffle: boolean): boolean {
  const { problem, state } = engine;
  const service = problem.services[s]!;
  if (engine.prepared.seatOfPosition[s]!.length !== 1) return false;
  const times = sessionTimes(problem.patients[p]!, service);
  const length = service.durationMinutes / SLOT_MINUTES;
  const candidates: number[] = [];
  for (const member of service.seats[0]!.eligibleStaff) {
    for (const index of state.staffMeetings[member]!) {
      const m = state.meetings[index]!;
      if (m.pinned || m.staff.length !== 1 || m.patients.length !== 1 || m.patients[0] === p) continue;
      if (problem.services[m.service]!.kind !== 'individual' || m.end - m.start !== service.durationMinutes) continue;
      const from = m.day * SLOTS_PER_DAY + m.start / SLOT_MINUTES;
      if (times.containsRange(from, from + length)) candidates.push(index);
    }
  }
  if (shuffle) engine.random.shuffle(candidates);
  let tried = 0;
  for (const index of candidates) {
    if (tried >= SESSIONS_TRIED) break;
    const other = state.meetings[index]!;
    const leave = groupsToLeave(engine, p, other.day, other.start, other.end);
    if (leave === null) continue;
    tried += 1;
    const mark = state.mark();
    const hard = state.score().hard;
    for (const i of leave) removePatient(engine, i, p);
    state.remove(index);
    if (tryAdd(engine, meetingWith(other, { id: '', service: s, patients: [p] })) >= 0 && moveSession(engine, other, shuffle) && settle(engine, mark, hard)) return true;
    state.rollback(mark);
  }
  return false;
}

/**
 * Places the session `evicted` held again for its patient: at a time they are free, else at a
 * group hour of theirs they leave (the seat they free is worth the same to the next patient short
 * of hours, which the search's next moves find).
 */
function moveSession(engine: Engine, evicted: PlacedMeeting, shuffle: boolean): boolean {
  const q = evicted.patients[0]!;
  return placeIndividual(engine, q, evicted.service, shuffle) >= 0 || placeIndividualByChain(engine, q, evicted.service, shuffle, true);
}

/** The meetings patient `p` attends overlapping the time, when every one is a group they may leave; else null. */
function groupsToLeave(engine: Engine, p: number, day: number, start: number, end: number): number[] | null {
  const { problem, state } = engine;
  const leave: number[] = [];
  for (const index of state.patientMeetings[p]!) {
    const other = state.meetings[index]!;
    if (!overlaps(other, day, start, end)) continue;
    if (problem.services[other.service]!.kind !== 'group' || !canLeave(engine, index)) return null;
    leave.push(index);
  }
  return leave;
}
