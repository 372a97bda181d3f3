/** The move `switch-and-fill` of the neighbourhood (./index.ts holds its weight and why). */
import { otherGroupServices } from '../chains/service-switch.js';
import type { PlacedMeeting } from '../../rules/types.js';
import { equip, tryReplace, type Engine } from '../kernel/engine.js';
import { overlaps } from '../kernel/feasible.js';
import { enter, membersOf, need, patientFits, trackMeetings } from '../kernel/needs.js';
import { groupNeeder } from './choose.js';
import { sectionSeats } from '../kernel/availability.js';
import { sessionsOf } from '../kernel/tally.js';
import type { Move } from './move.js';
import { meetingWith } from '../../compiled/meetings.js';

/** Groups of the track tried as the one to switch. */
const TRIES = 3;

/**
 * A group of the short patient's track becomes a service they still need and is filled at once:
 * the patients who still need that service and are free at its hour take the seats of members who
 * have it to spare. When no one who may lead the new service is free at that hour, a clinician's
 * individual session then is lifted to free them (its patient may take a seat of the group).
 *
 * Each step alone loses, so no sequence of the other moves gets there: in an over-full day track
 * whose licensed clinicians spend an hour on an individual session beside a counsellor's process
 * group, turning that group into skills costs the session (a patient's required individual, their
 * minutes and maybe a day), and gains only once four patients short of skills sit in it in place
 * of members with a third skills group (the 120-patient reference, HiGHS's optimum against the
 * library's best: one process group fewer, one individual session fewer, 240 minutes of
 * curriculum gained for 180 lost).
 */
export const switchAndFill: Move = (engine) => {
  const p = groupNeeder(engine);
  if (p < 0) return false;
  const { problem, state, random } = engine;
  const want = engine.prepared.patients[p]!.wantSessions;
  const track = random.pick(problem.patients[p]!.tracks);
  if (track === undefined) return false;
  const groups = trackMeetings(engine, track).filter((i) => {
    const m = state.meetings[i]!;
    return !m.pinned && m.staff.length === 1 && (m.patients.includes(p) || patientFits(engine, m, p, -1));
  });
  for (const index of random.shuffle(groups).slice(0, TRIES)) {
    const m = state.meetings[index]!;
    const options = otherGroupServices(engine, m).filter((s) => need(engine, p, want, s.index) > 0 && engine.prepared.seatOfPosition[s.index]!.length === 1);
    const service = random.pick(options);
    if (service === undefined) continue;
    const next = meetingWith(m, { service: service.index, patients: roster(engine, index, track, service.index) });
    if (next.patients.length < service.minSize) continue;
    const mark = state.mark();
    if (placeSwitched(engine, index, next)) {
      seatLifted(engine, index, mark);
      return true;
    }
    state.rollback(mark);
  }
  return false;
};

/**
 * The roster group `index` gets as `service`: the track's patients who need the service and are
 * free then first (those who come no other time that day before those who do), then its members who need it, then the members who lose nothing they ask for
 * by leaving (they have the service to spare), up to the service's section size. Members already
 * at their maximum of the service leave (the switch would take them past it).
 */
function roster(engine: Engine, index: number, track: number, service: number): number[] {
  const { state, prepared } = engine;
  const m = state.meetings[index]!;
  const needing = (q: number): boolean => need(engine, q, prepared.patients[q]!.wantSessions, service) > 0;
  const free = engine.random.shuffle(membersOf(engine, track).filter((q) => !m.patients.includes(q) && needing(q) && patientFits(engine, m, q, -1)));
  // Those who come no other time that day first: they gain the day too.
  const joiners = [...free.filter((q) => !sameDay(engine, q, index)), ...free.filter((q) => sameDay(engine, q, index))];
  const stay = m.patients.filter((q) => sessionsOf(engine, q, service) < prepared.patients[q]!.maxSessions[service]!);
  // Those who would lose a day by leaving stay before those who come that day anyway.
  const spare = engine.random.shuffle(stay.filter((q) => !needing(q)));
  const members = [...stay.filter(needing), ...spare.filter((q) => !sameDay(engine, q, index)), ...spare.filter((q) => sameDay(engine, q, index))];
  return [...joiners, ...members].slice(0, sectionSeats(engine, service, m.room));
}

/**
 * Group `index` becomes `next` (another service, another roster): with its leader, another who
 * may lead the service and is free, or a clinician who may and gives an individual session at
 * its hour, that session lifted.
 */
function placeSwitched(engine: Engine, index: number, next: PlacedMeeting): boolean {
  const { state } = engine;
  if (tryReplace(engine, index, next)) return true;
  const equipped = equip(engine, next, index, true, false);
  if (equipped !== null && tryReplace(engine, index, equipped)) return true;
  const service = engine.problem.services[next.service]!;
  const eligible = service.seats[engine.prepared.seatOfPosition[next.service]![0]!]!.eligibleStaff;
  for (const s of engine.random.shuffle([...eligible])) {
    const busy = state.staffMeetings[s]!.filter((i) => overlaps(state.meetings[i]!, next.day, next.start, next.end));
    if (busy.length !== 1) continue;
    const session = state.meetings[busy[0]!]!;
    if (session.pinned || engine.problem.services[session.service]!.kind !== 'individual') continue;
    const mark = state.mark();
    state.remove(busy[0]!);
    if (tryReplace(engine, index, meetingWith(next, { staff: [s] }))) return true;
    state.rollback(mark);
  }
  return false;
}

/**
 * A patient whose individual session was lifted since `mark` takes a seat of group `index`: a
 * free one, or, when they come no other time that day, the seat of a member who has the group's
 * service to spare and comes another time that day (an hour lost against an hour and a day).
 */
function seatLifted(engine: Engine, index: number, mark: number): void {
  const { state } = engine;
  const changed: number[] = [];
  state.forEachPatientChangedSince(mark, (q) => changed.push(q));
  for (const q of changed) {
    const now = state.meetings[index]!;
    if (now.patients.includes(q) || state.patientMeetings[q]!.some((i) => overlaps(state.meetings[i]!, now.day, now.start, now.end))) continue;
    if (!patientFits(engine, now, q, -1)) continue;
    if (now.patients.length < sectionSeats(engine, now.service, now.room)) {
      enter(engine, index, q);
      continue;
    }
    if (sameDay(engine, q, index)) continue;
    // Sessions counted with this group: more than asked means it is one to spare.
    const out = now.patients.find((r) => sameDay(engine, r, index) && sessionsOf(engine, r, now.service) > engine.prepared.patients[r]!.wantSessions[now.service]!);
    if (out === undefined) continue;
    const swap = state.mark();
    if (!tryReplace(engine, index, meetingWith(now, { patients: [...now.patients.filter((r) => r !== out), q] }))) state.rollback(swap);
  }
}

/** Whether patient `q` has a meeting other than `index` on its day. */
function sameDay(engine: Engine, q: number, index: number): boolean {
  const { state } = engine;
  const day = state.meetings[index]!.day;
  return state.patientMeetings[q]!.some((i) => i !== index && state.meetings[i]!.day === day);
}
