/**
 * The local-search moves on patients and single meetings, and the helpers every move shares
 * (a random patient or meeting, joining a group). Each move changes the state through the engine's
 * checked primitives and returns whether it produced a change that keeps every hard rule; the
 * search then scores it and keeps or undoes it. A move that fails half-way is undone by the search.
 * Group-level moves are in group-moves.ts, the weighted neighbourhood in neighbourhood.ts.
 */
import type { PlacedMeeting } from '../rules/types.js';
import { canLeave, groupsHeld, equip, removePatient, tryReplace, type Engine } from './engine.js';
import { individualNeeds, placeIndividual } from './individuals.js';
import { minutesOf, sessionsOf } from './tally.js';
import { windowStarts } from './slots.js';
import { overlaps } from './feasible.js';
import { patientFits } from './kernel/needs.js';

export type Move = (engine: Engine) => boolean;

function randomPatient(engine: Engine): number {
  return engine.random.int(engine.problem.patients.length);
}

/** Whether a patient is still short of weekly hours or of a wanted session. */
export function needy(engine: Engine, p: number): boolean {
  const limits = engine.prepared.patients[p]!;
  if (minutesOf(engine, p) < limits.minWeeklyMinutes) return true;
  for (let s = 0; s < limits.wantSessions.length; s++) {
    if (limits.wantSessions[s]! > 0 && sessionsOf(engine, p, s) < limits.wantSessions[s]!) return true;
  }
  return false;
}

/** A random patient, preferring (a few draws) one who still needs care. */
function wantingPatient(engine: Engine): number {
  let p = randomPatient(engine);
  for (let tries = 0; tries < 6 && !needy(engine, p); tries++) p = randomPatient(engine);
  return p;
}

/** A random existing, unpinned meeting index, or -1 after a few misses. */
export function randomMeeting(engine: Engine, filter?: (m: PlacedMeeting) => boolean): number {
  const meetings = engine.state.meetings;
  if (meetings.length === 0) return -1;
  for (let tries = 0; tries < 24; tries++) {
    const index = engine.random.int(meetings.length);
    const m = meetings[index];
    if (m && !m.pinned && (!filter || filter(m))) return index;
  }
  return -1;
}

export function isGroup(engine: Engine, m: PlacedMeeting): boolean {
  return engine.problem.services[m.service]!.kind === 'group';
}


/** Adds `p` to group meeting `index`, re-equipping (a larger room) when needed. */
export function join(engine: Engine, index: number, p: number): boolean {
  const m = engine.state.meetings[index]!;
  // A full group is the cheapest refusal: a closed group's members try every group of the track.
  if (m.pinned || m.patients.length >= engine.prepared.sectionCap[m.service]! || m.patients.includes(p)) return false;
  const next = { ...m, patients: [...m.patients, p] };
  // The patient's own constraints first: cheap, and no new room or staff can change them.
  if (!patientFits(engine, next, p, index)) return false;
  if (tryReplace(engine, index, next, false)) return true;
  const equipped = equip(engine, next, index, true, false);
  return equipped !== null && tryReplace(engine, index, equipped, false);
}

/** A patient joins a group of one of their tracks. */
export const insertPatient: Move = (engine) => {
  const p = wantingPatient(engine);
  const tracks = engine.problem.patients[p]!.tracks;
  const index = randomMeeting(engine, (m) => isGroup(engine, m) && (m.track < 0 || tracks.includes(m.track)) && !m.patients.includes(p));
  return index >= 0 && join(engine, index, p);
};

/** A patient leaves one of their sessions. */
export const removeFromMeeting: Move = (engine) => {
  const index = randomMeeting(engine);
  if (index < 0) return false;
  const m = engine.state.meetings[index]!;
  const p = engine.random.pick(m.patients)!;
  if (!canLeave(engine, index)) return false;
  removePatient(engine, index, p);
  return true;
};

/** A patient moves from one group to another (often a parallel section or another time). */
export const movePatient: Move = (engine) => {
  const from = randomMeeting(engine, (m) => isGroup(engine, m));
  if (from < 0 || !canLeave(engine, from)) return false;
  const source = engine.state.meetings[from]!;
  const p = engine.random.pick(source.patients)!;
  const tracks = engine.problem.patients[p]!.tracks;
  const sameTime = engine.random.next() < 0.5;
  const to = randomMeeting(engine, (m) => isGroup(engine, m) && (m.track < 0 || tracks.includes(m.track)) && !m.patients.includes(p) && (!sameTime || (m.day === source.day && m.start === source.start)));
  if (to < 0 || to === from) return false;
  removePatient(engine, from, p);
  return join(engine, to, p);
};

/** Two patients of two groups trade places. */
export const swapPatients: Move = (engine) => {
  const a = randomMeeting(engine, (m) => isGroup(engine, m));
  if (a < 0) return false;
  const ma = engine.state.meetings[a]!;
  // Mostly between parallel sections, where a trade keeps both patients' times.
  const parallel = engine.random.next() < 0.7;
  const b = randomMeeting(engine, (m) => isGroup(engine, m) && m !== ma && (!parallel || overlaps(m, ma.day, ma.start, ma.end)));
  if (b < 0 || a === b) return false;
  const mb = engine.state.meetings[b]!;
  const p = engine.random.pick(ma.patients)!;
  const q = engine.random.pick(mb.patients)!;
  if (ma.patients.includes(q) || mb.patients.includes(p)) return false;
  engine.state.replace(a, { ...ma, patients: ma.patients.filter((x) => x !== p) });
  engine.state.replace(b, { ...mb, patients: mb.patients.filter((x) => x !== q) });
  return join(engine, a, q) && join(engine, b, p) && groupsHeld(engine, [a, b]);
};

