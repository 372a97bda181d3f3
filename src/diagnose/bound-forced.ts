/**
 * Whole sections for the bound's staff and room cuts: where every patient of a track must sit in
 * one of the track's groups at the same time, the groups held then are whole (ceil(patients / size)
 * of them), not the fraction 1 / size per patient that `servedBound` otherwise counts. Twenty-two evening
 * patients whose 540 minutes of groups fill their 540 minutes of window need two groups every hour
 * of it, 1,080 staff-minutes a week and not 990.
 *
 * Proof that the cost below is a lower bound. Let a patient p have one track k, and let G be p's
 * certain needs of single track-bound services (curriculum and `requires` minima), F the union of
 * their slots. If the minutes of G add up to |F| (in minutes), p, once fully served, is in a
 * meeting of a G service at every slot of F: those meetings lie inside F, p attends one at a time,
 * and they need all of F. Track-bound meetings of p are meetings of track k (p has no other), held
 * for track k's patients. So at each slot t of the intersection C of such patients' F sets, if x of
 * them are served, track k holds at least ceil(x / g) meetings at t, g the largest group any of
 * their services can seat, and each takes at least `seats` of the pool for the whole of t (the
 * least over those services): staff pools, its seats filled from the pool; room pools, a room of
 * the pool of its own (room-double-booked), worth that room's seats in the pool's supply whoever
 * attends, so at least the seats of the smallest room the service may use; a service that may be
 * held by telehealth needs no room and counts 0. The pool spends at least |C| x seats x ceil(x / g)
 * of its minutes on track k's meetings in C. Counted by service instead: each patient attends at
 * least n_s meetings of service s, all inside F, each of at most g_s patients, so track k holds at
 * least ceil(x n_s / g_s) of them, each its duration times its pool seats long; whichever of the
 * two counts is larger. Those minutes serve no other need counted in the cut, because the cut
 * leaves out every track-bound need of every patient who may meet in track k (`servedBound`
 * zeroes their rates), and the patients' other needs are other meetings, led by staff and held in
 * rooms one meeting at a time. Together with the linear count (each need at its rate), whichever
 * is larger, the cost of serving x of them is at least `cost(x)`; the smallest total of the
 * others' demands over any x of them is the sum of the x smallest.
 *
 * The bound then takes, instead of each patient's demand, the lower convex hull of `cost` (its
 * segments, in increasing cost per patient): the linear relaxation of choosing how many of a
 * track to serve, whose greedy is exact and never below any whole choice.
 *
 * Time-indexed: a cut over a stretch T that holds only part of C (an evening, an hour of it)
 * counts the sections over C ∩ T alone. The argument above holds slot by slot: at each slot of
 * C ∩ T the x served patients are in ceil(x / g) meetings of track k, so the pool spends at least
 * |C ∩ T| x seats x ceil(x / g) of its minutes inside T on them; the per-service count needs every
 * meeting inside T and is left out. An evening where every clinician but one goes home at 19:00
 * then counts two groups from 19:00 to 20:00, where the week's minutes averaged them away.
 */
import { SlotSet } from '../time/slot-set.js';
import { SLOT_MINUTES } from '../time/week.js';

/** The parts of a patient class the forced-slot test reads. */
export interface ForcedNeed {
  services: readonly number[];
  minutes: number;
  slots: SlotSet;
  sessions?: { count: number; slots: number };
}

/** Patients of one track who are in a group at every slot of `slots` once fully served. */
export interface Forced {
  track: number;
  slots: SlotSet;
  /** The track-bound services of those needs. */
  services: readonly number[];
  /** Per service of `services` (same order), the sessions each patient attends at least. */
  sessions: readonly number[];
}

/**
 * The slots where a patient with `needs` and compiled `tracks` is in a track-bound meeting
 * throughout, once fully served (see the module comment); undefined where none are certain.
 *
 * @example
 * ```ts
 * const forced = forcedSlots(needs, patient.tracks, (s) => compiled.services[s]!.trackBound);
 * ```
 */
