/**
 * The primitives every construction step and move is made of, on the solver's working set (the
 * `Engine` of ./engine-type.ts): find staff and a room for a meeting (./choose-staff.ts,
 * ./choose-room.ts, on ./availability.ts), and apply a change only if it keeps every hard rule.
 */
import { onAgenda } from '../../rules/template-agenda.js';
import type { PlacedMeeting } from '../../rules/types.js';
import { meetingWith } from '../../compiled/meetings.js';
import { roomFree } from './availability.js';
import { chooseRoom } from './choose-room.js';
import { chooseStaff } from './choose-staff.js';
import type { Engine } from './engine-type.js';
import { meetingBlocker, type Blocker } from './feasible.js';

// Every step imports the engine's primitives from here; each concept lives in its own module.
export type { Engine } from './engine-type.js';
export { roomFree, staffDayMinutesWith, staffFree, staffWeekMinutesWith } from './availability.js';
export { chooseRoom } from './choose-room.js';
export { chooseStaff } from './choose-staff.js';

/** `m` with staff and a room (or telehealth) chosen, or `null`. */
export function equip(engine: Engine, m: PlacedMeeting, replacing: number, keep: boolean, shuffle: boolean): PlacedMeeting | null {
  // Off its track's template no staff or room can save it: refuse before searching for them.
  if (!onAgenda(engine.problem, m)) return null;
  let place: { room: number; telehealth: boolean } | null = null;
  const service = engine.problem.services[m.service]!;
  if (keep && (m.telehealth ? service.telehealth !== 'never' : m.room >= 0 && roomFree(engine, m.room, m, replacing) && service.eligibleRooms.includes(m.room))) {
    place = { room: m.room, telehealth: m.telehealth };
    if (m.telehealth && !m.patients.every((p) => engine.problem.patients[p]!.telehealth)) place = null;
  }
  const staff = chooseStaff(engine, m, replacing, keep, shuffle);
  if (!staff) return null;
  place ??= chooseRoom(engine, m, replacing, shuffle);
  if (!place) return null;
  return meetingWith(m, { room: place.room, telehealth: place.telehealth, staff });
}

/** Checks `m` against every hard rule (group minimum only when `checkMinSize`). */
export function blocker(engine: Engine, m: PlacedMeeting, replacing: number, checkMinSize: boolean): Blocker | null {
  // The past is a record: nothing is placed or changed before the re-planning's cutoff.
  if (engine.opensAt !== undefined && m.start < (engine.opensAt[m.day] ?? 1441)) return 'replan-past';
  return meetingBlocker(engine.state, engine.prepared, m, replacing, checkMinSize);
}

/** Adds `m` when it keeps every hard rule; returns its index or -1. */
export function tryAdd(engine: Engine, m: PlacedMeeting, checkMinSize = true): number {
  if (blocker(engine, m, -1, checkMinSize) !== null) return -1;
  return engine.state.add(m);
}

/** Replaces meeting `index` by `m` when it keeps every hard rule. */
export function tryReplace(engine: Engine, index: number, m: PlacedMeeting, checkMinSize = true): boolean {
  if (blocker(engine, m, index, checkMinSize) !== null) return false;
  engine.state.replace(index, m);
  return true;
}

/** Removes patient `p` from meeting `index`; an individual session (or a group left empty) is deleted. */
export function removePatient(engine: Engine, index: number, p: number): void {
  const m = engine.state.meetings[index]!;
  const patients = m.patients.filter((q) => q !== p);
  if (patients.length === 0) engine.state.remove(index);
  else engine.state.replace(index, meetingWith(m, { patients }));
}

/** Whether a patient may leave meeting `index` without leaving a group under its minimum. */
export function canLeave(engine: Engine, index: number): boolean {
  const m = engine.state.meetings[index]!;
  if (m.pinned) return false;
  const service = engine.problem.services[m.service]!;
  // The last patient may leave too: the meeting is then closed, which no hard rule forbids.
  return service.kind === 'individual' || m.patients.length - 1 >= service.minSize || m.patients.length === 1;
}

/** Whether every meeting touched since `mark` that still exists meets its group minimum. */
export function groupsHeld(engine: Engine, indexes: readonly number[]): boolean {
  for (const index of indexes) {
    const m = engine.state.meetings[index];
    if (!m) continue;
    const service = engine.problem.services[m.service]!;
    if (service.kind === 'group' && m.patients.length < service.minSize) return false;
  }
  return true;
}

/**
 * Re-scores and keeps the changes since `mark` only when the catalogue's hard total did not rise
 * (the safety net under the dedicated checks). Returns whether they were kept.
 */
export function settle(engine: Engine, mark: number, hardBefore: number): boolean {
  engine.state.rescore();
  if (engine.state.score().hard > hardBefore) {
    engine.safetyRejections += 1;
    engine.state.rollback(mark);
    return false;
  }
  return true;
}

/**
 * {@link settle} on the hard rules alone while construction runs (`engine.deferScoring`, see
 * `SolverState.hardScore`), with `hardBefore` read by `state.hardScore()` after `mark`. The
 * requirement and soft rules are evaluated when the score is next read.
 *
 * @example
 * ```ts
 * const mark = engine.state.mark();
 * const hard = engine.state.hardScore();
 * if (tryAdd(engine, meeting) >= 0 && settleHard(engine, mark, hard)) placed += 1;
 * ```
 */
export function settleHard(engine: Engine, mark: number, hardBefore: number): boolean {
  if (engine.deferScoring !== true) return settle(engine, mark, hardBefore);
  if (engine.state.hardScore() > hardBefore) {
    engine.safetyRejections += 1;
    engine.state.rollback(mark);
    return false;
  }
  return true;
}
