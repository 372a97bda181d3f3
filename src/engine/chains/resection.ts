/**
 * Exact re-sectioning of one time of one track: a very large neighbourhood. Every group section
 * the track holds at that time is taken apart; then, for each way of using the rooms (which
 * service each room holds, or none) and the clinicians (a leader per section, the rest free for
 * individual sessions), the best seating of the track's patients is found exactly by an
 * assignment (./assignment.ts): who sits in which section, who takes a missing individual
 * session instead, who stays out. The best of these is applied.
 *
 * Blind moves change one seat, leader or service at a time, and the changes an over-full week
 * needs come in sets that each lose on their own: turn a section into the service a clinician
 * without individual credentials can lead, so a colleague is free to see a patient who is
 * missing a session, whose seat then goes to someone short. Here such a set is one step.
 *
 * What a patient gains from a seat is read from the catalogue itself: the requirement shortfall
 * the score board gives them with and without a probe session (requirements are scored per
 * patient, so gains add up). Soft rules are left to the search, which judges the result like any
 * other move. A leader who cannot see patients one to one but is not free then (their hours that
 * day spent elsewhere) is weighed too when a staff chain would free them (./restaff.ts): the
 * chain is applied with the layout. A service that keeps its groups homogeneous (by age, say) is
 * weighed once per key among the patients, each such section seating one key. Times holding
 * pinned, telehealth or multi-staff sections are left alone; a time with many sections has a few
 * of them re-seated.
 */
import type { PlacedMeeting } from '../../rules/types.js';
import { roomFree, tryAdd, equip, type Engine } from '../kernel/engine.js';
import { individualNeeds } from '../construct/individuals.js';
import { bestLayout, meetingAt, type Kind, type Layout, type Seating, type Time } from './layouts.js';
import { applyStaffChain } from './restaff.js';
import { membersOf, patientFits, trackMeetings } from '../kernel/needs.js';
import { meetingWith } from '../../compiled/meetings.js';

/**
 * Patients of the track free at the time who are weighed besides the sections' members, and how
 * many members are looked at to find them. Sixteen rather than eight: in an over-full week of 80
 * to 120 patients most of a track is free at any one time, and the seat a re-seating frees (a
 * member who takes an individual session instead, a section that changes service) is worth as
 * much as the best of the others offered it (exact reference, 30,000 iterations, seeds 1-4, with
 * the resection-time weight 9 of ./moves/index.ts: see there). Thirty-two rather than sixteen
 * once ../moves/rebuild-window.ts re-seats whole days (bench:seeds, 30,000 iterations, seeds
 * 1-5): 120:1 1 of 5 runs at the HiGHS optimum against 0 (mean gap 0.100% -> 0.080%), held out
 * 120:3 median 60,303,420 -> 60,243,360 and 80:2 30,423,960 -> 30,363,960, the others the same.
 * The cap binds only in large tracks: the 10-40 patient references end with the same objectives
 * over seeds 1-5 (and the same timetables in bench/same-timetables.ts), the 1,000-patient clinics
 * of bench/bound.ts (tightness 1.0 and 1.3, seeds 1-4) serve the same patients.
 */
const MAX_OTHERS = 32;

const MEMBERS_LOOKED_AT = 64;

/** Sections re-seated at once (a time with more keeps the others as they are). */
const MAX_SECTIONS = 3;

/** Rooms a time may use: those its sections held, then free ones. */
const MAX_ROOMS = 4;

/** Services weighed besides those the time's sections hold. */
const MAX_OTHER_SERVICES = 2;

/** Ways of using the rooms weighed per move: (services + 1) ^ rooms is kept under this. */
const MAX_LAYOUTS = 27;

/** Individual sessions at the time taken apart with the sections, at most. */
const MAX_RELEASED = 4;

/** What a re-seating takes apart: the sections (`before`) and individual sessions at the time, and what it weighs. */
interface Plan {
  /** Meetings removed: the sections, then the individual sessions. */
  indexes: number[];
  before: PlacedMeeting[];
  individualsBefore: PlacedMeeting[];
  services: number[];
  rooms: number[];
}

/**
 * `resectionTime` at a given time of a track; with `mustChange`, the best layout holding another
 * mix of services than the time held (false when there is none).
 *
 * @example
 * ```ts
 * if (resectionAt(engine, { track: 0, day: 2, start: 660, end: 720 }, true)) { ... } // the search scores it
 * ```
 */
export function resectionAt(engine: Engine, time: Time, mustChange = false): boolean {
  const plan = planAt(engine, time);
  if (!plan) return false;
  for (const i of plan.indexes) engine.state.remove(i);
  const seating = seatingAt(engine, time, plan);
  const kinds = kindsAt(engine, plan.before, seating, plan.rooms);
  if (!kinds) return false;
  const layout = bestLayout(engine, time, plan.before, plan.rooms, kinds, seating, mustChange);
  return layout !== null && applyLayout(engine, time, plan, seating, layout);
}

/**
 * The sections to re-seat at a time (at most `MAX_SECTIONS`), the services and rooms weighed for
 * them, or null when the time is not one this move can re-seat.
 */
