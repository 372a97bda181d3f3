/**
 * Construction: a complete timetable that keeps every hard rule, most constrained first.
 *
 * 1. Per track, the candidate group slots (tiled windows or the template) are filled in week
 *    order: the patients of the track who can come (availability, admission, viable days) are
 *    given the service they need most (or, when its section is full, the next one they need:
 *    cohorts), bucketed by service and homogeneity key, and sectioned
 *    into parallel groups of balanced size, each with staff and a room. Sections that cannot
 *    reach their minimum size are not opened; their patients join another section when they can.
 * 2. Patients still short of hours try the groups of their other tracks.
 * 3. Groups of services no track holds, at the times most of the patients who need them share.
 * 4. Individual sessions (`requires` and curriculum), the most constrained first across all
 *    patients, next to each patient's group blocks, primary therapist first (individuals.ts).
 * 5. While anyone is short, every group time is re-seated exactly (polish.ts).
 * 6. Optional sessions where they improve the score (optional.ts).
 * What cannot be placed stays unplaced, and its blocking rules are counted.
 */
import type { PlacedMeeting } from '../../rules/types.js';
import { SLOT_MINUTES, SLOTS_PER_DAY } from '../../time/week.js';
import { equip, settleHard, tryAdd, tryReplace, type Engine } from '../kernel/engine.js';
import { patientBlocker } from '../kernel/feasible.js';
import { formCohorts } from './cohorts.js';
import { checkedByCatalogue } from './checked.js';
import { constructIndividuals } from './individuals.js';
import { polish } from './polish.js';
import { placeOptional } from './optional.js';
import { groupSlots, trackServices, type GroupSlot } from '../kernel/slots.js';
import { minutesOf, sessionsOf } from '../kernel/tally.js';

function probe(slot: GroupSlot, service: number): PlacedMeeting {
  return { id: '', service, track: slot.track, day: slot.day, start: slot.start, end: slot.start + 0, room: -1, telehealth: false, staff: [], patients: [], pinned: false };
}

/**
 * The meeting `canAttend` asks about, reused: it asks millions of times in a large clinic, and the
 * checks read it only while they run (they keep nothing).
 */
const asked: PlacedMeeting = probe({ track: -1, day: 0, start: 0, end: 0, services: [], ordinal: 0 }, 0);

/** Whether patient `p` could attend service `s` in `slot` as far as the patient is concerned. */
function canAttend(engine: Engine, slot: GroupSlot, s: number, p: number, record: boolean): boolean {
  const duration = engine.problem.services[s]!.durationMinutes;
  asked.service = s;
  asked.track = slot.track;
  asked.day = slot.day;
  asked.start = slot.start;
  asked.end = slot.start + duration;
  const from = slot.day * SLOTS_PER_DAY + slot.start / SLOT_MINUTES;
  const code = patientBlocker(engine.state, engine.prepared, asked, p, -1, from, from + duration / SLOT_MINUTES);
  if (code !== null && record) engine.conflicts.blockPatient(engine.problem.patients[p]!.id, code);
  return code === null;
}

/**
 * Per slot of a track, the first of its services patient `p` can attend there (its position in
 * `slot.services`), or -1: what the patient's reach, viable days and cohort key all read, asked
 * once per slot instead of once for each.
 */
function firstAttendable(engine: Engine, slots: readonly GroupSlot[], p: number): Int32Array {
  const first = new Int32Array(slots.length).fill(-1);
  slots.forEach((slot, k) => {
    for (let i = 0; i < slot.services.length; i++) {
      if (canAttend(engine, slot, slot.services[i]!, p, false)) {
        first[k] = i;
        break;
      }
    }
  });
  return first;
}

/**
 * Days a patient should attend a track: days whose slots the patient can reach (`first`, see
 * `firstAttendable`) can meet the per-day thresholds; when no day can, every day (the shortfall
 * is then reported).
 */