export function forcedSlots(needs: readonly ForcedNeed[], tracks: readonly number[], trackBound: (service: number) => boolean): Forced | undefined {
  if (tracks.length !== 1) return undefined;
  const slots = new SlotSet();
  const services: number[] = [];
  const sessions: number[] = [];
  let minutes = 0;
  for (const need of needs) {
    const service = need.services[0];
    if (need.sessions === undefined || need.services.length !== 1 || service === undefined || !trackBound(service)) continue;
    slots.unionWith(need.slots);
    services.push(service);
    sessions.push(need.sessions.count);
    minutes += need.minutes;
  }
  if (minutes === 0 || minutes < slots.size() * SLOT_MINUTES) return undefined;
  return { track: tracks[0]!, slots, services, sessions };
}

/**
 * Whether every slot of `inner` is in `outer`.
 *
 * @example
 * ```ts
 * within(forced.slots, period.slots);
 * ```
 */
export function within(inner: SlotSet, outer: SlotSet): boolean {
  for (let i = 0; i < inner.words.length; i++) if ((inner.words[i]! & ~(outer.words[i] ?? 0)) !== 0) return false;
  return true;
}

/** A class of a forced block in one cut: its size, its demand without and with its own groups. */
export interface BlockMember {
  count: number;
  /** Demand of its needs other than track-bound ones. */
  other: number;
  /** Its whole demand, each need at its rate (what the cut counts without sections). */
  full: number;
}

/** Patients counted alike by the cut's greedy: `count` of them, `demand` each. */
export interface BoundItem {
  demand: number;
  count: number;
}

/** Whole meetings of one service of a block: `sessions` per patient, at most `size` each, `minutes` of pool staff each. */
export interface ServiceMeetings {
  sessions: number;
  size: number;
  minutes: number;
}

/**
 * The items one forced block adds to a cut: the segments of the lower convex hull of the cost of
 * serving x of its patients, `sectionMinutes` pool-minutes per whole section of at most `size`
 * at every forced slot, or whole meetings of each service (`meetings`), whichever costs more.
 *
 * @example
 * ```ts
 * blockItems([{ count: 22, other: 30, full: 75 }], 540, 12); // 2 sections: 1,080 + 22 x 30
 * ```
 */
export function blockItems(members: readonly BlockMember[], sectionMinutes: number, size: number, meetings: readonly ServiceMeetings[] = []): BoundItem[] {
  const n = members.reduce((sum, m) => sum + m.count, 0);
  const others = expand(members, (m) => m.other);
  const fulls = expand(members, (m) => m.full);
  const cost = new Array<number>(n + 1).fill(0);
  let other = 0;
  let full = 0;
  for (let x = 1; x <= n; x++) {
    other += others[x - 1]!;
    full += fulls[x - 1]!;
    const byService = meetings.reduce((sum, m) => sum + m.minutes * Math.ceil((x * m.sessions) / m.size), 0);
    cost[x] = Math.max(full, other + Math.max(sectionMinutes * Math.ceil(x / size), byService));
  }
  // Lower convex hull from (0, 0): a stack of points whose slopes increase.
  const hull: number[] = [0];
  for (let x = 1; x <= n; x++) {
    while (hull.length >= 2) {
      const a = hull[hull.length - 2]!;
      const b = hull[hull.length - 1]!;
      if ((cost[b]! - cost[a]!) * (x - b) < (cost[x]! - cost[b]!) * (b - a)) break;
      hull.pop();
    }
    hull.push(x);
  }
  const items: BoundItem[] = [];
  for (let i = 1; i < hull.length; i++) {
    const a = hull[i - 1]!;
    const b = hull[i]!;
    items.push({ count: b - a, demand: (cost[b]! - cost[a]!) / (b - a) });
  }
  return items;
}

