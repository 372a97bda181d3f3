/**
 * Where each patient could possibly be, service by service: upper bounds that every hard rule
 * respects (availability, track windows and membership, enrolment, closed dates, eligibility,
 * family availability, telehealth policy, staff able to fill the seats, a room able to host).
 * Every pre-solve check reads these bounds, so a check is only as sound as this module: when in
 * doubt it keeps a slot.
 */
import type { CompiledProblem, CompiledService } from '../compiled/compile.js';
import { resolveHoursRules, type ResolvedHoursRules } from '../input/defaults.js';
import { prorateRules } from '../compiled/partial-week.js';
import { SlotSet } from '../time/slot-set.js';
import { SLOT_MINUTES, SLOTS_PER_DAY, SLOTS_PER_WEEK } from '../time/week.js';

/** Shared, lazily filled bounds over one compiled problem. */
export interface Reach {
  readonly problem: CompiledProblem;
  /** Per service: slots where some staff assignment fills every seat (ignoring primary-only). */
  readonly staffable: readonly SlotSet[];
  /** Per service: slots where a room with the features and enough seats for the minimum size is open. */
  readonly roomable: readonly SlotSet[];
  /** Per track: its windows. */
  readonly windows: readonly SlotSet[];
  /** Memo of {@link patientServiceSlots} (the checks ask the same question many times). */
  readonly memo: Map<string, SlotSet>;
  /**
   * Polled by the checks once a patient: when it says stop, they return the findings made so
   * far (each is still a proof; the patients not reached simply have none).
   */
  readonly stop?: () => boolean;
}

/** Maximum matching of seat positions to staff present (Kuhn's augmenting paths; tiny sizes). */
export function seatsFilled(service: CompiledService, present: (staff: number) => boolean): number {
  const positions: Array<readonly number[]> = [];
  for (const seat of service.seats) {
    const eligible = seat.eligibleStaff.filter(present);
    for (let i = 0; i < seat.count; i++) positions.push(eligible);
  }
  const owner = new Map<number, number>();
  const tryAssign = (position: number, seen: Set<number>): boolean => {
    for (const member of positions[position] ?? []) {
      if (seen.has(member)) continue;
      seen.add(member);
      const current = owner.get(member);
      if (current === undefined || tryAssign(current, seen)) {
        owner.set(member, position);
        return true;
      }
    }
    return false;
  };
  let filled = 0;
  for (let position = 0; position < positions.length; position++) if (tryAssign(position, new Set())) filled++;
  return filled;
}

/**
 * Slots at which the set of staff at work changes (and slot 0): between two of them, who is
 * present, and so whether a service can be staffed, stays the same.
 */
function staffBoundaries(problem: CompiledProblem): number[] {
  const changes = new SlotSet();
  changes.addRange(0, 1);
  for (const member of problem.staff) {
    const words = member.available.words;
    for (let slot = 1; slot < SLOTS_PER_WEEK; slot++) {
      const word = words[slot >>> 5] ?? 0;
      // Whole words without a change inside (and none at their first slot) are skipped.
      if ((slot & 31) === 1 && (word === 0 || word === 0xffffffff) && slot + 31 <= SLOTS_PER_WEEK) {
        slot += 30;
        continue;
      }
      if (member.available.has(slot) !== member.available.has(slot - 1)) changes.addRange(slot, slot + 1);
    }
  }
  const boundaries: number[] = [];
  for (let slot = 0; slot < SLOTS_PER_WEEK; slot++) if (changes.has(slot)) boundaries.push(slot);
  return boundaries;
}

function staffableSlots(problem: CompiledProblem, service: CompiledService, boundaries: readonly number[]): SlotSet {
  const set = new SlotSet();
  const candidates = [...new Set(service.seats.flatMap((seat) => seat.eligibleStaff))];
  const memo = new Map<string, boolean>();
  boundaries.forEach((from, i) => {
    const present = candidates.filter((s) => problem.staff[s]!.available.has(from));
    const key = present.join(',');
    let ok = memo.get(key);
    if (ok === undefined) {
      const here = new Set(present);
      ok = seatsFilled(service, (s) => here.has(s)) === service.staffNeeded;
      memo.set(key, ok);
    }
    if (ok) set.addRange(from, boundaries[i + 1] ?? SLOTS_PER_WEEK);
  });
  return set;
}

function roomableSlots(problem: CompiledProblem, service: CompiledService): SlotSet {
  const set = new SlotSet();
  for (const room of service.eligibleRooms) {
    const compiled = problem.rooms[room]!;
    if (compiled.capacity >= service.minSize) set.unionWith(compiled.available);
  }
  return set;
}

/** Computes the per-service bounds of a compiled problem. */
export function buildReach(problem: CompiledProblem): Reach {
  const boundaries = staffBoundaries(problem);
  return {
    problem,
    staffable: problem.services.map((service) => staffableSlots(problem, service, boundaries)),
    roomable: problem.services.map((service) => roomableSlots(problem, service)),
    windows: problem.tracks.map((track) => track.windows),
    memo: new Map(),
  };
}

