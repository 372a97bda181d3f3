/**
 * An upper bound on the patients any timetable can fully serve, from the problem alone: a
 * relaxation that keeps, one at a time, a single shared resource (seats of a set of rooms, minutes
 * of a set of staff) over a single stretch of the week, and lets everything else be free.
 *
 * Proof that {@link servedBound} is at least the optimum. Take any timetable that keeps the hard
 * rules and let S be the patients it fully serves. Each p in S attends, for every service s it
 * certainly needs (`requiredServices`), at least `need(p, s)` minutes of s meetings, all inside
 * `P(p, s)` = `patientServiceSlots` (an upper bound over every such timetable) and never two at
 * once (patient-double-booked). Fix a cut: a pool of rooms or of staff and a set of slots T.
 * - Outside T, p can attend at most |P(p, s) \ T| minutes of s, and at most the minutes of the union
 *   of its P sets outside T on each day, capped by its daily maximum (patient-max-daily-hours, hard)
 *   when every service counted toward hours. A need of one service is met by whole sessions, each
 *   inside P(p, s), so outside T it has at most its sessions times the most minutes one session
 *   placed inside P(p, s) can have outside T. So inside T it attends at least `need` minus what the
 *   most expensive services could take outside T: `demand(p, cut)`, computed greedily, which is
 *   the exact minimum of that small fractional problem.
 * - A room hosts one meeting at a time (room-double-booked) of at most min(capacity, max size)
 *   patients (room-capacity, group-max-size): a pool's room-minutes inside T, each weighted by the
 *   room's seats, cover every in-person minute of its services there. A staff member leads one
 *   meeting at a time within their availability and daily and weekly maxima (all hard), and every
 *   seat whose eligible staff all lie in the pool is filled from the pool: the pool's staff-minutes
 *   inside T cover those seats' minutes, at most `size` patients per meeting.
 * So the demands of S fit the cut's supply. The largest number of patients whose demands fit is
 * found by taking the smallest demands first (the exchange argument of the cardinality knapsack),
 * plus the patients with no demand in the cut; S can be no larger. Patients `diagnose` proves
 * impossible, and those whose needs exceed their own P sets, are in no S. The bound is the
 * smallest over every cut tried: each is an upper bound, so their minimum is.
 *
 * Staff cuts count whole sections where a track's patients must all be in its groups at once
 * (./bound-forced.ts, with its own proof): their cost is at least the linear count above.
 *
 * It ignores what ties the resources together (the room and the staff of one meeting, time
 * windows of the staff against those of the rooms, minimum group sizes, homogeneity), so it may be
 * loose; it is never below what a timetable achieves.
 */
import type { CompiledProblem, CompiledService } from '../compiled/compile.js';
import { SlotSet } from '../time/slot-set.js';
import { SLOT_MINUTES } from '../time/week.js';
import { buildReach, lenientRules, sessionCap, sharedServiceSlots, type Reach } from './reach.js';
import { enrolled, requiredServices, sessionsByService } from './required.js';
import type { BoundCut, ServedBound } from './types.js';
import { intersects, periods } from './bound-periods.js';
import { sessionOutside } from './bound-sessions.js';
import { groupSize, outsideByDay, pools, type Pool } from './bound-pools.js';
import { blockItems, blocksOf, forcedSlots, type Block, type BlockMember, type BoundItem, type Forced, type ServiceMeetings } from './bound-forced.js';

/**
 * One certain need of a patient: minutes of one of `services`, only inside `slots`. A `requires`
 * or curriculum minimum names one service; the weekly hours beyond those minima name every
 * counting service the patient can reach (any of them may give the minutes).
 */
interface Need {
  services: readonly number[];
  minutes: number;
  slots: SlotSet;
  /** A need of one service: its sessions, each `slots` 5-minute slots long and whole. */
  sessions?: { count: number; slots: number };
}

/** Patients with the same needs, reach and daily cap: the bound treats them alike. */
interface PatientClass {
  count: number;
  needs: Need[];
  remote: boolean;
  dailyCap: number;
  union: SlotSet;
  /** The patients' tracks (compiled indexes; of any of them), and where they are in a group throughout (./bound-forced.ts). */
  tracks: readonly number[];
  forced?: Forced;
  /** Forced classes: how many of the patients are in each track (a class may span tracks with equal windows). */
  byTrack?: Map<number, number>;
}

