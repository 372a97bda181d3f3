/**
 * Exact re-seating of one patient across the week: a very large neighbourhood around one patient.
 *
 * In a tight week a short patient's hours are most often all taken, by the wrong mix: four
 * process groups and two skills groups where the curriculum asks three of each, or an individual
 * session sitting across the two group hours that held the missing service, while a parallel
 * section of the service they lack has a free seat at an hour they spend elsewhere. Getting there
 * from here takes two to four changes of one seat each, every one of which loses on its own
 * (leave a group the patient needs for one they need less, then join the one they lack), so late
 * acceptance almost never strings them together. Here the patient leaves every group of their
 * tracks they may leave (and, when `individuals`, their individual sessions), and the groups they
 * take back are chosen exactly: a min-cost flow (./assignment.ts) over the free seats of their
 * tracks' sections, at most one section per stretch of overlapping times, each service taken up
 * to what the curriculum asks (then, while the patient is short of weekly minutes, up to its
 * maximum). The individual sessions lifted are placed again around the groups chosen. The
 * search judges the result like any other move; when the seats chosen are the ones the patient
 * had, the change is undone here (false), so nothing is scored.
 */
import type { PlacedMeeting } from '../../rules/types.js';
import { individualNeeds, placeIndividual } from '../construct/individuals.js';
import { canLeave, removePatient, type Engine } from '../kernel/engine.js';
import { enter, patientFits, trackMeetings } from '../kernel/needs.js';
import { minutesOf, sessionsOf } from '../kernel/tally.js';
import { MinCostFlow } from './assignment.js';

/** Value of a seat in a section of a service the patient still needs. */
const NEEDED = 1000;
/** Value of a seat beyond the curriculum while the patient is short of weekly minutes. */
const EXTRA = 20;
/** Bonus for a section the patient held before: the same week where it serves as well (continuity). */
const KEPT = 4;
/** Random spread of the values: among equally good seatings, a different one each draw. */
const NOISE = 3;

/** A section the patient may take a seat in, and the stretch of time it belongs to. */
interface Seat {
  index: number;
  service: number;
  stretch: number;
}

/**
 * Re-seats patient `p` in the groups of their tracks (see the module comment); when
 * `individuals`, their unpinned individual sessions are lifted too and placed again after.
 * Returns whether anything changed (the state is scored at the call, as `state.mark` leaves it).
 *
 * @example
 * ```ts
 * const p = shortPatient(engine);
 * if (p >= 0 && reseatPatient(engine, p, engine.random.next() < 0.5)) { ... } // the search scores it
 * ```
 */
export function reseatPatient(engine: Engine, p: number, individuals: boolean): boolean {
  const { state, problem } = engine;
  const tracks = problem.patients[p]!.tracks;
  if (tracks.length === 0) return false;
  const mark = state.mark();
  const held = new Set<number>();
  const lifted: number[] = [];
  for (const index of state.patientMeetings[p]!.slice()) {
    const m = state.meetings[index]!;
    if (m.pinned) continue;
    const service = problem.services[m.service]!;
    if (service.kind === 'individual') {
      if (!individuals) continue;
      lifted.push(m.service);
      state.remove(index);
      continue;
    }
    // Leaving alone would close the group: the patient keeps that seat.
    if (m.track === null || !tracks.includes(m.track) || m.patients.length <= 1 || !canLeave(engine, index)) continue;
    held.add(index);
    removePatient(engine, index, p);
  }
  const seats = openSeats(engine, p, tracks);
  const chosen = bestSeating(engine, p, seats, held);
  if (lifted.length === 0 && chosen.length === held.size && chosen.every((index) => held.has(index))) {
    // The seats the patient had are the best: nothing to score.
    state.rollback(mark);
    return false;
  }
  for (const index of chosen) enter(engine, index, p);
  for (const [s, missing] of individualNeeds(engine, p)) {
    if (!lifted.includes(s)) continue;
    for (let k = 0; k < missing; k++) if (placeIndividual(engine, p, s, true) < 0) break;
  }
  return true;
}

/** Sections of `tracks` with a free seat that `p` may attend, grouped into stretches of overlapping times. */
function openSeats(engine: Engine, p: number, tracks: readonly number[]): Seat[] {
  const { state, prepared } = engine;
  const found: Array<{ index: number; m: PlacedMeeting; from: number; to: number }> = [];
  for (const track of tracks) {
    for (const index of trackMeetings(engine, track)) {
      const m = state.meetings[index]!;
      if (m.pinned || m.patients.includes(p) || m.patients.length >= prepared.sectionCap[m.service]!) continue;
      if (!patientFits(engine, m, p, -1)) continue;
      const from = m.day * 1440 + m.start;
      found.push({ index, m, from, to: m.day * 1440 + m.end });
    }
  }
  found.sort((a, b) => a.from - b.from || a.to - b.to || a.index - b.index);
  // Sections whose times overlap (directly or through others) share one stretch: one seat in it.
  const seats: Seat[] = [];
  let stretch = -1;
  let end = -1;
  for (const { index, m, from, to } of found) {
    if (from >= end) stretch += 1;
    end = Math.max(end, to);
    seats.push({ index, service: m.service, stretch });
  }
  return seats;
}

/** The sections (meeting indexes) that seat `p` best, by a min-cost flow: stretch -> section -> service. */
function bestSeating(engine: Engine, p: number, seats: readonly Seat[], held: ReadonlySet<number>): number[] {
  if (seats.length === 0) return [];
  const limits = engine.prepared.patients[p]!;
  const services = engine.problem.services.length;
  const stretches = seats[seats.length - 1]!.stretch + 1;
  const shortOfMinutes = minutesOf(engine, p) < limits.minWeeklyMinutes;
  // Nodes: source, stretches, seats, services, sink.
  const source = 0;
  const stretchNode = (k: number): number => 1 + k;
  const seatNode = (k: number): number => 1 + stretches + k;
  const serviceNode = (s: number): number => 1 + stretches + seats.length + s;
  const sink = 1 + stretches + seats.length + services;
  const flow = new MinCostFlow(sink + 1);
  for (let k = 0; k < stretches; k++) flow.link(source, stretchNode(k), 1, 0);
  const arcs = seats.map((seat, k) => {
    const bonus = (held.has(seat.index) ? KEPT : 0) + engine.random.next() * NOISE;
    const arc = flow.link(stretchNode(seat.stretch), seatNode(k), 1, -bonus);
    flow.link(seatNode(k), serviceNode(seat.service), 1, 0);
    return arc;
  });
  const used = new Set(seats.map((seat) => seat.service));
  for (const s of used) {
    const has = sessionsOf(engine, p, s);
    const room = Math.max(0, limits.maxSessions[s]! - has);
    const needed = Math.min(room, Math.max(0, limits.wantSessions[s]! - has));
    if (needed > 0) flow.link(serviceNode(s), sink, needed, -NEEDED);
    if (shortOfMinutes && room > needed) flow.link(serviceNode(s), sink, room - needed, -EXTRA);
  }
  flow.solve(source, sink);
  const chosen: number[] = [];
  seats.forEach((seat, k) => {
    if (flow.flowOn(arcs[k]!) > 0) chosen.push(seat.index);
  });
  return chosen;
}