/** Keeps only the slots inside a run of at least `length` consecutive slots on one day. */
export function fitRuns(set: SlotSet, length: number): SlotSet {
  const fitted = new SlotSet();
  const words = set.words;
  for (let day = 0; day < 7; day++) {
    const end = (day + 1) * SLOTS_PER_DAY;
    let runStart = -1;
    for (let slot = day * SLOTS_PER_DAY; slot <= end; ) {
      let inside: boolean;
      let step = 1;
      if (slot === end) inside = false;
      else if ((slot & 31) === 0 && slot + 32 <= end && (words[slot >>> 5] === 0 || words[slot >>> 5] === 0xffffffff)) {
        // A whole word empty or full at once (most of a week is one or the other).
        inside = words[slot >>> 5] !== 0;
        step = 32;
      } else inside = set.has(slot);
      if (inside && runStart < 0) runStart = slot;
      if (!inside && runStart >= 0) {
        if (slot - runStart >= length) fitted.addRange(runStart, slot);
        runStart = -1;
      }
      slot += step;
    }
  }
  return fitted;
}

/** The slots of the days a patient may attend: enrolled (unless ignored) and not closed. */
export function attendableDays(problem: CompiledProblem, patient: number, ignoreEnrolment = false): SlotSet {
  const compiled = problem.patients[patient]!;
  const set = new SlotSet();
  for (let day = 0; day < 7; day++) {
    if (problem.closedDays[day]) continue;
    if (!ignoreEnrolment && (day < compiled.firstDay || day >= compiled.endDay)) continue;
    set.addRange(day * SLOTS_PER_DAY, (day + 1) * SLOTS_PER_DAY);
  }
  return set;
}

/** Whether the patient's tags pass the service's eligibility. */
export function eligible(problem: CompiledProblem, patient: number, service: number): boolean {
  const s = problem.services[service]!;
  const tags = problem.patients[patient]!.tags;
  return s.requireTags.every((t) => tags.includes(t)) && !s.excludeTags.some((t) => tags.includes(t));
}

/** Options of {@link patientServiceSlots}. */
export interface SlotOptions {
  /** Only this track's windows (track-bound services); default: any of the patient's tracks. */
  track?: number;
  /** Pretend the patient is enrolled all week (to tell a late admission from other causes). */
  ignoreEnrolment?: boolean;
  /** Pretend the patient's own availability is the whole week (to tell it from other causes). */
  ignoreAvailability?: boolean;
}

/**
 * Every slot a meeting of `service` attended by `patient` could cover, whole meetings only:
 * an upper bound over every timetable that keeps the hard rules.
 */
export function patientServiceSlots(reach: Reach, patient: number, service: number, options: SlotOptions = {}): SlotSet {
  return sharedServiceSlots(reach, patient, service, options).clone();
}

/** {@link patientServiceSlots} without the copy: the memoised set itself, which the caller must not change. */
export function sharedServiceSlots(reach: Reach, patient: number, service: number, options: SlotOptions = {}): SlotSet {
  const key = `${patient},${service},${options.track ?? ''},${options.ignoreEnrolment ? 1 : 0},${options.ignoreAvailability ? 1 : 0}`;
  let slots = reach.memo.get(key);
  if (!slots) {
    slots = computeServiceSlots(reach, patient, service, options);
    reach.memo.set(key, slots);
  }
  return slots;
}

function computeServiceSlots(reach: Reach, patient: number, service: number, options: SlotOptions): SlotSet {
  const problem = reach.problem;
  const p = problem.patients[patient]!;
  const s = problem.services[service]!;
  if (!eligible(problem, patient, service)) return new SlotSet();
  const allowed = options.ignoreAvailability ? SlotSet.full() : p.available.clone();
  allowed.intersectWith(attendableDays(problem, patient, options.ignoreEnrolment));
  if (s.trackBound) {
    const tracks = options.track === undefined ? p.tracks : p.tracks.filter((t) => t === options.track);
    const union = new SlotSet();
    for (const track of tracks) union.unionWith(reach.windows[track]!);
    allowed.intersectWith(union);
  }
  if (s.withFamily) allowed.intersectWith(p.family);
  if (s.primaryOnly) {
    const primary = p.primaryStaff;
    if (primary < 0 || !s.seats.some((seat) => seat.eligibleStaff.includes(primary))) return new SlotSet();
    allowed.intersectWith(problem.staff[primary]!.available);
  }
  allowed.intersectWith(reach.staffable[service]!);
  const remote = p.telehealth && s.telehealth !== 'never';
  if (s.telehealth === 'only' && !p.telehealth) return new SlotSet();
  if (!remote) allowed.intersectWith(reach.roomable[service]!);
  return fitRuns(allowed, Math.ceil(s.durationMinutes / SLOT_MINUTES));
}

