/**
 * Re-planning's first construction step: a published week goes into the engine as it is, and
 * only what a change broke is released. Meetings already held and pinned ones go in untouched;
 * every other meeting is kept when it still keeps every hard rule; the rest, in week order, is
 * re-staffed or re-roomed in place, else its patients join parallel sections of the same
 * session, else (a group) a clinician is freed for it by moving one individual session, else it
 * moves to the nearest time that works, else it is dissolved and its patients are handed to the
 * affected construction (affected.ts).
 */
import type { PlacedMeeting } from '../../rules/types.js';
import { blocker, equip, settle, tryAdd, type Engine } from '../kernel/engine.js';
import { windowStarts } from '../kernel/slots.js';
import { join } from '../moves/choose.js';
import { placeIndividual } from './individuals.js';
import { meetingWith } from '../../compiled/meetings.js';

/** Individual sessions tried per released group when no clinician is free to lead it (bounds the cost). */
const LEADER_CANDIDATES = 12;

/** A published meeting as it is loaded: rosters already cut by discharges and misses. */
export interface PublishedMeeting {
  meeting: PlacedMeeting;
  /** Pinned, or started before the cutoff: never moved. */
  frozen: boolean;
  /** Started before the cutoff: not even re-staffed. */
  past: boolean;
}

/** What the release did to one published meeting that no longer kept the rules. */
export interface Released {
  meeting: PlacedMeeting;
  /** The hard rule it broke as published (its first blocker), for the change log. */
  code: string;
  /** Its patients who found no place in it or beside it: the affected construction serves them. */
  displaced: readonly number[];
}

/** The result of {@link releaseBroken}. */
export interface ReleaseResult {
  /** Meetings that no longer kept the rules, in week order, with what became of their patients. */
  released: Released[];
  /** Ids of pinned meetings that could not be held as pinned (now repaired like any other). */
  unpinned: string[];
}

/** Runs `change` and keeps it when it succeeded and broke no hard rule; otherwise undoes it. */
function keep(engine: Engine, change: () => boolean): boolean {
  const state = engine.state;
  const mark = state.mark();
  const hard = state.score().hard;
  if (!change()) {
    state.rollback(mark);
    return false;
  }
  if (!settle(engine, mark, hard)) return false;
  state.commit();
  return true;
}

/** Whether a meeting may start on `day` at `start` (not before the cutoff). */
function open(engine: Engine, day: number, start: number): boolean {
  return day >= 0 && day < 7 && start >= (engine.opensAt?.[day] ?? 0);
}

/** Candidate new times for `m`, nearest first: the same day, then the days after, then before. */
function candidateTimes(engine: Engine, m: PlacedMeeting): Array<[number, number]> {
  const problem = engine.problem;
  const duration = m.end - m.start;
  const times: Array<[number, number, number]> = [];
  for (let day = 0; day < 7; day++) {
    const starts =
      m.track >= 0 && problem.services[m.service]!.trackBound
        ? windowStarts(problem, problem.tracks[m.track]!, day, duration)
        : Array.from({ length: Math.floor((1440 - duration) / problem.granularityMinutes) + 1 }, (_, i) => i * problem.granularityMinutes);
    for (const start of starts) {
      if ((day === m.day && start === m.start) || !open(engine, day, start)) continue;
      const dayCost = day === m.day ? 0 : day > m.day ? (day - m.day) * 2000 : (m.day - day) * 2000 + 1000;
      times.push([day, start, dayCost + Math.abs(start - m.start)]);
    }
  }
  times.sort((a, b) => a[2] - b[2] || a[0] - b[0] || a[1] - b[1]);
  return times.slice(0, 160).map(([day, start]) => [day, start]);
}

/** The live group meetings parallel to `m`: same service, day, start and track. */
function parallel(engine: Engine, m: PlacedMeeting): number[] {
  const state = engine.state;
  return state.liveMeetings().filter((i) => {
    const o = state.meetings[i]!;
    return o.service === m.service && o.day === m.day && o.start === m.start && o.track === m.track;
  });
}

/** Seats every patient of `m` it can in parallel sections; returns those left without one. */
function resection(engine: Engine, m: PlacedMeeting, all: boolean): number[] {
  const sections = parallel(engine, m);
  if (sections.length === 0) return [...m.patients];
  const left: number[] = [];
  const seated = keep(engine, () => {
    for (const p of m.patients) if (!sections.some((i) => join(engine, i, p))) left.push(p);
    return !all || left.length === 0;
  });
  return seated ? left : [...m.patients];
}

/** Adds `m` (re-equipped when its staff or room no longer fit) when it keeps every hard rule. */
function addEquipped(engine: Engine, m: PlacedMeeting): boolean {
  return keep(engine, () => {
    if (blocker(engine, m, -1, true) === null) return tryAdd(engine, m) >= 0;
    const equipped = equip(engine, m, -1, true, false);
    return equipped !== null && tryAdd(engine, equipped) >= 0;
  });
}

/**
 * No clinician is free to lead group `m` at its time (its own is out): one who could is freed by
 * moving one of their individual sessions that overlaps it to another time its patient can come
 * (a change of one patient's week), and `m` keeps its time and roster. Otherwise the group moves
 * or is dissolved, which changes every member's week. Measured at 1,000 patients (call-out + 10
 * admissions, seed 3): without it three groups of 10 were dissolved and 20 patients made short.
 */
