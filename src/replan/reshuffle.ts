/**
 * Re-planning moves that change more than the patient being served, tried only when joining and
 * opening with other affected patients found nothing: the patient's own week reshuffled (they
 * leave a session for a group of a service they need more, taking the seat of a member who can
 * spare it when the group is full) and a parallel section opened beside a full group (a few of
 * its members move with the patient, keeping their service, day and start). Every move goes
 * through `attempt`: kept only when no hard rule breaks and the catalogue's score (requirements
 * before `stability` and the other soft rules) gets better; a member who makes way never ends up
 * shorter of care than before.
 */
import { canLeave, equip, removePatient, tryAdd, patientBlocker, sessionsOf } from '../engine/index.js';
import type { PlacedMeeting } from '../rules/types.js';
import { SLOT_MINUTES, SLOTS_PER_DAY } from '../time/week.js';
import { attempt, changeable, join, shortfallOf, type Driver } from './driver.js';

/** How many members of a full group are asked to make way, at most. */
const MEMBERS_ASKED = 6;

function overlaps(a: PlacedMeeting, b: PlacedMeeting): boolean {
  return a.day === b.day && a.start < b.end && b.start < a.end;
}

function span(m: PlacedMeeting): [number, number] {
  const from = m.day * SLOTS_PER_DAY + m.start / SLOT_MINUTES;
  return [from, from + (m.end - m.start) / SLOT_MINUTES];
}

/** Sessions of `s` that `p` still wants beyond those they hold (negative: more than wanted). */
function needOf(driver: Driver, p: number, s: number): number {
  return driver.engine.prepared.patients[p]!.wantSessions[s]! - sessionsOf(driver.engine, p, s);
}

/**
 * The group meetings of the timetable by track and service, each list in week order; taken
 * once per move (the moves below change rosters, never add or remove a meeting).
 */
export class Groups {
  private readonly lists = new Map<number, number[]>();
  private readonly services: number;

  constructor(driver: Driver) {
    const state = driver.engine.state;
    const problem = driver.engine.problem;
    this.services = problem.services.length;
    for (let i = 0; i < state.meetings.length; i++) {
      const m = state.meetings[i];
      if (!m || m.track < 0 || problem.services[m.service]!.kind !== 'group') continue;
      const key = m.track * this.services + m.service;
      const list = this.lists.get(key);
      if (list) list.push(i);
      else this.lists.set(key, [i]);
    }
    for (const list of this.lists.values()) {
      list.sort((a, b) => state.meetings[a]!.day - state.meetings[b]!.day || state.meetings[a]!.start - state.meetings[b]!.start || a - b);
    }
  }

  /** Meetings of service `s` in any of `tracks`, in week order per track. */
  of(tracks: readonly number[], s: number): number[] {
    const found: number[] = [];
    for (const t of tracks) found.push(...(this.lists.get(t * this.services + s) ?? []));
    return found;
  }

  /** Every group meeting of `tracks`, in index order. */
  inTracks(tracks: readonly number[]): number[] {
    const found: number[] = [];
    for (const t of tracks) for (let s = 0; s < this.services; s++) found.push(...(this.lists.get(t * this.services + s) ?? []));
    return found.sort((a, b) => a - b);
  }
}

const groupsCache = new WeakMap<Driver, { version: number; groups: Groups }>();

/**
 * The {@link Groups} of the timetable as last kept, shared while nothing changes (the count of
 * kept changes, nothing pending); built afresh otherwise.
 */
export function groupsOf(driver: Driver): Groups {
  const settled = driver.engine.state.mark() === 0;
  const hit = groupsCache.get(driver);
  if (settled && hit && hit.version === driver.accepted) return hit.groups;
  const groups = new Groups(driver);
  if (settled) groupsCache.set(driver, { version: driver.accepted, groups });
  return groups;
}

/** Whether group meeting `m` has no seat left (its maximum size, or its room's capacity). */
export function full(driver: Driver, m: PlacedMeeting): boolean {
  const problem = driver.engine.problem;
  const room = problem.rooms[m.room];
  return m.patients.length >= problem.services[m.service]!.maxSize || (room !== undefined && m.patients.length >= room.capacity);
}

/**
 * Whether member `q` of `target` could make way without losing the session: they hold more of
 * its service than wanted, or another group of the service in their tracks has a seat at a time
 * they are free (checked as if they had already left `target`).
 */
export function canMakeWay(driver: Driver, groups: Groups, q: number, target: number): boolean {
  const state = driver.engine.state;
  const m = state.meetings[target]!;
  if (needOf(driver, q, m.service) < 0) return true;
  return alternatives(driver, groups, q, target).length > 0;
}

/** Other groups of the service of `target` that `q` could join once out of `target`. */
function alternatives(driver: Driver, groups: Groups, q: number, target: number): number[] {
  const engine = driver.engine;
  const state = engine.state;
  const m = state.meetings[target]!;
  return groups.of(engine.problem.patients[q]!.tracks, m.service).filter((i) => {
    // The list was taken before the change under way, which may have closed a meeting since.
    const o = state.meetings[i];
    if (!o || o.service !== m.service || i === target || o.patients.includes(q) || o.patients.length >= engine.problem.services[o.service]!.maxSize || !changeable(driver, i)) return false;
    const [from, to] = span(o);
    return patientBlocker(state, engine.prepared, { ...o, patients: [...o.patients, q] }, q, target, from, to) === null;
  });
}

/**
 * Puts `p` into group meeting `target`: as it is when a seat is free, else in place of a member
 * who can make way (one holding more of the service than wanted, else one who moves to another
 * group of it at a time they are free), never leaving that member shorter of care. Part of a
 * larger change: the caller's `attempt` keeps or undoes the whole.
 */