function counting(problem: CompiledProblem): (service: number) => boolean {
  return (service) => problem.services[service]!.countsTowardHours;
}

/** Groups the patients who may be served into classes; counts those who cannot. */
function patientClasses(problem: CompiledProblem, reach: Reach, excluded: ReadonlySet<number>): { classes: PatientClass[]; unservable: number; free: number } {
  const byKey = new Map<string, PatientClass>();
  let unservable = 0;
  let free = 0;
  const idOf = interner();
  // The daily cap depends on the tracks and the patient's own rules only: computed once per track list.
  const capByTracks = new Map<string, number>();
  const dailyCapOf = (index: number): number => {
    const own = problem.source.patients[index]?.rules !== undefined;
    const key = problem.patients[index]!.tracks.join(',');
    const known = own ? undefined : capByTracks.get(key);
    if (known !== undefined) return known;
    const maxDaily = lenientRules(problem, index).maxDailyHours;
    const cap = maxDaily === undefined ? Infinity : Math.round(maxDaily * 60);
    if (!own) capByTracks.set(key, cap);
    return cap;
  };
  problem.patients.forEach((patient, index) => {
    if (excluded.has(index)) {
      unservable += 1;
      return;
    }
    const needs = enrolled(problem, index) ? needsOf(problem, reach, index) : [];
    if (needs.length === 0) {
      free += 1;
      return;
    }
    const dailyCap = dailyCapOf(index);
    // A patient whose needs do not fit their own reach is served by no timetable.
    const union = new SlotSet();
    for (const need of needs) union.unionWith(need.slots);
    const alone: PatientClass = { count: 1, needs, remote: patient.telehealth, dailyCap, union, tracks: patient.tracks };
    if (needs.some((need) => need.services.length === 0) || demandOf(alone, outsideOf(alone, new SlotSet()), () => 1, counting(problem)) > 0) {
      unservable += 1;
      return;
    }
    // A class may span tracks with equal windows: it answers for all of its patients' tracks.
    const forced = forcedSlots(needs, patient.tracks, (s) => problem.services[s]!.trackBound);
    const key = `${forced ? 'f' : ''}|${patient.telehealth ? 1 : 0}|${dailyCap}|${needs.map((n) => `${n.services.join('+')}:${n.minutes}:${idOf(n.slots)}`).join('|')}`;
    const known = byKey.get(key);
    if (!known) byKey.set(key, forced ? { ...alone, forced, byTrack: new Map([[forced.track, 1]]) } : alone);
    else {
      known.count += 1;
      if (patient.tracks.some((t) => !known.tracks.includes(t))) known.tracks = [...new Set([...known.tracks, ...patient.tracks])];
      if (forced) known.byTrack?.set(forced.track, (known.byTrack.get(forced.track) ?? 0) + 1);
    }
  });
  return { classes: [...byKey.values()], unservable, free };
}

/** A patient's certain needs: the required sessions, then the weekly minutes they leave. */
function needsOf(problem: CompiledProblem, reach: Reach, index: number): Need[] {
  const needs: Need[] = [];
  let countedMinutes = 0;
  // A service both required and in the curriculum: the same sessions count toward both minima.
  for (const [serviceIndex, min] of sessionsByService(requiredServices(problem, index))) {
    const service = problem.services[serviceIndex]!;
    const minutes = min * service.durationMinutes;
    if (service.countsTowardHours) countedMinutes += minutes;
    const sessions = { count: min, slots: service.durationMinutes / SLOT_MINUTES };
    needs.push({ services: [serviceIndex], minutes, slots: sharedServiceSlots(reach, index, serviceIndex), sessions });
  }
  const weekly = Math.round(lenientRules(problem, index).minWeeklyHours * 60);
  if (weekly > countedMinutes) {
    const slots = new SlotSet();
    const services: number[] = [];
    for (const service of problem.services) {
      if (!service.countsTowardHours || sessionCap(problem, index, service.index) <= 0) continue;
      const reachable = sharedServiceSlots(reach, index, service.index);
      if (reachable.size() === 0) continue;
      services.push(service.index);
      slots.unionWith(reachable);
    }
    needs.push({ services, minutes: weekly - countedMinutes, slots });
  }
  return needs;
}

