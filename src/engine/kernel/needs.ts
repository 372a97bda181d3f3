/**
 * Who is short and what they need, read off the engine's state: the helpers every phase asks
 * (construction's polish, the targeted moves, the chains, the search). They sit below all of them
 * so that none of those imports another to reach them.
 */
import type { PlacedMeeting } from '../../rules/types.js';
import { SLOT_MINUTES, SLOTS_PER_DAY } from '../../time/week.js';
import { equip, tryReplace, type Engine } from './engine.js';
import { patientBlocker } from './feasible.js';
import { sessionsOf } from './tally.js';
import { meetingWith } from '../../compiled/meetings.js';

/** Requirement shortfall of patient `p` (weighted minute-equivalents; 0 when every requirement is met). */
export function shortfall(engine: Engine, p: number): number {
  return engine.state.board.subjectPenalty('patient', p, 'requirement');
}

/** A patient with a shortfall, found from a random place in the list; -1 when none is short. */
export function shortPatient(engine: Engine): number {
  const n = engine.problem.patients.length;
  if (n === 0 || engine.state.score().requirement === 0) return -1;
  const offset = engine.random.int(n);
  if (engine.shortList.kept) {
    // The search's list is of its last kept timetable: a move part-way may have changed that.
    const p = engine.shortList.next(offset);
    if (p >= 0 && shortfall(engine, p) > 0) return p;
  }
  for (let k = 0; k < n; k++) {
    const p = (offset + k) % n;
    if (shortfall(engine, p) > 0) return p;
  }
  return -1;
}

const trackMembers = new WeakMap<object, number[][]>();

/** Patients who list each track (cached per compiled problem). */
export function membersOf(engine: Engine, track: number): readonly number[] {
  if (track < 0) return engine.problem.patients.map((patient) => patient.index);
  let lists = trackMembers.get(engine.problem);
  if (!lists) {
    lists = engine.problem.tracks.map(() => []);
    for (const patient of engine.problem.patients) for (const t of patient.tracks) lists[t]?.push(patient.index);
    trackMembers.set(engine.problem, lists);
  }
  return lists[track] ?? [];
}

/**
 * Marks of the meetings {@link trackMeetings} has found, cleared before it returns (it runs
 * synchronously and never re-enters): a Set of every meeting index met through the members was
 * most of its cost, asked by several moves every iteration.
 */
let foundMarks = new Uint8Array(1024);

/** The group meetings of a track, found through its members (no scan of the whole timetable). */
export function trackMeetings(engine: Engine, track: number): number[] {
  const found: number[] = [];
  const { meetings, patientMeetings } = engine.state;
  const services = engine.problem.services;
  if (foundMarks.length < meetings.length) foundMarks = new Uint8Array(2 * meetings.length);
  const marks = foundMarks;
  for (const q of membersOf(engine, track)) {
    for (const index of patientMeetings[q]!) {
      if (marks[index] === 1) continue;
      const m = meetings[index]!;
      if (m.track !== track || services[m.service]!.kind !== 'group') continue;
      marks[index] = 1;
      found.push(index);
    }
  }
  for (const index of found) marks[index] = 0;
  return found.sort((a, b) => a - b);
}

/**
 * What keeps `p` from attending `m` by the patient's own rules (`replacing` aside): a hard rule's
 * code, or null. No slot pair: construction asks it for every start it tries for a session.
 *
 * @example
 * ```ts
 * const code = patientBlockerOf(engine, asked, p, -1); // e.g. 'patient-double-booked'
 * ```
 */
export function patientBlockerOf(engine: Engine, m: PlacedMeeting, p: number, replacing: number): string | null {
  const from = m.day * SLOTS_PER_DAY + m.start / SLOT_MINUTES;
  return patientBlocker(engine.state, engine.prepared, m, p, replacing, from, from + (m.end - m.start) / SLOT_MINUTES);
}

/** Whether `p` can attend `m` as far as the patient's own rules go (replacing nothing). */
export function patientFits(engine: Engine, m: PlacedMeeting, p: number, replacing: number): boolean {
  return patientBlockerOf(engine, m, p, replacing) === null;
}

/** Adds `p` to meeting `index`, re-equipping (another room or staff) when the current ones do not fit. */
export function enter(engine: Engine, index: number, p: number): boolean {
  const m = engine.state.meetings[index]!;
  const next = meetingWith(m, { patients: [...m.patients, p] });
  if (tryReplace(engine, index, next, false)) return true;
  const equipped = equip(engine, next, index, true, false);
  return equipped !== null && tryReplace(engine, index, equipped, false);
}

/** Sessions of service `s` patient `p` still needs, given the sessions `want` they ask for (0 when none asked). */
export function need(engine: Engine, p: number, want: Int32Array, s: number): number {
  return want[s]! > 0 ? want[s]! - sessionsOf(engine, p, s) : 0;
}