/** A meeting moves to another time (same day or another day of its track), re-equipped when needed. */
export const moveMeeting: Move = (engine) => {
  const index = randomMeeting(engine);
  if (index < 0) return false;
  const m = engine.state.meetings[index]!;
  const duration = m.end - m.start;
  const day = engine.random.next() < 0.5 ? m.day : engine.random.int(7);
  let start: number;
  if (m.track >= 0) {
    const starts = windowStarts(engine.problem, engine.problem.tracks[m.track]!, day, duration, m.service);
    const pick = engine.random.pick(starts);
    if (pick === undefined) return false;
    start = pick;
  } else {
    const grid = engine.problem.granularityMinutes;
    start = engine.random.int(Math.floor((1440 - duration) / grid) + 1) * grid;
  }
  if (day === m.day && start === m.start) return false;
  const next = { ...m, day, start, end: start + duration };
  if (tryReplace(engine, index, next)) return true;
  const equipped = equip(engine, next, index, true, false);
  return equipped !== null && tryReplace(engine, index, equipped);
};

/** A meeting changes room (or goes to or from telehealth). */
export const changeRoom: Move = (engine) => {
  const index = randomMeeting(engine);
  if (index < 0) return false;
  const m = engine.state.meetings[index]!;
  const service = engine.problem.services[m.service]!;
  const options = [...service.eligibleRooms, ...(service.telehealth === 'allowed' ? [-1] : [])];
  const room = engine.random.pick(options);
  if (room === undefined || room === m.room) return false;
  return tryReplace(engine, index, { ...m, room, telehealth: room < 0 });
};

/** One staff position of a meeting changes hands. */
export const changeStaff: Move = (engine) => {
  const index = randomMeeting(engine);
  if (index < 0) return false;
  const m = engine.state.meetings[index]!;
  if (m.staff.length === 0) return false;
  const position = engine.random.int(m.staff.length);
  const seat = engine.problem.services[m.service]!.seats[engine.prepared.seatOfPosition[m.service]![position]!]!;
  const s = engine.random.pick(seat.eligibleStaff);
  if (s === undefined || s === m.staff[position]) return false;
  const staff = [...m.staff];
  staff[position] = s;
  return tryReplace(engine, index, { ...m, staff });
};

/** An individual session is placed for a patient who needs one, or an existing one moves. */
export const placeOrMoveIndividual: Move = (engine) => {
  const p = engine.random.next() < 0.5 ? wantingPatient(engine) : randomPatient(engine);
  const needs = individualNeeds(engine, p);
  const own = engine.state.patientMeetings[p]!.filter((i) => {
    const m = engine.state.meetings[i]!;
    return !isGroup(engine, m) && !m.pinned;
  });
  const index = engine.random.pick(own);
  if (needs.length > 0) {
    // Sometimes make room first: lift another session, place the missing one, put the other back.
    const lifted = index !== undefined && engine.random.next() < 0.5 ? engine.state.meetings[index]!.service : -1;
    if (lifted >= 0) engine.state.remove(index!);
    if (placeIndividual(engine, p, engine.random.pick(needs)![0], true) < 0) return false;
    return lifted < 0 || placeIndividual(engine, p, lifted, true) >= 0;
  }
  if (index === undefined) return false;
  const service = engine.state.meetings[index]!.service;
  engine.state.remove(index);
  return placeIndividual(engine, p, service, true) >= 0;
};

/** A patient's whole day is dropped (per-day thresholds, maximum days). */
export const dropDay: Move = (engine) => {
  const p = randomPatient(engine);
  const mine = engine.state.patientMeetings[p]!;
  const pick = engine.random.pick(mine);
  if (pick === undefined) return false;
  const day = engine.state.meetings[pick]!.day;
  for (const index of mine.filter((i) => engine.state.meetings[i]!.day === day)) {
    if (!canLeave(engine, index)) return false;
    removePatient(engine, index, p);
  }
  return true;
};

/** Ruin and recreate one patient's week (or one day of it): leave what they may, then rejoin greedily. */
export const ruinPatient: Move = (engine) => {
  const p = engine.random.next() < 0.5 ? wantingPatient(engine) : randomPatient(engine);
  const onlyDay = engine.random.next() < 0.5 ? engine.random.int(7) : -1;
  for (const index of [...engine.state.patientMeetings[p]!]) {
    const m = engine.state.meetings[index]!;
    if ((onlyDay < 0 || m.day === onlyDay) && canLeave(engine, index)) removePatient(engine, index, p);
  }
  const tracks = engine.problem.patients[p]!.tracks;
  const live = engine.state.liveMeetings().filter((i) => {
    const m = engine.state.meetings[i]!;
    return isGroup(engine, m) && tracks.includes(m.track) && (onlyDay < 0 || m.day === onlyDay);
  });
  const offset = engine.random.int(Math.max(1, live.length));
  for (let k = 0; k < live.length; k++) {
    const index = live[(offset + k) % live.length]!;
    if (engine.state.meetings[index]) join(engine, index, p);
  }
  for (const [s, missing] of individualNeeds(engine, p)) {
    for (let i = 0; i < missing; i++) if (placeIndividual(engine, p, s, true) < 0) break;
  }
  return true;
};
