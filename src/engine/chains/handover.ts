/**
 * Hand-over with a change of service: a patient's missing individual session takes the hour of a
 * clinician who leads a group then, and the group, turned into another service, goes to a
 * colleague who may lead that one (a counsellor who may lead only process groups), through a
 * staff chain when no one is simply free. A group of that other service at another time of the
 * track takes the first group's service in exchange, so that members keep their count of each.
 *
 * Why: in an over-full week the last gains are a clinician's hour moved from a group to a
 * patient. When every colleague free then may lead only another service, the plain hand-over
 * (./restaff.ts) finds no one, and the search reaches the same timetable only by a walk of
 * service exchanges and hand-overs that each gain nothing.
 */
import type { PlacedMeeting } from '../../rules/types.js';
import { SLOT_MINUTES, SLOTS_PER_DAY } from '../../time/week.js';
import { chooseRoom, chooseStaff, settle, tryAdd, type Engine } from '../kernel/engine.js';
import { overlaps } from '../kernel/feasible.js';
import { sessionTimes } from '../construct/individuals.js';
import { freeStaffByChain } from './restaff.js';
import { exchangePartners, otherGroupServices, switchTo } from './service-switch.js';
import { trackMeetings } from '../kernel/needs.js';
import { meetingWith } from '../../compiled/meetings.js';

/** Groups whose hour is tried per call. */
const GROUPS_TRIED = 3;
/** Groups of the other service, at other times, tried for the exchange. */
const PARTNERS_TRIED = 2;

/**
 * Places an individual session of service `s` for patient `p` in the hour of a group that one of
 * the service's clinicians leads while `p` is free, the group changing service and leader (see the
 * module comment). Returns whether it was placed; on false the timetable is as it was.
 *
 * @example
 * ```ts
 * placeIndividualBySwitchedHandOver(engine, patient, individualService);
 * ```
 */
export function placeIndividualBySwitchedHandOver(engine: Engine, p: number, s: number): boolean {
  const { problem, state, random } = engine;
  const service = problem.services[s]!;
  if (engine.prepared.seatOfPosition[s]!.length !== 1) return false;
  const times = sessionTimes(problem.patients[p]!, service);
  const length = service.durationMinutes;
  const groups: number[] = [];
  for (const clinician of service.seats[0]!.eligibleStaff) {
    for (const index of state.staffMeetings[clinician]!) {
      const m = state.meetings[index]!;
      if (m.pinned || m.track < 0 || m.staff.length !== 1 || problem.services[m.service]!.kind !== 'group' || m.end - m.start < length) continue;
      const from = m.day * SLOTS_PER_DAY + m.start / SLOT_MINUTES;
      if (times.containsRange(from, from + length / SLOT_MINUTES)) groups.push(index);
    }
  }
  let tried = 0;
  for (const index of random.shuffle(groups)) {
    if (tried >= GROUPS_TRIED) break;
    const group = state.meetings[index]!;
    // Only an hour the patient is free: leaving a group for the session trades one requirement
    // for another, and on the 35-patient reference that walk cost a fifth of the runs that
    // reached the optimum (48 of 100 against 61 at 10,000 iterations).
    if (state.patientMeetings[p]!.some((i) => overlaps(state.meetings[i]!, group.day, group.start, group.start + length))) continue;
    if (otherGroupServices(engine, group).length === 0) continue;
    tried += 1;
    const mark = state.mark();
    const hard = state.score().hard;
    if (takeHour(engine, index, p, s) && settle(engine, mark, hard)) return true;
    state.rollback(mark);
  }
  return false;
}

/** The hand-over for group `index`; on false the caller rolls back what it changed. */
function takeHour(engine: Engine, index: number, p: number, s: number): boolean {
  const { problem, state, random } = engine;
  const group = state.meetings[index]!;
  state.remove(index);
  const session: PlacedMeeting = { id: '', service: s, track: -1, day: group.day, start: group.start, end: group.start + problem.services[s]!.durationMinutes, room: -1, telehealth: false, staff: [group.staff[0]!], patients: [p], pinned: false };
  const place = chooseRoom(engine, session, -1, true);
  if (!place || tryAdd(engine, meetingWith(session, { room: place.room, telehealth: place.telehealth })) < 0) return false;
  for (const other of random.shuffle(otherGroupServices(engine, group))) {
    // One leader: a chain frees one seat (see `switchPartner`).
    const partners = exchangePartners(engine, trackMeetings(engine, group.track), group, other.index, -1).filter((i) => state.meetings[i]!.staff.length === 1);
    for (const partner of random.shuffle(partners).slice(0, PARTNERS_TRIED)) {
      const mark = state.mark();
      // The partner first: once it holds the group's service, the members are counted right.
      if (switchPartner(engine, partner, group.service) && addWithLeader(engine, meetingWith(group, { service: other.index, staff: [-1] }))) return true;
      state.rollback(mark);
    }
  }
  return false;
}

/**
 * Meeting `index` holds `service`, with its leader, another free one, or one a staff chain frees.
 * On false the caller rolls back what it changed.
 *
 * @example
 * ```ts
 * const mark = engine.state.mark();
 * if (!switchPartner(engine, group, skills)) engine.state.rollback(mark);
 * ```
 */
export function switchPartner(engine: Engine, index: number, service: number): boolean {
  if (switchTo(engine, index, service)) return true;
  const m = engine.state.meetings[index]!;
  engine.state.remove(index);
  return addWithLeader(engine, meetingWith(m, { service, staff: [-1] }));
}

/**
 * Adds group `m`, whose one leader seat is open, with a free leader or one a staff chain frees.
 * The chain may move an individual session out of its way (./retime.ts): on the 40-patient
 * reference the search's neutral steps keep moving the sessions of the clinician this chain ends
 * at, and one at the hour it needs closed the escape for thousands of iterations. Here only:
 * letting every chain do it cost the 35- and 30-patient references 13 of 200 runs at the optimum
 * each (10,000 iterations, seeds 1-200: 108 against 121, 142 against 155).
 */
function addWithLeader(engine: Engine, m: PlacedMeeting): boolean {
  const leader = chooseStaff(engine, m, -1, false, true)?.[0] ?? freeStaffByChain(engine, m, 0, true, true);
  return leader >= 0 && tryAdd(engine, meetingWith(m, { staff: [leader] })) >= 0;
}