/** Numbers equal slot sets alike: a hash of the words, then a comparison within the bucket. */
function interner(): (set: SlotSet) => number {
  const buckets = new Map<number, Array<{ set: SlotSet; id: number }>>();
  let next = 0;
  return (set) => {
    let hash = 2166136261;
    for (const word of set.words) hash = Math.imul(hash ^ word, 16777619);
    const bucket = buckets.get(hash) ?? [];
    const found = bucket.find((entry) => entry.set.words.every((word, i) => word === set.words[i]));
    if (found) return found.id;
    bucket.push({ set, id: next });
    buckets.set(hash, bucket);
    return next++;
  };
}

/** Where one class of patients could be outside a period: the most minutes of each need, and of all. */
interface Outside {
  /** Per need, minutes of its slots outside the period. */
  perNeed: number[];
  /** Minutes of the union of the needs' slots outside the period, each day capped by the daily maximum. */
  capped: number;
  /** The same, uncapped. */
  total: number;
}

function outsideOf(group: PatientClass, slots: SlotSet): Outside {
  const perNeed = group.needs.map((need) => {
    const minutes = outsideByDay(need.slots, slots).reduce((a, b) => a + b, 0);
    // Whole sessions: each has at most its best placement's minutes outside (./bound-sessions.ts).
    if (need.sessions === undefined || minutes === 0) return minutes;
    return Math.min(minutes, need.sessions.count * sessionOutside(need.slots, slots, need.sessions.slots) * SLOT_MINUTES);
  });
  const byDay = outsideByDay(group.union, slots);
  return {
    perNeed,
    capped: byDay.reduce((sum, minutes) => sum + Math.min(minutes, group.dailyCap), 0),
    total: byDay.reduce((a, b) => a + b, 0),
  };
}

/**
 * Resource-minutes one patient of `group` must use inside a period: its needs weighted by `rate`,
 * less what could be attended outside (`outside`), the most expensive needs sent outside first.
 * The union of all needs' slots stands for the union of the weighted ones: a superset, so the
 * room outside is over-estimated and the demand never above the true minimum.
 */
function demandOf(group: PatientClass, outside: Outside, rate: (service: number) => number, counting: (service: number) => boolean): number {
  const items: Array<{ rate: number; inside: number; outside: number }> = [];
  let allCount = true;
  let reachable = 0;
  group.needs.forEach((need, k) => {
    // Minutes any of several services may give cost at least the cheapest of them.
    const r = need.services.length === 0 ? 0 : Math.min(...need.services.map(rate));
    if (r <= 0) return;
    if (!need.services.every(counting)) allCount = false;
    reachable += outside.perNeed[k]!;
    items.push({ rate: r, inside: need.minutes, outside: outside.perNeed[k]! });
  });
  if (items.length === 0) return 0;
  let spare = Math.min(reachable, allCount ? outside.capped : outside.total);
  items.sort((a, b) => b.rate - a.rate);
  let demand = 0;
  for (const item of items) {
    const away = Math.min(item.inside, item.outside, spare);
    spare -= away;
    demand += item.rate * (item.inside - away);
  }
  return demand;
}

/**
 * An upper bound on the patients any timetable that keeps the hard rules can fully serve (every
 * requirement met); see the module comment for the proof. `impossible` holds patient indexes
 * already proven unservable (e.g. by `diagnose`'s findings); it may be empty.
 *
 * @example
 * ```ts
 * const compiled = compileProblem(assertValidProblem(problem));
 * const bound = servedBound(compiled);
 * console.log(`${bound.patients} of ${bound.total} patients at most`, bound.binding?.pool);
 * ```
 */