function planAt(engine: Engine, time: Time): Plan | null {
  const state = engine.state;
  let indexes = trackMeetings(engine, time.track).filter((i) => {
    const m = state.meetings[i]!;
    return m.day === time.day && m.start === time.start && m.end === time.end;
  });
  if (indexes.length > MAX_SECTIONS) indexes = engine.random.shuffle(indexes).slice(0, MAX_SECTIONS);
  const before = indexes.map((i) => state.meetings[i]!);
  if (before.length === 0 || before.some((m) => m.pinned || m.telehealth || m.staff.length !== 1 || m.room < 0)) return null;
  const services = servicesAt(engine, time, before);
  const held = new Set(before.map((m) => m.service));
  if (services.length === 0 || [...held].some((s) => !services.includes(s))) return null;
  // The services held, and one or two others: every service probed costs a probe per candidate.
  const others = engine.random.shuffle(services.filter((s) => !held.has(s))).slice(0, MAX_OTHER_SERVICES);
  const weighed = services.filter((s) => held.has(s) || others.includes(s));
  const rooms = roomsAt(engine, time, before, weighed);
  const released = individualsAt(engine, time);
  return { indexes: [...indexes, ...released], before, individualsBefore: released.map((i) => state.meetings[i]!), services: weighed, rooms };
}

/**
 * Individual sessions of the track's patients held exactly at the time, which the re-seating
 * takes apart with the sections: who sees whom one to one then is part of how the clinicians
 * are used (a clinician seeing one patient cannot lead; a patient in a session cannot sit in a
 * group). A few, found through the track's members.
 */
function individualsAt(engine: Engine, time: Time): number[] {
  const { state, problem } = engine;
  const found: number[] = [];
  for (const p of membersOf(engine, time.track)) {
    for (const index of state.patientMeetings[p]!) {
      const m = state.meetings[index]!;
      if (m.day !== time.day || m.start !== time.start || m.end !== time.end || m.patients.length !== 1) continue;
      if (m.pinned || m.telehealth || m.staff.length !== 1 || m.room < 0 || !simpleIndividual(problem.services[m.service]!)) continue;
      found.push(index);
      if (found.length >= MAX_RELEASED) return found;
    }
  }
  return found;
}

/** An individual service the assignment models: one clinician, no family or primary-only condition, not telehealth-only. */
function simpleIndividual(service: Engine['problem']['services'][number]): boolean {
  return service.kind === 'individual' && service.telehealth !== 'only' && !service.withFamily && !service.primaryOnly && service.staffNeeded === 1;
}

/** Group services the time may hold: a template's own; otherwise every simple track-bound group service of the time's length. */
function servicesAt(engine: Engine, time: Time, before: readonly PlacedMeeting[]): number[] {
  const problem = engine.problem;
  const track = problem.tracks[time.track]!;
  if (track.template && track.template.length > 0) return [...new Set(before.map((m) => m.service))];
  // One leader, no primary-only or family condition: what the assignment models.
  return problem.services
    .filter((s) => s.kind === 'group' && s.trackBound && s.durationMinutes === time.end - time.start && s.staffNeeded === 1 && s.seats.length === 1 && !s.primaryOnly && !s.withFamily && s.telehealth !== 'only')
    .map((s) => s.index);
}

/** Candidates (who sat here or saw a clinician here, then patients of the track free then) and what each kind of seat gains them. */
function seatingAt(engine: Engine, time: Time, plan: Plan): Seating {
  const { problem, state } = engine;
  const { before, services } = plan;
  // Probes sit in no room and with no staff (as telehealth): requirements do not depend on the
  // room or the clinician, so a patient's requirement rules alone are evaluated with one in
  // their week (`SolverState.peekWith`), and nothing is added, scored or undone.
  const probes = services.map((s): PlacedMeeting => (meetingWith(meetingAt(time, s, time.end, -1, [], []), { telehealth: true })));
  const candidates = [...new Set([...before, ...plan.individualsBefore].flatMap((m) => m.patients))];
  const members = membersOf(engine, time.track);
  const offset = engine.random.int(Math.max(1, members.length));
  // The probes as the patient check sees them (in a room), built once for every member asked.
  const inPerson = probes.map((probe) => meetingWith(probe, { telehealth: false }));
  let others = 0;
  for (let k = 0; k < Math.min(members.length, MEMBERS_LOOKED_AT) && others < MAX_OTHERS; k++) {
    const p = members[(offset + k) % members.length]!;
    if (candidates.includes(p) || !inPerson.some((probe) => patientFits(engine, probe, p, -1))) continue;
    candidates.push(p);
    others += 1;
  }
  const needs = candidates.map((p) => individualNeeds(engine, p).map(([s]) => s));
  const individuals = [...new Set(needs.flat().filter((s) => simpleIndividual(problem.services[s]!)))];
  const individualProbes = individuals.map((s): PlacedMeeting => (meetingWith(meetingAt(time, s, time.start + problem.services[s]!.durationMinutes, -1, [], []), { track: -1, telehealth: true })));
  const options = [...probes, ...individualProbes];
  const gains = candidates.map((p, i) => {
    // The shortfall as it is now, evaluated here: the sections just taken apart are not scored
    // yet (the caller's settle scores them once, with what the re-seating adds).
    let base: number | undefined;
    return options.map((probe, k): number | null => {
      if (k >= probes.length && !needs[i]!.includes(probe.service)) return null;
      const seated = meetingWith(probe, { patients: [p] });
      if (!patientFits(engine, meetingWith(seated, { telehealth: false }), p, -1)) return null;
      base ??= state.peekWith(p, 'requirement');
      return base - state.peekWith(p, 'requirement', seated);
    });
  });
  const seatedBefore = new Map<number, number>();
  for (const m of before) for (const p of m.patients) seatedBefore.set(p, m.room * problem.services.length + m.service);
  const sessionBefore = new Map(plan.individualsBefore.map((m) => [m.patients[0]!, m.service]));
  return { candidates, services, individualProbes, gains, seatedBefore, sessionBefore };
}