function viableDays(engine: Engine, slots: readonly GroupSlot[], p: number, first: Int32Array): Set<number> {
  const limits = engine.prepared.patients[p]!;
  const minutes = [0, 0, 0, 0, 0, 0, 0];
  const sessions = [0, 0, 0, 0, 0, 0, 0];
  for (let k = 0; k < slots.length; k++) {
    const slot = slots[k]!;
    if (first[k]! < 0) continue;
    const s = slot.services[first[k]!]!;
    minutes[slot.day]! += engine.problem.services[s]!.durationMinutes;
    sessions[slot.day]! += 1;
  }
  const days = new Set<number>();
  for (let day = 0; day < 7; day++) {
    if (sessions[day]! > 0 && minutes[day]! >= limits.minDailyMinutes && sessions[day]! >= limits.minDailyServices) days.add(day);
  }
  if (days.size === 0) for (let day = 0; day < 7; day++) if (sessions[day]! > 0) days.add(day);
  return days;
}

/**
 * The services patient `p` can attend in `slot`, most needed first (curriculum and requires),
 * then the fewest sessions so far, then a rotation by the slot's position; `need` alongside.
 */
function rankedServices(engine: Engine, slot: GroupSlot, p: number, offset = 0): Array<{ service: number; need: number }> {
  const limits = engine.prepared.patients[p]!;
  const ranked: Array<{ service: number; need: number; count: number; turn: number }> = [];
  const n = slot.services.length;
  for (let k = 0; k < n; k++) {
    const s = slot.services[(slot.ordinal + offset + k) % n]!;
    if (!canAttend(engine, slot, s, p, k === 0)) continue;
    const count = sessionsOf(engine, p, s);
    ranked.push({ service: s, need: limits.wantSessions[s]! - count, count, turn: k });
  }
  // By hand (stable, as `sort`): a handful of entries, and `sort` allocated a work array a call
  // (78 MB at 10,000 patients).
  for (let i = 1; i < ranked.length; i++) {
    const entry = ranked[i]!;
    let j = i - 1;
    while (j >= 0 && rankedAfter(ranked[j]!, entry)) {
      ranked[j + 1] = ranked[j]!;
      j--;
    }
    ranked[j + 1] = entry;
  }
  // A session nobody asked for must not use up hours a needed one will want later.
  const best = ranked[0];
  if (best !== undefined && best.need <= 0) {
    const duration = engine.problem.services[best.service]!.durationMinutes;
    if (minutesOf(engine, p) + duration + outstandingMinutes(engine, p) > limits.maxWeeklyMinutes) return [];
  }
  return ranked;
}

/** Whether `a` ranks after `b`: less needed, then more sessions so far, then later in the rotation. */
function rankedAfter(a: { need: number; count: number; turn: number }, b: { need: number; count: number; turn: number }): boolean {
  return (b.need - a.need || a.count - b.count || a.turn - b.turn) > 0;
}

/** Counting minutes of the sessions the patient still needs (curriculum and requires minima). */
function outstandingMinutes(engine: Engine, p: number): number {
  const want = engine.prepared.patients[p]!.wantSessions;
  let total = 0;
  for (let s = 0; s < want.length; s++) {
    if (want[s]! <= 0) continue;
    const service = engine.problem.services[s]!;
    if (!service.countsTowardHours) continue;
    total += Math.max(0, want[s]! - sessionsOf(engine, p, s)) * service.durationMinutes;
  }
  return total;
}

function openSections(engine: Engine, slot: GroupSlot, service: number, members: number[], opened: number[]): number[] {
  const compiled = engine.problem.services[service]!;
  const cap = engine.prepared.sectionCap[service]!;
  const count = Math.ceil(members.length / cap);
  const sections: number[][] = Array.from({ length: count }, () => []);
  const leftover: number[] = [];
  for (const p of members) {
    const avoid = engine.problem.patients[p]!.avoid;
    let target: number[] | undefined;
    for (const section of sections) {
      if (section.length >= cap || section.some((q) => avoid.has(q))) continue;
      if (!target || section.length < target.length) target = section;
    }
    if (target) target.push(p);
    else leftover.push(p);
  }
  const base: PlacedMeeting = { ...probe(slot, service), end: slot.start + compiled.durationMinutes };
  for (const section of sections) {
    let roster = section;
    while (roster.length >= compiled.minSize) {
      const equipped = equip(engine, { ...base, patients: roster }, -1, false, false);
      if (equipped) {
        const mark = engine.state.mark();
        const hard = engine.state.hardScore();
        const index = tryAdd(engine, equipped);
        if (index >= 0 && settleHard(engine, mark, hard)) {
          opened.push(index);
          break;
        }
      }
      // No room that large or no staff: try a smaller section, the rest wait for another one.
      leftover.push(roster[roster.length - 1]!);
      roster = roster.slice(0, -1);
    }
    if (roster.length < compiled.minSize) leftover.push(...roster);
  }
  return leftover;
}