export function servedBound(problem: CompiledProblem, impossible: ReadonlySet<number> = new Set(), reach: Reach = buildReach(problem)): ServedBound {
  const { classes, unservable, free } = patientClasses(problem, reach, impossible);
  const total = problem.patients.length;
  const servable = total - unservable;
  let best: { patients: number; cut: BoundCut } | undefined;
  const allPools = pools(problem);
  const counts = counting(problem);
  for (const period of periods(problem)) {
    const touching = classes.filter((c) => intersects(c.union, period.slots));
    if (touching.length === 0) continue;
    const outside = touching.map((group) => outsideOf(group, period.slots));
    const blocks = blocksOf(touching, period.slots);
    for (const pool of allPools) {
      const items = cutItems(problem, pool, touching, outside, blocks, counts);
      if (items.length === 0) continue;
      const supply = pool.supply(period.slots);
      const needing = items.reduce((sum, item) => sum + item.count, 0);
      const demanded = items.reduce((sum, item) => sum + item.demand * item.count, 0);
      if (demanded <= supply) continue;
      items.sort((a, b) => a.demand - b.demand);
      let left = supply;
      let fitting = 0;
      for (const item of items) {
        // A tiny tolerance: rates are fractions, and a patient exactly at the limit still fits.
        const take = Math.min(item.count, Math.floor(left / item.demand + 1e-9));
        fitting += take;
        left -= take * item.demand;
        if (take < item.count) break;
      }
      const patients = servable - needing + fitting;
      if (best && patients >= best.patients) continue;
      best = {
        patients,
        cut: {
          resource: pool.resource,
          pool: pool.label,
          members: pool.members.length,
          period: period.label,
          supplyMinutes: Math.round(supply),
          demandMinutes: Math.round(demanded),
          patientsNeeding: needing,
          patientsFitting: fitting,
        },
      };
    }
  }
  const patients = Math.min(servable, best?.patients ?? servable);
  const bound: ServedBound = { patients, total, unservable, free };
  if (best && best.patients < servable) bound.binding = best.cut;
  return bound;
}

/**
 * What each patient touching a cut must use of `pool` there: one item per class, except where a
 * track's patients must all be in its groups at once, whose classes give whole sections instead.
 */
function cutItems(problem: CompiledProblem, pool: Pool, touching: readonly PatientClass[], outside: readonly Outside[], blocks: Map<number, Block<PatientClass>>, counts: (service: number) => boolean): BoundItem[] {
  const active = new Map<number, { block: Block<PatientClass>; sectionMinutes: number; size: number; meetings: ServiceMeetings[]; members: BlockMember[] }>();
  const seatsOf = (s: number): number => (pool.seats === undefined ? 0 : pool.seats(problem.services[s]!));
  for (const [track, block] of blocks) {
    const seats = Math.min(...block.services.map(seatsOf));
    const size = Math.max(...block.services.map((s) => groupSize(problem, problem.services[s]!)));
    const meetings = block.services
      .map((s, i) => ({ sessions: block.sessions[i]!, size: groupSize(problem, problem.services[s]!), minutes: problem.services[s]!.durationMinutes * seatsOf(s) }))
      .filter((m) => m.sessions > 0 && m.minutes > 0);
    const sectionMinutes = block.minutes * seats;
    if (sectionMinutes > 0 || meetings.length > 0) active.set(track, { block, sectionMinutes, size, meetings, members: [] });
  }
  const items: BoundItem[] = [];
  touching.forEach((group, k) => {
    const rate = (s: number): number => pool.rate(problem.services[s]!, group.remote);
    if (!group.tracks.some((t) => active.has(t))) {
      const full = demandOf(group, outside[k]!, rate, counts);
      if (full > 0) items.push({ demand: full, count: group.count });
      return;
    }
    // The track's sections are counted whole below: its track-bound needs are left out here.
    const other = demandOf(group, outside[k]!, (s) => (problem.services[s]!.trackBound ? 0 : rate(s)), counts);
    let rest = group.count;
    let full: number | undefined;
    for (const block of active.values()) {
      const count = block.block.classes.get(group);
      if (count === undefined) continue;
      full ??= demandOf(group, outside[k]!, rate, counts);
      block.members.push({ count, other, full });
      rest -= count;
    }
    // Patients of the class in tracks without a block here: their track-bound needs left out too.
    if (rest > 0 && other > 0) items.push({ demand: other, count: rest });
  });
  for (const { sectionMinutes, size, meetings, members } of active.values()) items.push(...blockItems(members, sectionMinutes, size, meetings));
  return items;
}
