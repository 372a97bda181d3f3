/**
 * Local-search moves on whole groups: open one, close one into its neighbours, consolidate a
 * track's groups to save staffed hours, ruin and recreate a track's day.
 */
import type { PlacedMeeting } from '../rules/types.js';
import { canLeave, groupsHeld, equip, removePatient, tryAdd, type Engine } from './engine.js';
import { fillSlot } from './construct.js';
import { placeIndividual } from './individuals.js';
import { minutesOf, sessionsOf } from './tally.js';
import { groupSlots, windowStarts, type GroupSlot } from './slots.js';
import { overlaps } from './feasible.js';
import { patientFits, trackMeetings } from './kernel/needs.js';
import { isGroup, join, needy, randomMeeting, type Move } from './moves.js';

/** Opens a new group in a track's window with patients who are free then or can leave a larger group. */
export const openGroup: Move = (engine) => {
  const problem = engine.problem;
  const track = engine.random.pick(problem.tracks);
  if (!track) return false;
  const services = problem.services.filter((s) => s.kind === 'group' && s.trackBound);
  const service = engine.random.pick(services);
  if (!service) return false;
  const day = engine.random.int(7);
  const start = engine.random.pick(windowStarts(problem, track, day, service.durationMinutes, service.index));
  if (start === undefined) return false;
  const target = service.minSize + engine.random.int(Math.max(1, service.maxSize - service.minSize + 1));
  const base: PlacedMeeting = { id: '', service: service.index, track: track.index, day, start, end: start + service.durationMinutes, room: -1, telehealth: service.telehealth === 'only', staff: [], patients: [], pinned: false };
  const offset = engine.random.int(problem.patients.length);
  const chosen: number[] = [];
  const touched: number[] = [];
  for (let k = 0; k < problem.patients.length && chosen.length < target; k++) {
    const p = (offset + k) % problem.patients.length;
    if (!problem.patients[p]!.tracks.includes(track.index)) continue;
    // Leave an overlapping meeting when the patient is in one and may leave it.
    const clash = engine.state.patientMeetings[p]!.filter((i) => {
      const m = engine.state.meetings[i]!;
      return overlaps(m, day, start, base.end);
    });
    if (clash.length > 1 || (clash.length === 1 && !canLeave(engine, clash[0]!))) continue;
    const leaving = clash.length === 1 ? clash[0]! : -1;
    if (!patientFits(engine, base, p, leaving)) continue;
    if (chosen.some((q) => problem.patients[p]!.avoid.has(q))) continue;
    const keys = engine.prepared.homogeneity[service.index];
    if (keys && chosen.length > 0 && keys[chosen[0]!] !== keys[p]) continue;
    if (leaving >= 0) {
      touched.push(leaving);
      removePatient(engine, leaving, p);
    }
    chosen.push(p);
  }
  if (chosen.length < service.minSize) return false;
  const equipped = equip(engine, { ...base, patients: chosen }, -1, false, true);
  if (!equipped) return false;
  return tryAdd(engine, equipped) >= 0 && groupsHeld(engine, touched);
};

/** Groups of `track` outside `m`'s time, in a random rotation. */
function otherTimes(engine: Engine, m: PlacedMeeting): number[] {
  const found = trackMeetings(engine, m.track).filter((i) => {
    const o = engine.state.meetings[i]!;
    return !o.pinned && !overlaps(o, m.day, m.start, m.end);
  });
  const offset = engine.random.int(Math.max(1, found.length));
  return found.map((_, k) => found[(offset + k) % found.length]!);
}

/**
 * Closes group meeting `index`; its patients join `parallel` groups, or `elsewhere` ones when
 * short. Returns whether everyone left short found a seat.
 */
function closeInto(engine: Engine, index: number, parallel: readonly number[], elsewhere: readonly number[]): boolean {
  const m = engine.state.meetings[index]!;
  engine.state.remove(index);
  let everyone = true;
  for (const p of m.patients) {
    if (parallel.some((other) => join(engine, other, p)) || !needy(engine, p)) continue;
    if (!elsewhere.some((other) => join(engine, other, p)) && !tradeIndividualForSeat(engine, p, elsewhere)) everyone = false;
  }
  return everyone;
}

/**
 * A patient who attends every other hour of the block but one, which holds their individual
 * session, takes a seat in a group at that hour and the individual session moves (typically into
 * the hour just freed). Undone, and false, when either half fails.
 */
