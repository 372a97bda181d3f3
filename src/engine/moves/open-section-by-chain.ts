/** The move `open-section-by-chain` of the neighbourhood (./index.ts holds its weight and why). */
import type { PlacedMeeting } from '../../rules/types.js';
import { chooseRoom, chooseStaff, groupsHeld, removePatient, tryAdd, type Engine } from '../kernel/engine.js';
import { overlaps } from '../kernel/feasible.js';
import { membersOf, need, patientFits, shortfall, shortPatient } from '../kernel/needs.js';
import { windowStarts } from '../kernel/slots.js';
import { sessionsOf } from '../kernel/tally.js';
import { freeStaffByChain } from '../chains/restaff.js';
import { isGroup } from './choose.js';
import { closeInto, parallelGroups } from './groups.js';
import type { Move } from './move.js';
import { probe } from './new-group.js';
import { meetingWith } from '../../compiled/meetings.js';

/** Hours of the short patient's track tried per call (each may run a staff chain). */
const TIMES_TRIED = 3;
/** Under-filled sections a call tries to close for a room (the smallest first). */
const SECTIONS_TRIED = 3;

/**
 * A new section of a group service the short patient lacks, at an hour of their track they have
 * free (or spend in a group of a service they have more of than they want), where
 * `open-group-for` finds no leader or no room: the leader is freed by a chain of hand-overs, or
 * by moving one of their individual sessions to another hour of their day (../chains/restaff.ts,
 * with retiming), the room by closing an under-filled section of the same service and track at
 * that hour whose patients all find a seat in its sisters.
 *
 * Why: a tight week (1,000 patients, tightness 1.0) ends with evening patients short of the
 * licensed groups (process, skills) at hours they have free. At those hours the clinicians who
 * could lead one are on shift but seeing patients one to one (about 70% of them where a first
 * version of this move, chains without retiming, found no leader; seed 2), leading another group
 * (25%) or out of weekly hours; each step that would free one gains nothing alone, so the search
 * keeps none of them.
 *
 * @example
 * ```ts
 * const mark = engine.state.mark();
 * if (!openSectionByChain(engine)) engine.state.rollback(mark); // as the search applies a move
 * ```
 */
export const openSectionByChain: Move = (engine) => {
  const p = shortPatient(engine);
  if (p < 0) return false;
  const { problem } = engine;
  const limits = engine.prepared.patients[p]!;
  const needed = problem.services.filter((s) => s.kind === 'group' && s.trackBound && need(engine, p, limits.wantSessions, s.index) > 0);
  const service = engine.random.pick(needed);
  const track = engine.random.pick(problem.patients[p]!.tracks);
  if (!service || track === undefined) return false;
  const times: PlacedMeeting[] = [];
  for (let day = 0; day < 7; day++) {
    for (const start of windowStarts(problem, problem.tracks[track]!, day, service.durationMinutes, service.index)) {
      const base = probe(service.index, track, day, start, service.durationMinutes, service.telehealth === 'only');
      if (mayLeave(engine, base, p) !== null) times.push(base);
    }
  }
  engine.random.shuffle(times);
  const state = engine.state;
  for (const base of times.slice(0, TIMES_TRIED)) {
    const mark = state.mark();
    if (openAt(engine, base, p)) return true;
    state.rollback(mark);
  }
  return false;
};

/** Opens a section `base` (a probe at its time) for `p` and whoever else of the track can come; false leaves changes for the caller to undo. */
function openAt(engine: Engine, base: PlacedMeeting, p: number): boolean {
  // The room first: closing a section moves its patients, which the choice of members then sees.
  const room = chooseRoom(engine, base, -1, true) ?? roomBySisterClosed(engine, base);
  if (room === null) return false;
  const leaving = mayLeave(engine, base, p);
  const chosen = leaving === null ? null : members(engine, base, p, leaving);
  if (chosen === null) return false;
  const placed = meetingWith(base, { room: room.room, telehealth: room.telehealth });
  let staff = chooseStaff(engine, placed, -1, false, true);
  if (staff === null && engine.prepared.seatOfPosition[base.service]!.length === 1) {
    const leader = freeStaffByChain(engine, { ...placed, staff: [-1] }, 0, true, true);
    if (leader >= 0) staff = [leader];
  }
  if (staff === null) return false;
  const left: number[] = [];
  for (const [q, leaving] of chosen) {
    if (leaving < 0) continue;
    removePatient(engine, leaving, q);
    left.push(leaving);
  }
  return tryAdd(engine, { ...placed, staff, patients: chosen.map(([q]) => q) }) >= 0 && groupsHeld(engine, left);
}

