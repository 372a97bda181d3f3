/**
 * The group phases of construction: every track's group times in week order (tracks most
 * constrained first, their members found in one pass), and the groups of services no track holds.
 */
import type { Engine } from '../kernel/engine.js';
import { groupSlots, trackServices, type GroupSlot } from '../kernel/slots.js';
import { minutesOf, sessionsOf } from '../kernel/tally.js';
import { formCohorts } from './cohorts.js';
import { canAttend, fillSlot, firstAttendable, viableDays } from './seating.js';

/**
 * Tracks most constrained first: those whose groups need the scarcest staff (a dietitian seat
 * a handful of people can fill), then those with the least slack between the group sessions
 * their curriculum asks for and the slots their windows hold. A track filled late finds the
 * scarce people already booked by tracks that had alternatives.
 *
 * @example
 * ```ts
 * for (const track of constructionOrder(engine.problem)) console.log(track.id); // a cut construction goes track by track
 * ```
 */
export function constructionOrder(problem: Engine['problem']): Engine['problem']['tracks'] {
  // Asked once per track when a cut construction goes track by track (0.6 ms a time at 48 tracks).
  const cached = orderCache.get(problem);
  if (cached) return cached;
  const scarcity = problem.tracks.map((track) => {
    let fewest = Infinity;
    for (const s of trackServices(problem, track)) {
      for (const seat of problem.services[s]!.seats) fewest = Math.min(fewest, seat.eligibleStaff.length / Math.max(1, seat.count));
    }
    return fewest;
  });
  const slack = problem.tracks.map((track) => slotsOf(problem, track).length - track.curriculum.reduce((sum, entry) => sum + entry.min, 0));
  const order = [...problem.tracks].sort((a, b) => scarcity[a.index]! - scarcity[b.index]! || slack[a.index]! - slack[b.index]! || a.index - b.index);
  orderCache.set(problem, order);
  return order;
}

const orderCache = new WeakMap<Engine['problem'], Engine['problem']['tracks']>();

/**
 * A track's group slots (`groupSlots`), tiled once per problem: the order, the first tracks'
 * groups and the second tracks' each asked for every track's slots again.
 */
function slotsOf(problem: Engine['problem'], track: Engine['problem']['tracks'][number]): readonly GroupSlot[] {
  let perTrack = slotsCache.get(problem);
  if (!perTrack) slotsCache.set(problem, (perTrack = []));
  return (perTrack[track.index] ??= groupSlots(problem, track));
}

const slotsCache = new WeakMap<Engine['problem'], GroupSlot[][]>();

/** `patients` (in priority order) re-ordered by counting minutes so far, ascending; stable. */
function fewestMinutesFirst(engine: Engine, patients: readonly number[]): number[] {
  const minutes = new Map(patients.map((p) => [p, minutesOf(engine, p)]));
  return [...patients].sort((a, b) => minutes.get(a)! - minutes.get(b)!);
}

/**
 * Per track, its patients in index order: those whose first track it is, or (`secondary`) those
 * who list it later. One pass over the patients, not one per track (O(tracks x patients)), and
 * once per problem: a cut construction builds its tracks one call at a time.
 *
 * @example
 * ```ts
 * const evening = trackMembers(engine.problem, false)[track.index] ?? []; // patients whose first track it is
 * ```
 */
export function trackMembers(problem: Engine['problem'], secondary: boolean): ReadonlyArray<readonly number[]> {
  const cached = membersCache.get(problem)?.[secondary ? 1 : 0];
  if (cached) return cached;
  const members: number[][] = problem.tracks.map(() => []);
  for (const patient of problem.patients) {
    patient.tracks.forEach((t, k) => {
      if (secondary ? k > 0 && patient.tracks.indexOf(t) === k : k === 0) members[t]?.push(patient.index);
    });
  }
  const entry = membersCache.get(problem) ?? [undefined, undefined];
  entry[secondary ? 1 : 0] = members;
  membersCache.set(problem, entry);
  return members;
}

const membersCache = new WeakMap<Engine['problem'], [number[][] | undefined, number[][] | undefined]>();

/**
 * Fills the group slots of every track with the given patients of that track; `done` gains each
 * track whose slots were all filled (a track cut part-way is not done).
 */