/** Rooms: those the sections held, then free ones that fit a service of the time. */
function roomsAt(engine: Engine, time: Time, before: readonly PlacedMeeting[], services: readonly number[]): number[] {
  const rooms = [...new Set(before.map((m) => m.room))];
  for (const s of services) {
    for (const r of engine.problem.services[s]!.eligibleRooms) {
      if (rooms.length >= MAX_ROOMS) return rooms;
      if (!rooms.includes(r) && roomFree(engine, r, meetingAt(time, s, time.end, r, [], []), -1)) rooms.push(r);
    }
  }
  return rooms;
}

/**
 * The kinds of section the time may hold: each service, once per homogeneity key among the
 * candidates it would gain when the service keeps groups homogeneous. Free rooms, then kinds no
 * section held, are dropped (`rooms` is trimmed in place) until the layouts number at most
 * `MAX_LAYOUTS`; null when they cannot be.
 */
function kindsAt(engine: Engine, before: readonly PlacedMeeting[], seating: Seating, rooms: number[]): Kind[] | null {
  const homogeneity = engine.prepared.homogeneity;
  const kinds: Kind[] = [];
  seating.services.forEach((service, k) => {
    const keys = homogeneity[service];
    if (!keys) {
      kinds.push({ service, key: null });
      return;
    }
    const seen = new Set<string>();
    seating.candidates.forEach((p, i) => {
      if (seating.gains[i]![k] !== null && !seen.has(keys[p]!)) {
        seen.add(keys[p]!);
        kinds.push({ service, key: keys[p]! });
      }
    });
  });
  const heldKind = (kind: Kind): boolean => before.some((m) => m.service === kind.service && (kind.key === null || homogeneity[m.service]![m.patients[0]!] === kind.key));
  const heldRooms = new Set(before.map((m) => m.room)).size;
  const layouts = (): number => Math.pow(kinds.length + 1, rooms.length);
  while (layouts() > MAX_LAYOUTS && rooms.length > heldRooms) rooms.pop();
  for (let k = kinds.length - 1; k >= 0 && layouts() > MAX_LAYOUTS; k--) if (!heldKind(kinds[k]!)) kinds.splice(k, 1);
  return layouts() > MAX_LAYOUTS ? null : kinds;
}

/** Adds the layout's sections with their seats, then the individual sessions that can be equipped; whether anything changed. */
function applyLayout(engine: Engine, time: Time, plan: Plan, seating: Seating, layout: Layout): boolean {
  const problem = engine.problem;
  const added: PlacedMeeting[] = [];
  for (const [k, section] of layout.sections.entries()) {
    if (section.chain && applyStaffChain(engine, section.chain) !== section.leader) return false;
    const patients = seating.candidates.filter((_, i) => layout.bins[i] === k).sort((a, b) => a - b);
    const meeting = meetingAt(time, section.service, time.start + problem.services[section.service]!.durationMinutes, section.room, [section.leader], patients);
    if (tryAdd(engine, meeting) < 0) return false;
    added.push(meeting);
  }
  // Changed: a session for someone who had none here (or of another service), or one fewer.
  let sessionsChanged = false;
  let sessionsKept = 0;
  seating.candidates.forEach((p, i) => {
    const k = layout.bins[i]! - layout.sections.length;
    if (k < 0) return;
    const probe = seating.individualProbes[k]!;
    const equipped = equip(engine, meetingWith(probe, { telehealth: false, patients: [p] }), -1, false, false);
    if (!equipped || tryAdd(engine, equipped) < 0) return;
    if (seating.sessionBefore.get(p) === probe.service) sessionsKept += 1;
    else sessionsChanged = true;
  });
  return sessionsChanged || sessionsKept < plan.individualsBefore.length || !sameSections(plan.before, added);
}

/** Whether two lists hold the same sections: rooms, services, leaders and rosters. */
function sameSections(a: readonly PlacedMeeting[], b: readonly PlacedMeeting[]): boolean {
  if (a.length !== b.length) return false;
  const key = (m: PlacedMeeting): string => `${m.room}/${m.service}/${m.staff.join(',')}/${[...m.patients].sort((x, y) => x - y).join(',')}`;
  const keys = new Set(a.map(key));
  return b.every((m) => keys.has(key(m)));
}