function freeLeader(engine: Engine, m: PlacedMeeting): boolean {
  const { problem, state } = engine;
  const qualified = new Set(problem.services[m.service]!.seats.flatMap((seat) => seat.eligibleStaff));
  const candidates: number[] = [];
  for (const member of qualified) {
    for (const index of state.staffMeetings[member]!) {
      const o = state.meetings[index]!;
      if (o.pinned || o.day !== m.day || o.start >= m.end || m.start >= o.end || o.patients.length !== 1 || problem.services[o.service]!.kind !== 'individual') continue;
      candidates.push(index);
    }
  }
  candidates.sort((a, b) => a - b);
  for (const index of candidates.slice(0, LEADER_CANDIDATES)) {
    const o = state.meetings[index]!;
    const freed = keep(engine, () => {
      state.remove(index);
      const equipped = equip(engine, m, -1, true, false);
      if (equipped === null || tryAdd(engine, equipped) < 0) return false;
      return placeIndividual(engine, o.patients[0]!, o.service, false) >= 0;
    });
    if (freed) return true;
  }
  return false;
}

/**
 * Repairs one published meeting that no longer fits; returns its patients left without a place.
 * Once the budget is spent only the cheap repairs are tried (in place, then parallel sections):
 * a meeting dissolved for want of time makes all of its patients short.
 */
function repairOne(engine: Engine, m: PlacedMeeting): number[] {
  const service = engine.problem.services[m.service]!;
  if (m.patients.length === 0) return [];
  // Too few left to hold it: the others join a parallel section where they can.
  if (service.kind === 'group' && m.patients.length < service.minSize) return resection(engine, m, false);
  if (addEquipped(engine, m)) return [];
  if (service.kind === 'group' && resection(engine, m, true).length === 0) return [];
  if (service.kind === 'group' && !engine.budget.spent() && freeLeader(engine, m)) return [];
  if (engine.budget.spent()) return service.kind === 'group' ? resection(engine, m, false) : [...m.patients];
  for (const [day, start] of candidateTimes(engine, m)) {
    if (engine.budget.spent()) break;
    if (addEquipped(engine, meetingWith(m, { day, start, end: start + (m.end - m.start) }))) return [];
  }
  return service.kind === 'group' ? resection(engine, m, false) : [...m.patients];
}

/** Whether the catalogue finds a hard penalty on meeting `index` or on anyone or anything in it. */
function breaksHardRule(engine: Engine, m: PlacedMeeting, index: number): boolean {
  const board = engine.state.board;
  if (board.subjectPenalty('meeting', index, 'hard') > 0) return true;
  if (m.room >= 0 && board.subjectPenalty('room', m.room, 'hard') > 0) return true;
  return m.staff.some((s) => board.subjectPenalty('staff', s, 'hard') > 0) || m.patients.some((p) => board.subjectPenalty('patient', p, 'hard') > 0);
}

/**
 * Loads `meetings` into the (empty) engine and releases what no longer fits. Meetings already
 * held go in as they are; a pinned future meeting whose staff or room is out is re-staffed or
 * re-roomed when possible (it keeps its time), else it loses its pin and is repaired like any
 * other: a future meeting never stays impossible. Every other meeting goes in as published; the
 * catalogue then names those that break a hard rule (directly or through a patient, clinician or
 * room they share), and only those are taken out and checked one by one, in week order. Polls
 * the engine's budget: once it is spent, a meeting is only re-staffed or re-roomed in place or
 * its patients seated in parallel sections, else dissolved (no search for another time).
 *
 * @example
 * ```ts
 * const engine = createEngine(compiled, rules, weights, seed, { previous, opensAt });
 * const { released } = releaseBroken(engine, published);
 * const affected = released.flatMap((r) => r.displaced);
 * ```
 */
export function releaseBroken(engine: Engine, meetings: readonly PublishedMeeting[]): ReleaseResult {
  const state = engine.state;
  const week = (m: PlacedMeeting): number => m.day * 1440 + m.start;
  const ordered = [...meetings].sort((a, b) => week(a.meeting) - week(b.meeting) || (a.meeting.id < b.meeting.id ? -1 : 1));
  for (const { meeting } of ordered.filter((x) => x.past)) state.add(meetingWith(meeting, { pinned: true }));
  const unpinned: string[] = [];
  const pending: PlacedMeeting[] = [];
  for (const { meeting } of ordered.filter((x) => x.frozen && !x.past)) {
    const pinned = meetingWith(meeting, { pinned: true });
    // The group minimum too: discharges carried into the week can leave a pinned group too small to hold.
    if (blocker(engine, pinned, -1, true) === null) {
      state.add(pinned);
      continue;
    }
    const equipped = equip(engine, pinned, -1, true, false);
    if (equipped && blocker(engine, equipped, -1, true) === null) state.add(equipped);
    else {
      // No pin holds a meeting a change made impossible where it is.
      unpinned.push(meeting.id);
      pending.push(meetingWith(meeting, { pinned: false }));
    }
  }
  const loaded: Array<{ meeting: PlacedMeeting; index: number }> = [];
  for (const { meeting } of ordered.filter((x) => !x.frozen)) {
    if (meeting.patients.length > 0) loaded.push({ meeting, index: state.add(meetingWith(meeting, {})) });
    else pending.push(meeting);
  }
  state.rescore();
  const suspects = loaded.filter(({ meeting, index }) => breaksHardRule(engine, meeting, index));
  for (const { index } of suspects) state.remove(index);
  for (const { meeting } of suspects) {
    if (blocker(engine, meeting, -1, true) === null) state.add(meetingWith(meeting, {}));
    else pending.push(meeting);
  }
  state.rescore();
  state.commit();
  pending.sort((a, b) => week(a) - week(b) || (a.id < b.id ? -1 : 1));
  const released: Released[] = [];
  for (const m of pending) {
    const code = blocker(engine, m, -1, true) ?? 'unknown';
    const displaced = repairOne(engine, m);
    released.push({ meeting: m, code, displaced });
  }
  return { released, unpinned };
}