/**
 * Who attends the new section, with the group each leaves at that hour (-1: free then): `p`, the
 * track's patients short of the service first, then those who may take one more of it and are
 * free or attend a section of a service they have more of than they want. Null below the
 * service's minimum.
 */
function members(engine: Engine, base: PlacedMeeting, p: number, leaving: number): Array<[number, number]> | null {
  const { problem } = engine;
  const service = problem.services[base.service]!;
  const keys = engine.prepared.homogeneity[base.service];
  const chosen: Array<[number, number]> = [[p, leaving]];
  const others = membersOf(engine, base.track).filter((q) => q !== p && (!keys || keys[q] === keys[p]));
  const wanting = others.filter((q) => need(engine, q, engine.prepared.patients[q]!.wantSessions, base.service) > 0);
  const rest = others.filter((q) => !wanting.includes(q) && engine.prepared.patients[q]!.maxSessions[base.service]! > sessionsOf(engine, q, base.service));
  for (const q of [...engine.random.shuffle(wanting), ...engine.random.shuffle(rest)]) {
    if (chosen.length >= service.maxSize) break;
    if (chosen.some(([x]) => problem.patients[x]!.avoid.has(q))) continue;
    const from = mayLeave(engine, base, q);
    if (from === null) continue;
    // A group its leavers would take below its minimum keeps them (all of them leaving closes it).
    if (from >= 0) {
      const m = engine.state.meetings[from]!;
      const after = m.patients.length - chosen.filter(([, f]) => f === from).length - 1;
      if (after > 0 && after < problem.services[m.service]!.minSize) continue;
    }
    chosen.push([q, from]);
  }
  return chosen.length >= service.minSize ? chosen : null;
}

/**
 * The meeting `q` leaves to attend `base` (-1: free then), or null when they cannot come: at most
 * one meeting then, a group of a service they have more of than they want.
 */
function mayLeave(engine: Engine, base: PlacedMeeting, q: number): number | null {
  const { state } = engine;
  let leaving = -1;
  for (const i of state.patientMeetings[q]!) {
    if (!overlaps(state.meetings[i]!, base.day, base.start, base.end)) continue;
    if (leaving >= 0 || !surplus(engine, state.meetings[i]!, q)) return null;
    leaving = i;
  }
  return patientFits(engine, base, q, leaving) ? leaving : null;
}

/** Whether `q` may leave group `m`: unpinned, and of a service `q` has more sessions of than they want. */
function surplus(engine: Engine, m: PlacedMeeting, q: number): boolean {
  if (m.pinned || !isGroup(engine, m)) return false;
  const want = engine.prepared.patients[q]!.wantSessions[m.service]!;
  return sessionsOf(engine, q, m.service) > want;
}

/**
 * A room for `base` freed by closing the smallest section at that hour whose patients all find a
 * seat in a sister section (same service, same hour); null when none closes.
 */
function roomBySisterClosed(engine: Engine, base: PlacedMeeting): { room: number; telehealth: boolean } | null {
  const { state } = engine;
  const eligible = engine.problem.services[base.service]!.eligibleRooms;
  const atHour = parallelGroups(engine, base).filter((i) => {
    const room = state.meetings[i]!.room;
    return room >= 0 && eligible.includes(room);
  });
  atHour.sort((a, b) => state.meetings[a]!.patients.length - state.meetings[b]!.patients.length);
  let tried = 0;
  for (const index of atHour) {
    if (tried >= SECTIONS_TRIED) break;
    const m = state.meetings[index]!;
    const sisters = atHour.filter((i) => i !== index && state.meetings[i]!.service === m.service && state.meetings[i]!.track === m.track);
    if (sisters.length === 0) continue;
    tried += 1;
    const mark = state.mark();
    if (closeInto(engine, index, sisters, []) && m.patients.every((q) => shortfall(engine, q) === 0 || state.patientMeetings[q]!.some((i) => sisters.includes(i)))) {
      const room = chooseRoom(engine, base, -1, true);
      if (room) return room;
    }
    state.rollback(mark);
  }
  return null;
}