function tradeIndividualForSeat(engine: Engine, p: number, groups: readonly number[]): boolean {
  if (groups.length === 0) return false;
  const state = engine.state;
  for (const index of [...state.patientMeetings[p]!]) {
    const own = state.meetings[index]!;
    if (own.pinned || isGroup(engine, own)) continue;
    const atThatHour = groups.filter((g) => {
      const o = state.meetings[g];
      return o !== undefined && overlaps(o, own.day, own.start, own.end);
    });
    if (atThatHour.length === 0) continue;
    const mark = state.mark();
    state.remove(index);
    if (atThatHour.some((g) => join(engine, g, p)) && placeIndividual(engine, p, own.service, true) >= 0) return true;
    state.rollback(mark);
  }
  return false;
}

function parallelGroups(engine: Engine, m: PlacedMeeting): number[] {
  return engine.state.liveMeetings().filter((i) => {
    const o = engine.state.meetings[i]!;
    return o !== m && isGroup(engine, o) && !o.pinned && overlaps(o, m.day, m.start, m.end);
  });
}

/** Closes a group; its patients join another group at the same time when they can. */
export const closeGroup: Move = (engine) => {
  const index = randomMeeting(engine, (m) => isGroup(engine, m));
  if (index < 0) return false;
  const m = engine.state.meetings[index]!;
  closeInto(engine, index, parallelGroups(engine, m), []);
  return true;
};

/**
 * Closes a group of a track to save its staffed hour: its patients join another group at the same
 * time, and one who is then short of care takes a free seat at another time of the track (a
 * patient who skips one hour of the block can skip this one and attend the other instead, or, when
 * that hour holds their individual session, trade it: see `tradeIndividualForSeat`). Fails
 * when someone short finds no seat: leaving them out is close-group's move, and taking it here
 * too cost re-planning admissions (7-9 of 10 served against 8-10, three seeds).
 */
export const consolidateGroup: Move = (engine) => {
  const index = randomMeeting(engine, (m) => isGroup(engine, m) && m.track >= 0);
  if (index < 0) return false;
  const m = engine.state.meetings[index]!;
  const parallel = parallelGroups(engine, m);
  const elsewhere = otherTimes(engine, m);
  // In an over-full week the other groups are full: count the seats before taking anything apart
  // (on the 40-patient reference the move cost 195 us a call and never succeeded).
  if (seatsLeft(engine, parallel) + seatsLeft(engine, elsewhere) < shortWithout(engine, m)) return false;
  return closeInto(engine, index, parallel, elsewhere);
};

/** Seats left in the groups `indexes`, each in the room it holds (a move to a larger room is not counted on). */
function seatsLeft(engine: Engine, indexes: readonly number[]): number {
  let left = 0;
  for (const index of indexes) {
    const m = engine.state.meetings[index]!;
    const cap = Math.min(engine.prepared.sectionCap[m.service]!, m.room >= 0 ? engine.problem.rooms[m.room]!.capacity : Infinity);
    left += Math.max(0, cap - m.patients.length);
  }
  return left;
}

/** Members of group `m` who would be short without it: each needs a seat elsewhere for the group to close. */
function shortWithout(engine: Engine, m: PlacedMeeting): number {
  const minutes = engine.problem.services[m.service]!.countsTowardHours ? m.end - m.start : 0;
  let short = 0;
  for (const p of m.patients) {
    const limits = engine.prepared.patients[p]!;
    const want = limits.wantSessions[m.service]!;
    if (needy(engine, p) || minutesOf(engine, p) - minutes < limits.minWeeklyMinutes || (want > 0 && sessionsOf(engine, p, m.service) - 1 < want)) short += 1;
  }
  return short;
}

const slotCache = new WeakMap<object, GroupSlot[][]>();

function slotsOf(engine: Engine, track: number): GroupSlot[] {
  let perTrack = slotCache.get(engine.problem);
  if (!perTrack) {
    perTrack = engine.problem.tracks.map((t) => groupSlots(engine.problem, t));
    slotCache.set(engine.problem, perTrack);
  }
  return perTrack[track] ?? [];
}

/**
 * Ruin and recreate one track-day: its group meetings are closed and the day's slots are filled
 * again, patients in a random order and services rotated differently.
 */
export const rebuildTrackDay: Move = (engine) => {
  const problem = engine.problem;
  const track = engine.random.int(problem.tracks.length);
  const slots = slotsOf(engine, track);
  const pick = engine.random.pick(slots);
  if (!pick) return false;
  const day = pick.day;
  for (const index of engine.state.liveMeetings()) {
    const m = engine.state.meetings[index]!;
    if (m.track === track && m.day === day && !m.pinned && isGroup(engine, m)) engine.state.remove(index);
  }
  const members = problem.patients.filter((p) => p.tracks.includes(track)).map((p) => p.index);
  engine.random.shuffle(members);
  const turn = engine.random.int(8);
  for (const slot of slots) {
    if (slot.day === day) fillSlot(engine, { ...slot, ordinal: slot.ordinal + turn }, members);
  }
  return true;
};