/** Adds `p` to a meeting opened in this slot, when one has room and fits. */
function joinOpened(engine: Engine, opened: readonly number[], p: number): boolean {
  for (const index of opened) {
    const m = engine.state.meetings[index];
    if (!m || m.patients.includes(p)) continue;
    const mark = engine.state.mark();
    const hard = engine.state.hardScore();
    if (tryReplace(engine, index, { ...m, patients: [...m.patients, p] }) && settleHard(engine, mark, hard)) return true;
    const equipped = equip(engine, { ...m, patients: [...m.patients, p] }, index, true, false);
    if (equipped && tryReplace(engine, index, equipped) && settleHard(engine, mark, hard)) return true;
  }
  return false;
}

/**
 * A patient no opened section has room for gets a new section of a full one's service: about
 * half of that section (peers who may share a group with the patient) moves over, so neither
 * falls below the minimum. Without it, a patient whose cohort came out one short of a section
 * misses the slot, and every slot of the week the same way.
 */
function splitOpened(engine: Engine, slot: GroupSlot, opened: number[], p: number): boolean {
  const patients = engine.problem.patients;
  const avoid = patients[p]!.avoid;
  for (const index of opened) {
    const m = engine.state.meetings[index];
    if (!m || m.patients.includes(p) || !canAttend(engine, slot, m.service, p, false)) continue;
    const service = engine.problem.services[m.service]!;
    const keys = engine.prepared.homogeneity[m.service];
    const movable = m.patients.filter((q) => (!keys || keys[q] === keys[p]) && !avoid.has(q) && !patients[q]!.avoid.has(p));
    const moving = Math.min(movable.length, Math.ceil((m.patients.length + 1) / 2) - 1);
    if (moving < service.minSize - 1 || m.patients.length - moving < service.minSize) continue;
    const movers = movable.slice(movable.length - moving);
    const mark = engine.state.mark();
    const hard = engine.state.hardScore();
    engine.state.replace(index, { ...m, patients: m.patients.filter((q) => !movers.includes(q)) });
    const equipped = equip(engine, { ...probe(slot, m.service), end: slot.start + service.durationMinutes, patients: [p, ...movers] }, -1, false, false);
    const added = equipped ? tryAdd(engine, equipped) : -1;
    if (added >= 0 && settleHard(engine, mark, hard)) {
      opened.push(added);
      return true;
    }
    engine.state.rollback(mark);
  }
  return false;
}

/**
 * Opens the sections of one group slot for `patients` (in priority order). With `cohortOf`, the
 * patients of one cohort share sections apart from other cohorts, and each cohort starts its
 * rotation through the services at its own offset (its number).
 */
