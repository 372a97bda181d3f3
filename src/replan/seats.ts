/**
 * The seats of the re-planned week as the shortfall causes weigh them: the group meetings by
 * track and service, whether a group is full, and whether one of its members could make way
 * for someone (they hold more of the service than wanted, or another group of it has a seat at
 * a time they are free).
 */
import { patientBlocker, sessionsOf } from '../engine/index.js';
import type { PlacedMeeting } from '../rules/types.js';
import { meetingWith } from '../compiled/meetings.js';
import { SLOT_MINUTES, SLOTS_PER_DAY } from '../time/week.js';
import { changeable, type ReplanView } from './view.js';

function span(m: PlacedMeeting): [number, number] {
  const from = m.day * SLOTS_PER_DAY + m.start / SLOT_MINUTES;
  return [from, from + (m.end - m.start) / SLOT_MINUTES];
}

/** Sessions of `s` that `p` still wants beyond those they hold (negative: more than wanted). */
function needOf(view: ReplanView, p: number, s: number): number {
  return view.engine.prepared.patients[p]!.wantSessions[s]! - sessionsOf(view.engine, p, s);
}

/**
 * The group meetings of the timetable by track and service, each list in week order.
 *
 * @example
 * ```ts
 * const groups = new Groups(view);
 * for (const index of groups.of(patient.tracks, service)) console.log(index);
 * ```
 */
export class Groups {
  private readonly lists = new Map<number, number[]>();
  private readonly services: number;

  constructor(view: ReplanView) {
    const state = view.engine.state;
    const problem = view.engine.problem;
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

const groupsCache = new WeakMap<ReplanView, Groups>();

/**
 * The {@link Groups} of the re-planned week (taken once: the causes only read the week).
 *
 * @example
 * ```ts
 * const sessions = groupsOf(view).of(patient.tracks, service);
 * ```
 */
export function groupsOf(view: ReplanView): Groups {
  let groups = groupsCache.get(view);
  if (!groups) groupsCache.set(view, (groups = new Groups(view)));
  return groups;
}

/** Whether group meeting `m` has no seat left (its maximum size, or its room's capacity). */
export function full(view: ReplanView, m: PlacedMeeting): boolean {
  const problem = view.engine.problem;
  const room = problem.rooms[m.room];
  return m.patients.length >= problem.services[m.service]!.maxSize || (room !== undefined && m.patients.length >= room.capacity);
}

/**
 * Whether member `q` of `target` could make way without losing the session: they hold more of
 * its service than wanted, or another group of the service in their tracks has a seat at a time
 * they are free (checked as if they had already left `target`).
 *
 * @example
 * ```ts
 * const stuck = !m.patients.some((q) => canMakeWay(view, groupsOf(view), q, index));
 * ```
 */
export function canMakeWay(view: ReplanView, groups: Groups, q: number, target: number): boolean {
  const state = view.engine.state;
  const m = state.meetings[target]!;
  if (needOf(view, q, m.service) < 0) return true;
  return alternatives(view, groups, q, target).length > 0;
}

/** Other groups of the service of `target` that `q` could join once out of `target`. */
function alternatives(view: ReplanView, groups: Groups, q: number, target: number): number[] {
  const engine = view.engine;
  const state = engine.state;
  const m = state.meetings[target]!;
  return groups.of(engine.problem.patients[q]!.tracks, m.service).filter((i) => {
    const o = state.meetings[i];
    if (!o || o.service !== m.service || i === target || o.patients.includes(q) || o.patients.length >= engine.problem.services[o.service]!.maxSize || !changeable(view, i)) return false;
    const [from, to] = span(o);
    return patientBlocker(state, engine.prepared, meetingWith(o, { patients: [...o.patients, q] }), q, target, from, to) === null;
  });
}
