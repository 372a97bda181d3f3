/**
 * The second half of re-seating one time (./resection.ts): given who may sit there and what each
 * seat gains them, every way of giving the rooms a kind of section (or none) is seated exactly
 * by an assignment (./assignment.ts), with leaders chosen for its sections and as many
 * individual sessions as clinicians and offices are left for; the best layout is returned.
 */
import type { PlacedMeeting } from '../../rules/types.js';
import { assign } from './assignment.js';
import { roomFree, staffFree, type Engine } from '../kernel/engine.js';
import { findStaffChain, type StaffChain } from './restaff.js';
import { FreeTimes } from '../kernel/free-times.js';
import { meetingSlots } from '../kernel/meeting-slots.js';
import { sectionSeats } from '../kernel/availability.js';

/** Individual sessions a time may add, per service. */
const MAX_INDIVIDUALS = 4;
/** Free leaders looked at per section. */
const LEADER_CANDIDATES = 12;
/** Value units: a minute of shortfall outweighs any number of sections, a section any tie-break. */
const PER_MINUTE = 1000;
const PER_SECTION = 100;
const KEEP_SEAT = 1;

/** One time of one track: its day, and its start and end in minutes after midnight. */
export interface Time {
  track: number;
  day: number;
  start: number;
  end: number;
}

export interface Section {
  room: number;
  service: number;
  /** The homogeneity key every member shares (null: the service mixes anyone). */
  key: string | null;
  leader: number;
  /** The staff chain that frees the leader (null: free already). */
  chain: StaffChain | null;
}

/** What a room may hold: a service and, for a service that keeps groups homogeneous, whose key. */
export interface Kind {
  service: number;
  key: string | null;
}

/** The best layout found: its sections and the bin of each candidate (-1 out, then sections, then individual services). */
export interface Layout {
  value: number;
  sections: Section[];
  bins: number[];
}

/** Patients who may be seated at the time, with what each kind of seat gains them. */
export interface Seating {
  candidates: number[];
  /** Group services the time may hold. */
  services: number[];
  /** Missing individual sessions, as probes at this time (one per individual service). */
  individualProbes: PlacedMeeting[];
  /** `gains[i][k]`: requirement shortfall candidate i loses with option k (services, then individual probes); null: not allowed. */
  gains: Array<Array<number | null>>;
  /** Room and service each candidate held here before (room * services + service), for ties. */
  seatedBefore: Map<number, number>;
  /** The individual service each candidate was seen in here before, for ties. */
  sessionBefore: Map<number, number>;
}

/** A meeting of the time's track at the time (ending at `end`). */
export function meetingAt(time: Time, service: number, end: number, room: number, staff: number[], patients: number[]): PlacedMeeting {
  return { id: '', service, track: time.track, day: time.day, start: time.start, end, room, telehealth: false, staff, patients, pinned: false };
}

/**
 * What `staffFree` answers for one re-seating, asked once per member and meeting: every layout
 * weighed asks about the same clinicians at the same time, and nothing is placed while they are
 * weighed. With the free-staff index answering no for the booked, a 10,000-patient construction
 * and 1,620 re-seatings after it asked `staffFree` 302,392 times instead of 2,905,224. Keyed by
 * the meeting asked about (a section's service, or an individual probe); `taken` is the
 * caller's, applied on top as `staffFree` applies it first.
 */
class FreeStaffAnswers {
  private readonly answers = new Map<number, { known: Int8Array; onShiftAndFree: Uint32Array }>();
  constructor(private readonly engine: Engine) {}

  /** `staffFree(engine, s, m, -1, taken)`, with `key` naming `m` among the meetings asked about. */
  free(key: number, s: number, m: PlacedMeeting, taken: readonly number[]): boolean {
    if (taken.includes(s)) return false;
    let entry = this.answers.get(key);
    if (!entry) {
      // Most of a large clinic's clinicians are booked or off shift at any one time: the
      // free-staff index answers no for them without asking `staffFree` (a copy: `over` shares
      // its result array between calls).
      const [from, to] = meetingSlots(m);
      entry = { known: new Int8Array(this.engine.problem.staff.length), onShiftAndFree: this.engine.state.freeStaff().over(from, to).slice() };
      this.answers.set(key, entry);
    }
    const { known } = entry;
    if (known[s] === 0) known[s] = FreeTimes.has(entry.onShiftAndFree, s) && staffFree(this.engine, s, m, -1, []) ? 1 : 2;
    return known[s] === 1;
  }
}

