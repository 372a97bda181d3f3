/** The move `relieve-and-serve` of the neighbourhood (./index.ts holds its weight and why). */
import type { PlacedMeeting } from '../../rules/types.js';
import { individualNeeds, placeIndividual } from '../construct/individuals.js';
import { relieveSeat } from '../chains/relieve.js';
import type { Engine } from '../kernel/engine.js';
import { need, shortPatient } from '../kernel/needs.js';
import { windowStarts } from '../kernel/slots.js';
import { slotFrom, slotTo } from '../kernel/state.js';
import type { Move } from './move.js';
import { openGroupOn, probe } from './new-group.js';
import { mayLeave, openAt } from './open-section-by-chain.js';

/** Members of staff relieved per call (each a few hand-overs and a placement). */
const STAFF_TRIED = 2;
/** Group seats a member of staff hands over per try before the placement is given up. */
const SEATS_HANDED = 2;
/** Hours of the short patient's track tried per call for a group led by a relieved clinician. */
const TIMES_TRIED = 3;
/** Clinicians idle but out of weekly hours relieved per hour tried. */
const LEADERS_TRIED = 2;

/**
 * A short patient lacks a session (individual, or a group of their track) that only clinicians
 * may hold, and those clinicians have spent their weekly hours (or are taken at the patient's
 * hours) on groups a counsellor could lead: one of them hands a group seat or two to a free
 * colleague who may hold fewer individual sessions (../chains/relieve.ts), and in the same move
 * the session is placed (an individual session, or a new group for the patient).
 *
 * Why: construction relieves the clinicians, but the search's neutral staff changes pull the
 * groups back to them (1,000 patients, tightness 1.0: day counsellors 91% used after
 * construction, 51% after 20,000 iterations), and the freed hours are then nowhere. A hand-over
 * alone gains nothing, so the search keeps it only by luck; the gain comes with the session.
 *
 * @example
 * ```ts
 * const mark = engine.state.mark();
 * if (!relieveAndServe(engine)) engine.state.rollback(mark); // as the search applies a move
 * ```
 */
export const relieveAndServe: Move = (engine) => {
  const p = shortPatient(engine);
  if (p < 0) return false;
  const { problem } = engine;
  const want = engine.prepared.patients[p]!.wantSessions;
  const needed = [
    ...individualNeeds(engine, p).map(([s]) => s),
    ...problem.services.filter((s) => s.kind === 'group' && s.trackBound && need(engine, p, want, s.index) > 0).map((s) => s.index),
  ];
  const s = engine.random.pick(needed);
  if (s === undefined) return false;
  const service = problem.services[s]!;
  const primary = problem.patients[p]!.primaryStaff;
  const holders = service.primaryOnly ? (primary >= 0 ? [primary] : []) : [...(service.seats[0]?.eligibleStaff ?? [])];
  if (service.kind === 'group' && openOnceRelieved(engine, p, s)) return true;
  const place = (): boolean => (service.kind === 'individual' ? placeIndividual(engine, p, s, true) >= 0 : openGroupOn(engine, p, -1, s));
  const state = engine.state;
  let tried = 0;
  for (const c of engine.random.shuffle(holders)) {
    if (tried >= STAFF_TRIED) break;
    const seats = groupSeats(engine, c);
    if (seats.length === 0) continue;
    tried += 1;
    const mark = state.mark();
    let handed = 0;
    for (const [index, position] of engine.random.shuffle(seats)) {
      if (handed >= SEATS_HANDED) break;
      if (!relieveSeat(engine, index, position)) continue;
      handed += 1;
      if (place()) return true;
    }
    state.rollback(mark);
  }
  return false;
};

/**
 * A new section of group service `s` for `p` at an hour of their track they may attend, led by a
 * clinician on shift and idle then but out of weekly hours, who hands a group seat elsewhere in
 * the week (on that day first) to a colleague of lower reach. On false the week is as it was.
 */
function openOnceRelieved(engine: Engine, p: number, s: number): boolean {
  const { problem, state } = engine;
  const service = problem.services[s]!;
  const track = engine.random.pick(problem.patients[p]!.tracks);
  if (track === undefined || engine.prepared.seatOfPosition[s]!.length !== 1) return false;
  const duration = service.durationMinutes;
  const times: PlacedMeeting[] = [];
  for (let day = 0; day < 7; day++) {
    for (const start of windowStarts(problem, problem.tracks[track]!, day, duration, s)) {
      const base = probe(s, track, day, start, duration, service.telehealth === 'only');
      if (mayLeave(engine, base, p) !== null) times.push(base);
    }
  }
  for (const base of engine.random.shuffle(times).slice(0, TIMES_TRIED)) {
    const free = state.freeStaff().over(slotFrom(base), slotTo(base));
    const idle = service.seats[0]!.eligibleStaff.filter(
      (c) => (free[c >>> 5]! & (1 << (c & 31))) !== 0 && state.staffMinutes[c]! + duration > problem.staff[c]!.maxWeeklyMinutes,
    );
    for (const c of engine.random.shuffle(idle).slice(0, LEADERS_TRIED)) {
      const seats = engine.random.shuffle(groupSeats(engine, c));
      seats.sort((a, b) => Number(state.meetings[b[0]]!.day === base.day) - Number(state.meetings[a[0]]!.day === base.day));
      const mark = state.mark();
      if (seats.some(([index, position]) => relieveSeat(engine, index, position)) && openAt(engine, base, p)) return true;
      state.rollback(mark);
    }
  }
  return false;
}

/** The group seats `c` holds, as [meeting, position]: unpinned. */
function groupSeats(engine: Engine, c: number): Array<[number, number]> {
  const { state, problem } = engine;
  const seats: Array<[number, number]> = [];
  for (const index of state.staffMeetings[c]!) {
    const m = state.meetings[index]!;
    if (m.pinned || problem.services[m.service]!.kind !== 'group') continue;
    const position = m.staff.indexOf(c);
    if (position >= 0) seats.push([index, position]);
  }
  return seats;
}
