/** The move `relieve-and-serve` of the neighbourhood (./index.ts holds its weight and why). */
import { individualNeeds, placeIndividual } from '../construct/individuals.js';
import { relieveSeat } from '../chains/relieve.js';
import type { Engine } from '../kernel/engine.js';
import { need, shortPatient } from '../kernel/needs.js';
import type { Move } from './move.js';
import { openGroupOn } from './new-group.js';

/** Members of staff relieved per call (each a few hand-overs and a placement). */
const STAFF_TRIED = 2;
/** Group seats a member of staff hands over per try before the placement is given up. */
const SEATS_HANDED = 2;

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