/**
 * Leaders for `sections` (distinct, free or freed by a staff chain), preferring who cannot see
 * patients one to one, then who is free without a chain, then who led here before.
 */
function chooseLeaders(engine: Engine, time: Time, sections: Section[], individualStaff: Uint8Array, ledBefore: ReadonlySet<number>, chained: ReadonlyMap<number, StaffChain>, answers: FreeStaffAnswers): boolean {
  const taken: number[] = [];
  for (const section of sections) {
    const service = engine.problem.services[section.service]!;
    const eligible = service.seats[0]!.eligibleStaff;
    // A section's room is not asked about: whether its leader is free depends on the time alone.
    const probe = meetingAt(time, section.service, time.end, section.room, [], []);
    let best = -1;
    let bestFree = false;
    let bestRank = Infinity;
    let seen = 0;
    const offset = eligible.length === 0 ? 0 : engine.random.int(eligible.length);
    for (let k = 0; k < eligible.length && seen < LEADER_CANDIDATES; k++) {
      const s = eligible[(offset + k) % eligible.length]!;
      const free = answers.free(section.service, s, probe, taken);
      if (!free && (taken.includes(s) || !chained.has(s))) continue;
      seen += 1;
      const rank = (individualStaff[s] === 1 ? 4 : 0) + (free ? 0 : 2) + (ledBefore.has(s) ? 0 : 1);
      if (rank < bestRank) {
        best = s;
        bestFree = free;
        bestRank = rank;
      }
    }
    if (best < 0) return false;
    section.leader = best;
    section.chain = bestFree ? null : chained.get(best)!;
    taken.push(best);
  }
  return true;
}

/** Chains looked for per re-seating: each is a breadth-first search over the clinicians' seats. */
const MAX_CHAINS = 2;

/**
 * Group leaders who are not free at the time (another meeting, or their daily or weekly hours
 * spent) but whom a staff chain would free, when they cannot see patients one to one: leading a
 * section, they let a colleague who can take a missing individual session instead. A few.
 */
function chainedLeaders(engine: Engine, time: Time, services: readonly number[], individualStaff: Uint8Array): Map<number, StaffChain> {
  const chained = new Map<number, StaffChain>();
  const tried = new Set<number>();
  for (const s of services) {
    const probe = meetingAt(time, s, time.start + engine.problem.services[s]!.durationMinutes, -1, [-1], []);
    for (const member of engine.problem.services[s]!.seats[0]!.eligibleStaff) {
      if (chained.size >= MAX_CHAINS || tried.size >= LEADER_CANDIDATES) return chained;
      if (tried.has(member) || individualStaff[member] === 1 || staffFree(engine, member, probe, -1, [])) continue;
      tried.add(member);
      const chain = findStaffChain(engine, probe, 0, false, member);
      if (chain) chained.set(member, chain);
    }
  }
  return chained;
}

/**
 * Every way of giving each room a kind of section (or none), each seated exactly; the best.
 * Layouts are seated in the order of an upper bound on their value (the candidates who gain most,
 * no more of them than there are seats, each in the seat they gain most from; minima ignored),
 * and the seating stops at the first whose bound cannot beat the best found: on the 10-patient
 * reference about two layouts in three never reach the assignment, in the over-full 40-patient
 * one about one in five. With `mustChange`, a layout holding the services the time held before
 * (the same number of each, in whatever rooms) is left out: the first half of a compound step
 * (../moves/paired-resection.ts) that must change the time's mix of services.
 *
 * @example
 * ```ts
 * // resection.ts, once the time's sections are taken apart and the gains probed:
 * const layout = bestLayout(engine, time, before, rooms, kinds, seating);
 * if (layout) applyLayout(engine, time, plan, seating, layout);
 * ```
 */