/** The most lenient requirement targets and the loosest maxima over every track whose rules could apply. */
export function lenientRules(problem: CompiledProblem, patient: number): ResolvedHoursRules {
  const source = problem.source;
  const tracks = problem.patients[patient]!.tracks;
  const all = (tracks.length > 0 ? tracks : [-1]).map((t) =>
    prorateRules(problem, patient, t, resolveHoursRules(source.rules, t >= 0 ? source.tracks[t]?.rules : undefined, source.patients[patient]?.rules)),
  );
  const least = (pick: (r: ResolvedHoursRules) => number | undefined): number | undefined => {
    const values = all.map(pick);
    return values.some((v) => v === undefined) ? undefined : Math.min(...(values as number[]));
  };
  const most = (pick: (r: ResolvedHoursRules) => number | undefined): number | undefined => {
    const values = all.map(pick);
    return values.some((v) => v === undefined) ? undefined : Math.max(...(values as number[]));
  };
  return {
    minWeeklyHours: least((r) => r.minWeeklyHours) ?? 0,
    maxWeeklyHours: most((r) => r.maxWeeklyHours) ?? Infinity,
    minDays: least((r) => r.minDays) ?? 0,
    maxDays: most((r) => r.maxDays) ?? 7,
    maxDailyHours: most((r) => r.maxDailyHours),
    minDailyMinutes: least((r) => r.minDailyMinutes),
    minDailyServices: least((r) => r.minDailyServices),
    // The minimums above are already scaled for a partial week.
    partialWeek: 'full',
  };
}

/** Minutes of a slot set on each day of the week. */
export function minutesByDay(set: SlotSet): number[] {
  const result = [0, 0, 0, 0, 0, 0, 0];
  const words = set.words;
  for (let slot = 0; slot < SLOTS_PER_WEEK; ) {
    const day = Math.floor(slot / SLOTS_PER_DAY);
    if ((slot & 31) === 0 && slot + 32 <= (day + 1) * SLOTS_PER_DAY) {
      // A whole word inside one day: count its bits.
      let word = words[slot >>> 5] ?? 0;
      let bits = 0;
      while (word !== 0) {
        word &= word - 1;
        bits++;
      }
      result[day]! += bits * SLOT_MINUTES;
      slot += 32;
      continue;
    }
    if (set.has(slot)) result[day]! += SLOT_MINUTES;
    slot++;
  }
  return result;
}

/** Most sessions of a service the patient may have this week (curriculum and `requires` maxima), loosest track. */
export function sessionCap(problem: CompiledProblem, patient: number, service: number): number {
  const p = problem.patients[patient]!;
  let trackCap = 0;
  for (const track of p.tracks.length > 0 ? p.tracks : [-1]) {
    const entry = problem.tracks[track]?.curriculum.find((e) => e.service === service);
    trackCap = Math.max(trackCap, entry ? entry.max : Infinity);
  }
  let cap = trackCap;
  for (const entry of p.requires) if (entry.service === service) cap = Math.min(cap, entry.max);
  return cap;
}

/** A patient's reachable week: per-day upper bounds on counting minutes and sessions, and attendable days. */
export interface PatientBound {
  /** Upper bound on counting minutes per day. */
  dayMinutes: number[];
  /** Upper bound on counting sessions per day. */
  daySessions: number[];
  /** Whether any service (counting or not) could be attended that day. */
  dayPossible: boolean[];
  /** Upper bound on counting minutes in the week. */
  weekMinutes: number;
}

/** Upper bounds on what any timetable can give `patient`. */
export function patientBound(reach: Reach, patient: number, options: SlotOptions = {}): PatientBound {
  const problem = reach.problem;
  const rules = lenientRules(problem, patient);
  const union = new SlotSet();
  const any = new SlotSet();
  const capped = [0, 0, 0, 0, 0, 0, 0];
  let cappedWeek = 0;
  let shortest = Infinity;
  for (const service of problem.services) {
    const slots = patientServiceSlots(reach, patient, service.index, options);
    any.unionWith(slots);
    if (!service.countsTowardHours) continue;
    const cap = sessionCap(problem, patient, service.index);
    if (cap <= 0) continue;
    union.unionWith(slots);
    const byDay = minutesByDay(slots);
    const capMinutes = cap * service.durationMinutes;
    byDay.forEach((minutes, day) => (capped[day]! += Math.min(minutes, capMinutes)));
    cappedWeek += Math.min(byDay.reduce((a, b) => a + b, 0), capMinutes);
    if (byDay.some((m) => m > 0)) shortest = Math.min(shortest, service.durationMinutes);
  }
  const dailyMax = rules.maxDailyHours === undefined ? Infinity : Math.round(rules.maxDailyHours * 60);
  const dayMinutes = minutesByDay(union).map((minutes, day) => Math.min(minutes, capped[day]!, dailyMax));
  const daySessions = dayMinutes.map((minutes) => (shortest === Infinity ? 0 : Math.floor(minutes / shortest)));
  const top = [...dayMinutes].sort((a, b) => b - a).slice(0, Math.max(0, Math.floor(rules.maxDays)));
  const weekMinutes = Math.min(
    top.reduce((a, b) => a + b, 0),
    cappedWeek,
    rules.maxWeeklyHours === Infinity ? Infinity : Math.round(rules.maxWeeklyHours * 60),
  );
  return { dayMinutes, daySessions, dayPossible: minutesByDay(any).map((m) => m > 0), weekMinutes };
}