export function constructGroups(engine: Engine, secondary: boolean, done?: Set<number>): boolean {
  const problem = engine.problem;
  let cohortsSoFar = 0;
  const byTrack = trackMembers(problem, secondary);
  for (const track of constructionOrder(problem)) {
    // A track built in an earlier round (construction cut into rounds: `GROUP_SHARE`).
    if (done?.has(track.index)) continue;
    // Each track first weighs its members against its slots: poll before that too.
    if (engine.budget.spent()) return false;
    const slots = slotsOf(problem, track);
    if (slots.length === 0) {
      done?.add(track.index);
      continue;
    }
    const members = (byTrack[track.index] ?? []).filter((p) => !secondary || minutesOf(engine, p) < engine.prepared.patients[p]!.minWeeklyMinutes);
    if (members.length === 0) {
      done?.add(track.index);
      continue;
    }
    // Most constrained first: fewest slots the patient can reach.
    const reach = new Map<number, number>();
    const days = new Map<number, Set<number>>();
    const attendable = new Map<number, Int32Array>();
    for (const p of members) {
      if ((p & 63) === 0 && engine.budget.spent()) return false;
      const first = firstAttendable(engine, slots, p);
      attendable.set(p, first);
      reach.set(p, first.reduce((count, i) => count + (i >= 0 ? 1 : 0), 0));
      days.set(p, viableDays(engine, slots, p, first));
    }
    const ordered = [...members].sort((a, b) => reach.get(a)! - reach.get(b)! || a - b);
    // Patients in their first track move through it in cohorts; a second track's groups take
    // patients one by one, to top up hours.
    let cohortOf: Map<number, number> | undefined;
    if (!secondary) {
      const reachable = (p: number): string => slots.map((slot, k) => (days.get(p)!.has(slot.day) && attendable.get(p)![k]! >= 0 ? '1' : '0')).join('');
      cohortOf = formCohorts(engine, slots, ordered, reachable, (s) => engine.prepared.sectionCap[s]!, cohortsSoFar);
      cohortsSoFar += new Set(cohortOf.values()).size;
    }
    for (const slot of slots) {
      if (engine.budget.spent()) return false;
      const here = ordered.filter((p) => days.get(p)!.has(slot.day));
      // Fewest minutes so far first (most constrained first among equals): in a week with fewer
      // seats than hours wanted, the seats go round instead of to the same patients every time,
      // and nobody is left with one day and none of the curriculum.
      const wanting = secondary ? here.filter((p) => minutesOf(engine, p) < engine.prepared.patients[p]!.minWeeklyMinutes) : fewestMinutesFirst(engine, here);
      fillSlot(engine, slot, wanting, cohortOf);
      // Nothing rolls back past a filled slot: forgetting the undo log keeps it small.
      engine.state.forgetLog();
    }
    done?.add(track.index);
  }
  return true;
}

/** Patients considered per round when choosing a time for a group no track holds (the most constrained). */
const FREE_GROUP_SAMPLE = 200;

/**
 * Groups of services that are not track-bound (held at any time, for any eligible patient, such
 * as a multi-family group): round by round, the grid start the most patients who still need the
 * service can attend gets sections, until no start gathers a group's minimum.
 */
export function constructFreeGroups(engine: Engine): boolean {
  const problem = engine.problem;
  const grid = problem.granularityMinutes;
  for (const service of problem.services) {
    if (service.kind !== 'group' || service.trackBound) continue;
    for (let round = 0; round < 64; round++) {
      if (engine.budget.spent()) return false;
      const needing = problem.patients
        .filter((patient) => engine.prepared.patients[patient.index]!.wantSessions[service.index]! > sessionsOf(engine, patient.index, service.index))
        .map((patient) => patient.index);
      if (needing.length < service.minSize) break;
      const size = needing.map((p) => problem.patients[p]!.available.size());
      const sample = needing.map((p, k) => [p, size[k]!] as const).sort((a, b) => a[1] - b[1] || a[0] - b[0]).slice(0, FREE_GROUP_SAMPLE).map(([p]) => p);
      let best: GroupSlot | undefined;
      let bestCount = 0;
      for (let day = 0; day < 7; day++) {
        if (problem.closedDays[day]) continue;
        if (engine.budget.spent()) return false;
        for (let start = 0; start + service.durationMinutes <= 1440; start += grid) {
          const slot: GroupSlot = { track: -1, day, start, end: start + service.durationMinutes, services: [service.index], ordinal: 0 };
          let count = 0;
          for (const p of sample) if (canAttend(engine, slot, service.index, p, false)) count++;
          if (count > bestCount) {
            best = slot;
            bestCount = count;
          }
        }
      }
      if (!best || bestCount < service.minSize) break;
      const before = engine.state.liveMeetings().length;
      fillSlot(engine, best, sample.filter((p) => canAttend(engine, best, service.index, p, false)));
      engine.state.forgetLog();
      if (engine.state.liveMeetings().length === before) break;
    }
  }
  return true;
}