/** Each member's value, once per patient, smallest first. */
function expand(members: readonly BlockMember[], value: (m: BlockMember) => number): number[] {
  const sorted = [...members].sort((a, b) => value(a) - value(b));
  const result: number[] = [];
  for (const m of sorted) for (let i = 0; i < m.count; i++) result.push(value(m));
  return result;
}

/** Classes of patients the blocks are made of: forced ones say how many patients each track has. */
export interface BlockClass {
  forced?: Forced;
  byTrack?: Map<number, number>;
}

/** Patients of one track in a group throughout `slots` inside a cut. */
export interface Block<C> {
  /** The forced classes with patients in the track, and how many. */
  classes: Map<C, number>;
  /** Minutes of the slots all of them are in a group. */
  minutes: number;
  services: readonly number[];
  /** Per service of `services`, the sessions every one of them attends at least (0 each where the block is not `whole`). */
  sessions: readonly number[];
  /** Whether the classes' forced slots all lie inside the stretch: only then are whole meetings of each service counted. */
  whole: boolean;
}

/**
 * A period's forced blocks by track: the classes in a group throughout slots inside `slots`, the
 * slots all of them share, and the sessions of each service all of them attend. A track none of
 * whose classes is forced wholly inside `slots` gets a block of the classes forced somewhere in
 * it, over the part of their common slots inside `slots` (time-indexed; see the module comment).
 *
 * @example
 * ```ts
 * for (const [track, block] of blocksOf(classes, period.slots)) console.log(track, block.minutes);
 * ```
 */
export function blocksOf<C extends BlockClass>(touching: readonly C[], slots: SlotSet): Map<number, Block<C>> {
  const whole = new Map<number, Gathered<C>>();
  const partial = new Map<number, Gathered<C>>();
  for (const group of touching) {
    const forced = group.forced;
    if (!forced || !group.byTrack) continue;
    const inside = within(forced.slots, slots);
    const part = inside ? forced.slots : overlap(forced.slots, slots);
    if (part === undefined) continue;
    for (const [track, count] of group.byTrack) gather(inside ? whole : partial, track, group, count, part, forced);
  }
  const blocks = new Map<number, Block<C>>();
  for (const [track, b] of whole) {
    const services = [...b.services];
    // What every class attends: the fewest sessions of each service over them (0 where one has none).
    const sessions = services.map((s) => Math.min(...b.sessions.map((byService) => byService.get(s) ?? 0)));
    blocks.set(track, { classes: b.classes, minutes: b.common.size() * SLOT_MINUTES, services, sessions, whole: true });
  }
  for (const [track, b] of partial) {
    if (blocks.has(track)) continue;
    const services = [...b.services];
    blocks.set(track, { classes: b.classes, minutes: b.common.size() * SLOT_MINUTES, services, sessions: services.map(() => 0), whole: false });
  }
  return blocks;
}

/** One track's forced classes in a period, gathered: their counts, common slots and sessions. */
interface Gathered<C> {
  classes: Map<C, number>;
  common: SlotSet;
  services: Set<number>;
  sessions: Array<Map<number, number>>;
}

function gather<C>(byTrack: Map<number, Gathered<C>>, track: number, group: C, count: number, slots: SlotSet, forced: Forced): void {
  const known = byTrack.get(track);
  if (!known) {
    byTrack.set(track, { classes: new Map([[group, count]]), common: slots.clone(), services: new Set(forced.services), sessions: [sessionsOf(forced)] });
    return;
  }
  known.classes.set(group, count);
  known.common.intersectWith(slots);
  for (const s of forced.services) known.services.add(s);
  known.sessions.push(sessionsOf(forced));
}

/** The slots of `a` also in `b`; undefined where they share none. */
function overlap(a: SlotSet, b: SlotSet): SlotSet | undefined {
  const result = a.clone();
  result.intersectWith(b);
  return result.size() === 0 ? undefined : result;
}

function sessionsOf(forced: Forced): Map<number, number> {
  const result = new Map<number, number>();
  forced.services.forEach((s, i) => result.set(s, (result.get(s) ?? 0) + forced.sessions[i]!));
  return result;
}