export function fillSlot(engine: Engine, slot: GroupSlot, patients: readonly number[], cohortOf?: ReadonlyMap<number, number>): void {
  const buckets = new Map<string, { service: number; members: number[] }>();
  const keyOf = (service: number, p: number): string => `${service}\u0000${engine.prepared.homogeneity[service]?.[p] ?? ''}\u0000${cohortOf?.get(p) ?? ''}`;
  for (const p of patients) {
    const ranked = rankedServices(engine, slot, p, cohortOf?.get(p) ?? 0);
    if (ranked.length === 0) continue;
    // Cohorts: when the most needed service's section is full, a patient who also needs another
    // service takes that one now, so one slot holds full sections of different services instead
    // of extra sections of one (which may need staff the slot does not have, such as the only
    // dietitian), and the services rotate between cohorts over the week.
    let choice = ranked[0]!.service;
    for (const { service, need } of ranked) {
      if (need <= 0) break;
      const bucket = buckets.get(keyOf(service, p));
      if (!bucket || bucket.members.length < engine.prepared.sectionCap[service]!) {
        choice = service;
        break;
      }
    }
    const key = keyOf(choice, p);
    let bucket = buckets.get(key);
    if (!bucket) buckets.set(key, (bucket = { service: choice, members: [] }));
    bucket.members.push(p);
  }
  const opened: number[] = [];
  // Services whose sections could not all open here (no staff or room left): their patients
  // try their next service before joining whatever section has room.
  const failed = new Set<number>();
  let waiting: number[] = [];
  for (const bucket of buckets.values()) {
    const left = openSections(engine, slot, bucket.service, bucket.members, opened);
    if (left.length > 0) failed.add(bucket.service);
    waiting.push(...left);
  }
  for (let round = 0; round < 2 && waiting.length > 0; round++) {
    const again = new Map<string, { service: number; members: number[] }>();
    const stay: number[] = [];
    for (const p of waiting) {
      const next = rankedServices(engine, slot, p, cohortOf?.get(p) ?? 0).find((entry) => !failed.has(entry.service));
      if (!next) {
        stay.push(p);
        continue;
      }
      const key = keyOf(next.service, p);
      let bucket = again.get(key);
      if (!bucket) again.set(key, (bucket = { service: next.service, members: [] }));
      bucket.members.push(p);
    }
    if (again.size === 0) break;
    waiting = stay;
    for (const bucket of again.values()) {
      const left = openSections(engine, slot, bucket.service, bucket.members, opened);
      if (left.length > 0) failed.add(bucket.service);
      waiting.push(...left);
    }
  }
  for (const p of waiting) {
    if (!joinOpened(engine, opened, p) && !splitOpened(engine, slot, opened, p)) engine.conflicts.blockPatient(engine.problem.patients[p]!.id, 'group-min-size');
  }
}

/**
 * Tracks most constrained first: those whose groups need the scarcest staff (a dietitian seat
 * a handful of people can fill), then those with the least slack between the group sessions
 * their curriculum asks for and the slots their windows hold. A track filled late finds the
 * scarce people already booked by tracks that had alternatives.
 */
function constructionOrder(problem: Engine['problem']): Engine['problem']['tracks'] {
  const scarcity = problem.tracks.map((track) => {
    let fewest = Infinity;
    for (const s of trackServices(problem, track)) {
      for (const seat of problem.services[s]!.seats) fewest = Math.min(fewest, seat.eligibleStaff.length / Math.max(1, seat.count));
    }
    return fewest;
  });
  const slack = problem.tracks.map((track) => groupSlots(problem, track).length - track.curriculum.reduce((sum, entry) => sum + entry.min, 0));
  return [...problem.tracks].sort((a, b) => scarcity[a.index]! - scarcity[b.index]! || slack[a.index]! - slack[b.index]! || a.index - b.index);
}

/** `patients` (in priority order) re-ordered by counting minutes so far, ascending; stable. */
function fewestMinutesFirst(engine: Engine, patients: readonly number[]): number[] {
  const minutes = new Map(patients.map((p) => [p, minutesOf(engine, p)]));
  return [...patients].sort((a, b) => minutes.get(a)! - minutes.get(b)!);
}

/**
 * Per track, its patients in index order: those whose first track it is, or (`secondary`) those
 * who list it later. One pass over the patients, not one per track (O(tracks x patients)).
 */
function trackMembers(problem: Engine['problem'], secondary: boolean): number[][] {
  const members: number[][] = problem.tracks.map(() => []);
  for (const patient of problem.patients) {
    patient.tracks.forEach((t, k) => {
      if (secondary ? k > 0 && patient.tracks.indexOf(t) === k : k === 0) members[t]?.push(patient.index);
    });
  }
  return members;
}

/**
 * Fills the group slots of every track with the given patients of that track; `done` gains each
 * track whose slots were all filled (a track cut part-way is not done).
 */