function enter(driver: Driver, groups: Groups, target: number, p: number): boolean {
  if (join(driver, target, p)) return true;
  const engine = driver.engine;
  const state = engine.state;
  const m = state.meetings[target];
  if (!m || !changeable(driver, target) || m.patients.includes(p) || !full(driver, m)) return false;
  const members = m.patients.filter((q) => !driver.affected.has(q) && canMakeWay(driver, groups, q, target));
  const spare = members.filter((q) => needOf(driver, q, m.service) < 0);
  const order = [...spare, ...members.filter((q) => !spare.includes(q))];
  for (const q of order.slice(0, MEMBERS_ASKED)) {
    const short = shortfallOf(driver, q);
    const options = spare.includes(q) ? [] : alternatives(driver, groups, q, target);
    const mark = state.mark();
    removePatient(engine, target, q);
    const moved = spare.includes(q) || options.some((i) => join(driver, i, q));
    if (moved && join(driver, target, p) && shortfallOf(driver, q) <= short) return true;
    state.rollback(mark);
  }
  return false;
}

/** Group meetings of services `p` still needs, in `p`'s tracks, without `p`, changeable. */
function neededGroups(driver: Driver, groups: Groups, p: number): number[] {
  const engine = driver.engine;
  const tracks = engine.problem.patients[p]!.tracks;
  const found: number[] = [];
  engine.problem.services.forEach((service, s) => {
    if (service.kind !== 'group' || needOf(driver, p, s) <= 0) return;
    for (const i of groups.of(tracks, s)) if (!engine.state.meetings[i]!.patients.includes(p) && changeable(driver, i)) found.push(i);
  });
  return found;
}

/**
 * `p`'s own week reshuffled to keep a requirement: they join a group of a service they still
 * need (taking the seat of a member who can make way when it is full), leaving their own session
 * at that time; when that costs them a session they need, they get it back in another group of
 * its service, leaving there a session of a service they hold more of than wanted. One change,
 * kept only when the whole of it makes the score better.
 */
export function reshuffle(driver: Driver, p: number): boolean {
  const engine = driver.engine;
  const state = engine.state;
  const groups = groupsOf(driver);
  for (const target of neededGroups(driver, groups, p)) {
    const m = state.meetings[target]!;
    const clashing = state.patientMeetings[p]!.filter((i) => {
      const o = state.meetings[i]!;
      return overlaps(o, m) && engine.problem.services[o.service]!.kind === 'group' && changeable(driver, i) && canLeave(engine, i);
    });
    if (clashing.length === 0 && !full(driver, m)) continue; // a plain join, tried before
    for (const leave of clashing.length > 0 ? clashing : [-1]) {
      const ok = attempt(driver, () => {
        const left = leave >= 0 ? state.meetings[leave]!.service : -1;
        if (leave >= 0) removePatient(engine, leave, p);
        if (!enter(driver, groups, target, p)) return false;
        if (left >= 0 && needOf(driver, p, left) > 0) refill(driver, groups, p, left);
        return true;
      });
      if (ok) return true;
    }
  }
  return false;
}

/** One more session of group service `s` for `p`, leaving a clashing session of a service they hold more of than wanted if need be. */
function refill(driver: Driver, groups: Groups, p: number, s: number): boolean {
  const engine = driver.engine;
  const state = engine.state;
  for (const i of groups.of(engine.problem.patients[p]!.tracks, s)) {
    const m = state.meetings[i];
    if (!m || m.service !== s || m.patients.includes(p) || !changeable(driver, i)) continue;
    if (enter(driver, groups, i, p)) return true;
    const own = state.patientMeetings[p]!.find((j) => {
      const o = state.meetings[j]!;
      return overlaps(o, m) && needOf(driver, p, o.service) < 0 && changeable(driver, j) && canLeave(engine, j);
    });
    if (own === undefined) continue;
    const mark = state.mark();
    removePatient(engine, own, p);
    if (enter(driver, groups, i, p)) return true;
    state.rollback(mark);
  }
  return false;
}

/**
 * A full group of a service `p` needs gets a parallel section at its time: `p` and enough of its
 * members to hold it (other affected patients first, then from the end of the roster) meet there
 * with staff and a room that are free. The members keep their service, day and start.
 */
export function openBeside(driver: Driver, p: number): boolean {
  const engine = driver.engine;
  const problem = engine.problem;
  const state = engine.state;
  const patient = problem.patients[p]!;
  const groups = groupsOf(driver);
  for (const target of neededGroups(driver, groups, p)) {
    const m = state.meetings[target]!;
    const service = problem.services[m.service]!;
    if (!full(driver, m)) continue;
    const [from, to] = span(m);
    const next: PlacedMeeting = { ...m, id: '', patients: [p], room: -1, staff: [], pinned: false };
    if (patientBlocker(state, engine.prepared, next, p, -1, from, to) !== null) continue;
    const movers = service.minSize - 1;
    if (m.patients.length - movers < service.minSize) continue;
    const keys = engine.prepared.homogeneity[m.service];
    const compatible = m.patients.filter((q) => (!keys || keys[q] === keys[p]) && !patient.avoid.has(q) && !problem.patients[q]!.avoid.has(p));
    if (compatible.length < movers) continue;
    const chosen = [...compatible.filter((q) => driver.affected.has(q)), ...compatible.filter((q) => !driver.affected.has(q)).reverse()].slice(0, movers);
    const ok = attempt(driver, () => {
      state.replace(target, { ...m, patients: m.patients.filter((q) => !chosen.includes(q)) });
      const section = equip(engine, { ...next, patients: [p, ...chosen] }, -1, false, false);
      return section !== null && tryAdd(engine, section) >= 0;
    });
    if (ok) return true;
  }
  return false;
}
