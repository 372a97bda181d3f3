/**
 * How the moves choose what to change: a random patient (preferring one who still needs care), a
 * random unpinned meeting, and joining a group; shared by the moves on patients and meetings.
 */
import type { PlacedMeeting } from '../../rules/types.js';
import { equip, tryReplace, type Engine } from '../kernel/engine.js';
import { minutesOf, sessionsOf } from '../kernel/tally.js';
import { patientFits } from '../kernel/needs.js';
import { meetingWith } from '../../compiled/meetings.js';

export function randomPatient(engine: Engine): number {
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
export function wantingPatient(engine: Engine): number {
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
  const next = meetingWith(m, { patients: [...m.patients, p] });
  // The patient's own constraints first: cheap, and no new room or staff can change them.
  if (!patientFits(engine, next, p, index)) return false;
  if (tryReplace(engine, index, next, false)) return true;
  const equipped = equip(engine, next, index, true, false);
  return equipped !== null && tryReplace(engine, index, equipped, false);
}

/** Short patients a draw of {@link groupNeeder} reads before it gives up. */
const NEEDER_LOOKS = 64;

/**
 * A short patient who still needs a session of a track group service (a curriculum or `requires`
 * minimum), found from a random place among the short ones; -1 when none is within a few looks.
 * In an over-full week nearly everyone is short of hours, and a move that changes which service a
 * group holds helps only the few short of a service, whom a draw of any short patient rarely hits
 * (the 120-patient reference: 4 of 120).
 *
 * @example
 * ```ts
 * const p = groupNeeder(engine);
 * if (p < 0) return false;
 * ```
 */
export function groupNeeder(engine: Engine): number {
  const { problem, shortList } = engine;
  const n = problem.patients.length;
  if (n === 0 || engine.state.score().requirement === 0) return -1;
  let at = engine.random.int(n);
  for (let look = 0; look < Math.min(n, NEEDER_LOOKS); look++) {
    const p = shortList.kept ? shortList.next(at) : at;
    if (p < 0) return -1;
    const want = engine.prepared.patients[p]!.wantSessions;
    for (const service of problem.services) {
      if (service.kind === 'group' && service.trackBound && want[service.index]! > sessionsOf(engine, p, service.index)) return p;
    }
    at = (p + 1) % n;
  }
  return -1;
}