function constructGroups(engine: Engine, secondary: boolean, done?: Set<number>): boolean {
  const problem = engine.problem;
  let cohortsSoFar = 0;
  const byTrack = trackMembers(problem, secondary);
  for (const track of constructionOrder(problem)) {
    // A track built in an earlier round (construction cut into rounds: `GROUP_SHARE`).
    if (done?.has(track.index)) continue;
    // Each track first weighs its members against its slots: poll before that too.
    if (engine.budget.spent()) return false;
    const slots = groupSlots(problem, track);
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
function constructFreeGroups(engine: Engine): boolean {
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

/**
 * Share of the time left that the next tracks' groups may use before the patients of the tracks
 * built so far get their individual sessions. Groups first for everyone and individual sessions
 * after serve nobody fully when the time runs out in between; in rounds (groups for some tracks,
 * then their patients' sessions, then more tracks) a cut leaves whole patients served, more of
 * them the more time was given. The sessions take about 1.2 times as long as the groups of the
 * same patients (CPU at 1,000 patients: groups 430 ms, sessions 500 ms), so a round that gives
 * the groups more than 1 / 2.2 of the time left has its sessions cut; 0.4 served 454-466 patients
 * at 3/4 of construction's CPU time where 0.5 served 338-499 and 0.3 served 360. A budget that
 * holds the whole construction never ends a round: the order, and the timetable, are then what
 * they were.
 */
const GROUP_SHARE = 0.4;

/**
 * Time the rest of construction (second tracks, free groups, individual sessions, polish) may
 * take, as a multiple of the first tracks' groups: about 1.2 in profiles at 1,000 patients (CPU:
 * groups 430 ms, the rest 520 ms); 2 for a margin. Below it the individual sessions are placed
 * patient by patient.
 */
const REST_PER_GROUPS = 2;

/**
 * The first tracks' groups in rounds while the budget may not hold them all (see
 * `GROUP_SHARE`). Returns whether every first track was built; when not, the time is spent.
 */
function constructFirstTracks(engine: Engine): boolean {
  const budget = engine.budget;
  const done = new Set<number>();
  const served = new Set<number>();
  const firstTrack = engine.problem.patients.map((patient) => patient.tracks[0]);
  const built = (p: number): boolean => firstTrack[p] === undefined || done.has(firstTrack[p]);
  for (;;) {
    const before = done.size;
    engine.budget = budget.slice(GROUP_SHARE * budget.remainingMs());
    let grouped: boolean;
    try {
      grouped = constructGroups(engine, false, done);
    } finally {
      engine.budget = budget;
    }
    if (grouped) return true;
    // A round that built no track left too little time for one: what is left is the tail.
    if (budget.spent() || done.size === before) return false;
    constructIndividuals(engine, { only: (p) => built(p) && !served.has(p), patientFirst: true });
    engine.state.commit();
    for (let p = 0; p < firstTrack.length; p++) if (built(p)) served.add(p);
  }
}

/**
 * Builds the first complete timetable in `engine.state` (committed). Returns `false` when the
 * time budget ran out first: the timetable is then partial (what was placed keeps every hard
 * rule), and holds whole patients (groups and individual sessions) as far as the time went.
 *
 * @example
 * ```ts
 * const engine = createEngine(compiled, allRules(), new Map(), seed);
 * engine.budget = new Budget({ timeLimitMs: 2000 });
 * const complete = construct(engine); // false: cut, the week holds the patients it completed
 * ```
 */
export function construct(engine: Engine): boolean {
  engine.deferScoring = true;
  try {
    return constructAll(engine);
  } finally {
    engine.deferScoring = false;
    // Ends deferred scoring: every rule is current again for the search.
    engine.state.commit();
  }
}

function constructAll(engine: Engine): boolean {
  const placed = checkedByCatalogue(engine, () => constructPlacements(engine));
  if (placed === 'cut') return false;
  // Polish and the optional sessions compare whole scores and probe with undo (a deferred rule
  // would be evaluated again after every probe): every rule is current from here.
  engine.deferScoring = false;
  engine.state.commit();
  return placed && polish(engine) && placeOptional(engine);
}

/**
 * The groups and individual sessions. `'cut'` when the time ran out before the first tracks'
 * groups were all built; `false` when it ran out later.
 */
function constructPlacements(engine: Engine): boolean | 'cut' {
  const budget = engine.budget;
  const startedAt = budget.now();
  if (!constructFirstTracks(engine)) return 'cut';
  // What is left may not hold the rest (about as long again as the groups took): then the
  // individual sessions go patient by patient, so a cut leaves whole patients served.
  const patientFirst = budget.remainingMs() < REST_PER_GROUPS * (budget.now() - startedAt);
  return constructGroups(engine, true) && constructFreeGroups(engine) && constructIndividuals(engine, { patientFirst });
}