export function bestLayout(
  engine: Engine,
  time: Time,
  before: readonly PlacedMeeting[],
  rooms: readonly number[],
  kinds: readonly Kind[],
  seating: Seating,
  mustChange = false,
): Layout | null {
  const problem = engine.problem;
  const { individualProbes, candidates } = seating;
  const individualStaff = new Uint8Array(problem.staff.length);
  for (const probe of individualProbes) for (const x of problem.services[probe.service]!.seats[0]!.eligibleStaff) individualStaff[x] = 1;
  const weighed: Weighed = {
    time,
    rooms,
    kinds,
    seating,
    individualStaff,
    ledBefore: new Set(before.map((m) => m.staff[0]!)),
    chained: individualProbes.length > 0 ? chainedLeaders(engine, time, seating.services, individualStaff) : new Map<number, StaffChain>(),
    // What each candidate gains from a seat of each kind, and from each individual session.
    kindValues: candidates.map((_, i) => kinds.map((kind) => seatValue(engine, seating, i, kind))),
    sessionValues: candidates.map((p, i) => individualProbes.map((probe, k) => sessionValue(seating, i, k, p, probe.service))),
    answers: new FreeStaffAnswers(engine),
    // Free offices per individual probe, counted up to the most sessions a time adds: no layout
    // changes them (its sections are not placed while it is weighed).
    offices: individualProbes.map((probe) => countUpTo(problem.services[probe.service]!.eligibleRooms, MAX_INDIVIDUALS, (r) => roomFree(engine, r, probe, -1))),
  };
  const layouts = boundedLayouts(engine, weighed, mustChange ? before.map((m) => m.service) : null);
  // Of equal values, the first in enumeration order wins, as if every layout were seated.
  let best: (Layout & { order: number }) | null = null;
  for (const { choice, bound, order } of layouts) {
    if (best !== null && bound < best.value) break;
    if (best !== null && bound === best.value && order > best.order) continue;
    const seated = seatLayout(engine, weighed, choice);
    if (seated === null) continue;
    const { value, sections, bins } = seated;
    if (!best || value > best.value || (value === best.value && order < best.order)) best = { value, sections, bins, order };
  }
  return best;
}

/** What every layout of one re-seating is weighed with (see {@link bestLayout}). */
interface Weighed {
  time: Time;
  rooms: readonly number[];
  kinds: readonly Kind[];
  seating: Seating;
  /** Staff who may see patients one to one in one of the individual probes' services (1). */
  individualStaff: Uint8Array;
  /** Who led the time's sections before. */
  ledBefore: ReadonlySet<number>;
  /** Leaders a staff chain would free (see `chainedLeaders`). */
  chained: ReadonlyMap<number, StaffChain>;
  /** `kindValues[i][k]`: what candidate i gains from a seat of kind k (null: not allowed). */
  kindValues: Array<Array<number | null>>;
  /** `sessionValues[i][k]`: what candidate i gains from individual probe k (null: not allowed). */
  sessionValues: Array<Array<number | null>>;
  answers: FreeStaffAnswers;
  /** Free offices per individual probe, up to `MAX_INDIVIDUALS`. */
  offices: number[];
}

/**
 * Every way of giving each room a kind of section (or none) with at least one section, and an
 * upper bound on its value, best bound first (a stable sort: enumeration order among equals).
 * With `held` (the services the time held), a layout holding the same services is left out.
 */
function boundedLayouts(engine: Engine, weighed: Weighed, held: readonly number[] | null): Array<{ choice: number[]; bound: number; order: number }> {
  const { rooms, kinds, kindValues, sessionValues } = weighed;
  const { individualProbes, candidates } = weighed.seating;
  const layouts: Array<{ choice: number[]; bound: number; order: number }> = [];
  const choice = new Array<number>(rooms.length).fill(-1);
  const enumerate = (r: number): void => {
    if (r < rooms.length) {
      for (let k = -1; k < kinds.length; k++) {
        choice[r] = k;
        enumerate(r + 1);
      }
      return;
    }
    let sections = 0;
    let seats = individualProbes.length * MAX_INDIVIDUALS;
    choice.forEach((k, r) => {
      if (k < 0) return;
      sections += 1;
      seats += sectionSeats(engine, kinds[k]!.service, rooms[r]!);
    });
    if (sections === 0) return;
    if (held !== null && sameServices(choice.filter((k) => k >= 0).map((k) => kinds[k]!.service), held)) return;
    // No more candidates than seats are seated, each at most in the seat they gain most from.
    const most = candidates.map((_, i) => {
      let value = 0;
      // Any seat may be the one the candidate keeps: its tie-break counts everywhere here.
      for (const k of choice) if (k >= 0 && kindValues[i]![k] !== null) value = Math.max(value, kindValues[i]![k]! + KEEP_SEAT);
      for (const session of sessionValues[i]!) value = Math.max(value, session ?? 0);
      return value;
    });
    if (most.length > seats) most.sort((a, b) => b - a);
    let bound = -sections * PER_SECTION;
    for (let i = 0; i < Math.min(seats, most.length); i++) bound += most[i]!;
    layouts.push({ choice: choice.slice(), bound, order: layouts.length });
  };
  enumerate(0);
  layouts.sort((a, b) => b.bound - a.bound);
  return layouts;
}

/**
 * One layout (`choice`: the kind each room holds, -1 none) seated exactly: leaders chosen, then
 * the assignment of candidates to its sections and individual sessions. Null when no leaders
 * can be found or a section's minimum cannot be met.
 */
function seatLayout(engine: Engine, weighed: Weighed, choice: readonly number[]): Layout | null {
  const problem = engine.problem;
  const { time, rooms, kinds, seating, kindValues, sessionValues, answers, offices } = weighed;
  const { individualProbes, candidates } = seating;
  const sections: Section[] = [];
  const chosen: number[] = [];
  choice.forEach((k, r) => {
    if (k < 0) return;
    sections.push({ room: rooms[r]!, service: kinds[k]!.service, key: kinds[k]!.key, leader: -1, chain: null });
    chosen.push(k);
  });
  if (!chooseLeaders(engine, time, sections, weighed.individualStaff, weighed.ledBefore, weighed.chained, answers)) return null;
  const leaders = sections.map((x) => x.leader);
  const capacity = sections.map((x) => sectionSeats(engine, x.service, x.room));
  const minimum = sections.map((x) => problem.services[x.service]!.minSize);
  individualProbes.forEach((probe, k) => {
    // As many sessions as there are clinicians (not leading here) and offices free then.
    const service = problem.services[probe.service]!;
    const key = -1 - k;
    const staff = countUpTo(service.seats[0]!.eligibleStaff, MAX_INDIVIDUALS, (s) => answers.free(key, s, probe, leaders));
    capacity.push(Math.min(staff, offices[k]!));
    minimum.push(0);
  });
  const values = candidates.map((p, i) => [
    ...sections.map((x, j) => (kindValues[i]![chosen[j]!] === null ? null : kindValues[i]![chosen[j]!]! + (seating.seatedBefore.get(p) === x.room * problem.services.length + x.service ? KEEP_SEAT : 0))),
    ...sessionValues[i]!,
  ]);
  const result = assign({ values, capacity, minimum });
  if (!result.minimaMet) return null;
  return { value: result.value - sections.length * PER_SECTION, sections, bins: result.bins };
}

/** Whether two lists hold the same services the same number of times. */
function sameServices(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  const sorted = (xs: readonly number[]): string => [...xs].sort((x, y) => x - y).join(',');
  return sorted(a) === sorted(b);
}

/** What candidate `i` gains from a seat in a section of `kind` (null: not allowed), before the tie-break for keeping their seat. */
function seatValue(engine: Engine, seating: Seating, i: number, kind: Kind): number | null {
  const gain = seating.gains[i]![seating.services.indexOf(kind.service)];
  if (gain === null || gain === undefined) return null;
  if (kind.key !== null && engine.prepared.homogeneity[kind.service]![seating.candidates[i]!] !== kind.key) return null;
  return gain * PER_MINUTE;
}

/** What candidate `i` (patient `p`) gains from individual probe `k`, with the tie-break for keeping their session. */
function sessionValue(seating: Seating, i: number, k: number, p: number, service: number): number | null {
  const gain = seating.gains[i]![seating.services.length + k];
  if (gain === null || gain === undefined) return null;
  return gain * PER_MINUTE + (seating.sessionBefore.get(p) === service ? KEEP_SEAT : 0);
}

/** How many of `items` pass `test`, counting no further than `limit`. */
function countUpTo(items: readonly number[], limit: number, test: (item: number) => boolean): number {
  let count = 0;
  for (const item of items) {
    if (count >= limit) break;
    if (test(item)) count += 1;
  }
  return count;
}
