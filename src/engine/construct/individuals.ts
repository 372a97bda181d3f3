/**
 * Individual sessions: one patient, one clinician (the primary therapist when the service says
 * so), in an office or by telehealth, next to the patient's group blocks when possible.
 */
import type { PlacedMeeting } from '../../rules/types.js';
import type { SlotSet } from '../../time/slot-set.js';
import type { CompiledPatient, CompiledService } from '../../compiled/compile.js';
import { SLOT_MINUTES, SLOTS_PER_DAY } from '../../time/week.js';
import { canLeave, chooseRoom, chooseStaff, equip, removePatient, settleHard, tryAdd, tryReplace, type Engine } from '../kernel/engine.js';
import { patientBlocker } from '../kernel/feasible.js';
import { sessionsOf } from '../kernel/tally.js';
import { relieveClinicians, type Relieved } from '../chains/relieve.js';

/** The times patient may take a session of the service: theirs, and their family's too for a family session. */
export function sessionTimes(patient: CompiledPatient, service: CompiledService): SlotSet {
  if (!service.withFamily) return patient.available;
  const times = patient.available.clone();
  times.intersectWith(patient.family);
  return times;
}

/** Individual services patient `p` still needs, with how many. */
export function individualNeeds(engine: Engine, p: number): Array<[number, number]> {
  const needs: Array<[number, number]> = [];
  const want = engine.prepared.patients[p]!.wantSessions;
  for (let s = 0; s < want.length; s++) {
    if (engine.problem.services[s]!.kind !== 'individual' || want[s]! <= 0) continue;
    const missing = want[s]! - sessionsOf(engine, p, s);
    if (missing > 0) needs.push([s, missing]);
  }
  return needs;
}

/**
 * Times at which an individual service found no free staff (bit 1) or no free room (bit 2), per
 * (service, day, start / 5). Valid while meetings are only added (construction): staff and rooms
 * that were busy stay busy, so a time found full is not tried again for the next patient. A
 * change that frees staff or rooms forgets the marks it may have made wrong (`forgetDay`,
 * `forgetService`); forgetting too much only costs time.
 */
export class FullTimes {
  private readonly marks: Uint8Array;
  private readonly services: number;
  constructor(services: number) {
    this.services = services;
    this.marks = new Uint8Array(services * 7 * 288);
  }
  /** Forgets every mark on `day` (a meeting that day was removed: its staff and room are free then). */
  forgetDay(day: number): void {
    for (let s = 0; s < this.services; s++) this.marks.fill(0, (s * 7 + day) * 288, (s * 7 + day + 1) * 288);
  }
  /** Forgets every mark of service `s` (one of its clinicians has hours free all week). */
  forgetService(s: number): void {
    this.marks.fill(0, s * 7 * 288, (s + 1) * 7 * 288);
  }
  /** Forgets every mark of service `s` on `day` (one of its clinicians has hours free that day). */
  forgetServiceDay(s: number, day: number): void {
    this.marks.fill(0, (s * 7 + day) * 288, (s * 7 + day + 1) * 288);
  }
  get(s: number, day: number, start: number): number {
    return this.marks[(s * 7 + day) * 288 + start / 5]!;
  }
  set(s: number, day: number, start: number, bit: number): void {
    this.marks[(s * 7 + day) * 288 + start / 5]! |= bit;
  }
}

/**
 * The days on which patient `p` may take a session of `s`, best first. Days the patient attends
 * come first, those still short of the per-day thresholds (minimum minutes or sessions) before
 * the others (the session helps them), then the fullest (compact weeks). A day the patient does
 * not attend comes only when the session alone meets the thresholds there: a lone session on a
 * day that cannot reach them swaps a missing session for a short day, and leaves the search a
 * day to repair instead of a session to place. `shuffle` (the search) draws the order instead,
 * any day the session may open; `lastResort` keeps the others at the end, so the score can
 * still weigh them (a long family session against a short day).
 */
function candidateDays(engine: Engine, p: number, s: number, shuffle: boolean, lastResort: boolean, only?: readonly number[]): number[] {
  const problem = engine.problem;
  const patient = problem.patients[p]!;
  const limits = engine.prepared.patients[p]!;
  const counts = problem.services[s]!.countsTowardHours;
  // Per day: meetings, counting minutes, counting sessions (scratch: asked for every session placed).
  const meetings = DAY_MEETINGS.fill(0);
  const minutes = DAY_MINUTES.fill(0);
  const sessions = DAY_SESSIONS.fill(0);
  const mine = engine.state.patientMeetings[p]!;
  for (let k = 0; k < mine.length; k++) {
    const m = engine.state.meetings[mine[k]!]!;
    if (m.day < 0 || m.day > 6) continue;
    meetings[m.day]! += 1;
    if (!problem.services[m.service]!.countsTowardHours) continue;
    minutes[m.day]! += m.end - m.start;
    sessions[m.day]! += 1;
  }
  const duration = problem.services[s]!.durationMinutes;
  const alone = !counts ? limits.minDailyMinutes <= 0 && limits.minDailyServices <= 0 : duration >= limits.minDailyMinutes && 1 >= limits.minDailyServices;
  const isOpen = (d: number): boolean => d >= patient.firstDay && d < patient.endDay && d >= 0 && d < 7 && !problem.closedDays[d];
  const days: number[] = [];
  const candidates = only ?? ALL_DAYS;
  for (let k = 0; k < candidates.length; k++) {
    const d = candidates[k]!;
    if (isOpen(d) && (meetings[d]! > 0 || alone)) days.push(d);
  }
  if (shuffle) engine.random.shuffle(days);
  else if (problem.services[s]!.withFamily) {
    // A family session fits the family's evenings, not the patient's group days: the days
    // whose family rooms are least booked first, so that families with one evening free find
    // it open (greedy filling piles the flexible ones onto the first day otherwise).
    const load = DAY_LOAD.fill(0);
    const perDay = engine.state.roomDayMeetings;
    for (const r of problem.services[s]!.eligibleRooms) for (let day = 0; day < 7; day++) load[day]! += perDay[r * 7 + day]!;
    for (let d = 0; d < 7; d++) RANK[d] = dayRank(meetings, minutes, sessions, limits, d);
    sortDays(days, (a, b) => load[a]! - load[b]! || RANK[a]! - RANK[b]! || a - b);
  } else {
    for (let d = 0; d < 7; d++) RANK[d] = dayRank(meetings, minutes, sessions, limits, d);
    sortDays(days, (a, b) => RANK[a]! - RANK[b]! || meetings[b]! - meetings[a]! || a - b);
  }
  if (lastResort) for (const d of candidates) if (isOpen(d) && !days.includes(d)) days.push(d);
  return days;
}

const ALL_DAYS: readonly number[] = [0, 1, 2, 3, 4, 5, 6];
const DAY_MEETINGS = new Int32Array(7);
const DAY_MINUTES = new Int32Array(7);
const DAY_SESSIONS = new Int32Array(7);
const DAY_LOAD = new Float64Array(7);
const RANK = new Int32Array(7);

/** A day the patient does not attend last (2), one short of the per-day thresholds first (0). */
function dayRank(meetings: Int32Array, minutes: Int32Array, sessions: Int32Array, limits: { minDailyMinutes: number; minDailyServices: number }, day: number): number {
  if (meetings[day]! === 0) return 2;
  return minutes[day]! >= limits.minDailyMinutes && sessions[day]! >= limits.minDailyServices ? 1 : 0;
}

/** Sorts a week's days (seven at most) in place, stably, as `Array.prototype.sort` would, without its work array. */
function sortDays(days: number[], compare: (a: number, b: number) => number): void {
  for (let i = 1; i < days.length; i++) {
    const day = days[i]!;
    let j = i - 1;
    while (j >= 0 && compare(days[j]!, day) > 0) {
      days[j + 1] = days[j]!;
      j--;
    }
    days[j + 1] = day;
  }
}

/**
 * Scratch of `placeIndividual` (which is never re-entered): the day's starts the patient is free
 * at, and those in the order they are tried (a list grown afresh each call was most of what
 * placing a session allocated).
 */
const STARTS = new Int32Array(1441);
const ORDER = new Float64Array(1441);
const ASKED_PATIENTS: number[] = [-1];
const ASKED: PlacedMeeting = { id: '', service: 0, track: -1, day: 0, start: 0, end: 0, room: -1, telehealth: false, staff: [], patients: ASKED_PATIENTS, pinned: false };

/** Whether any of `busy` overlaps `[start, end)` (a loop, not a closure a start: millions of starts). */
function overlapsAny(busy: readonly PlacedMeeting[], start: number, end: number): boolean {
  for (let k = 0; k < busy.length; k++) if (busy[k]!.start < end && start < busy[k]!.end) return true;
  return false;
}

/** Sorts the first `count` numbers of `values` ascending, in place (a few hundred at most; no view, no copy). */
function sortPrefix(values: Float64Array, count: number): void {
  for (let i = 1; i < count; i++) {
    const value = values[i]!;
    let j = i - 1;
    while (j >= 0 && values[j]! > value) {
      values[j + 1] = values[j]!;
      j--;
    }
    values[j + 1] = value;
  }
}

/**
 * Places one individual session of service `s` for patient `p`: days the patient already
 * attends first (short ones first), next to their sessions (compact days), then new days where
 * the session alone meets the per-day thresholds (see `candidateDays`). `shuffle` varies the
 * order (for the search); `only` restricts the days. Returns the meeting index or -1.
 */
export function placeIndividual(engine: Engine, p: number, s: number, shuffle: boolean, full?: FullTimes, only?: readonly number[]): number {
  const problem = engine.problem;
  const service = problem.services[s]!;
  const patient = problem.patients[p]!;
  const duration = service.durationMinutes;
  const grid = problem.granularityMinutes;
  const days = candidateDays(engine, p, s, shuffle, shuffle, only);
  let lastCode: string | null = null;
  // Week minute (day * 1440 + start) of the full time `lastCode` was last set for, or -1.
  let fullAt = -1;
  const starts = STARTS;
  // Indexed loops here: for-of iterators were a tenth of what placing a session allocated.
  const mine = engine.state.patientMeetings[p]!;
  for (let d = 0; d < days.length; d++) {
    const day = days[d]!;
    const busy: PlacedMeeting[] = [];
    for (let i = 0; i < mine.length; i++) {
      const m = engine.state.meetings[mine[i]!]!;
      if (m.day === day) busy.push(m);
    }
    let count = 0;
    // Every grid start the patient is free at (most of the day's grid is not). The starts next
    // to the day's sessions are grid starts too (the grid divides the day), and the order below
    // depends only on which starts there are: each is looked at once, in grid order.
    for (let start = 0; start + duration <= 1440; start += grid) {
      const from = day * SLOTS_PER_DAY + start / SLOT_MINUTES;
      if (patient.available.containsRange(from, from + duration / SLOT_MINUTES)) starts[count++] = start;
    }
    // Nearest to the day's sessions first, then earliest (whole minutes both): one number a
    // start, `distance * 2048 + start`, sorted as numbers. A day without sessions keeps the
    // grid's order.
    const order = ORDER;
    for (let k = 0; k < count; k++) {
      const start = starts[k]!;
      let near = Infinity;
      for (let i = 0; i < busy.length; i++) near = Math.min(near, Math.abs(start - busy[i]!.end), Math.abs(busy[i]!.start - start - duration));
      order[k] = busy.length > 0 ? near * 2048 + start : start;
    }
    if (busy.length > 0) sortPrefix(order, count);
    for (let k = 0; k < count; k++) {
      const start = order[k]! % 2048;
      const from = day * SLOTS_PER_DAY + start / SLOT_MINUTES;
      if (overlapsAny(busy, start, start + duration)) {
        lastCode = 'patient-double-booked';
        fullAt = -1;
        continue;
      }
      // Staff are shared by every patient unless the service is primary-only; rooms unless
      // telehealth can stand in (it depends on the patient). A time found full is passed over
      // before the patient's own checks: late in construction most are (at 10,000 patients 185 k
      // of 300 k patient checks were of such times). The cause recorded stays what the checks
      // in their old order would say: see `fullAt`.
      const marks = full ? full.get(s, day, start) : 0;
      if (marks & 1 || (marks & 2 && !(service.telehealth === 'allowed' && patient.telehealth))) {
        lastCode = marks & 1 ? 'staff-availability' : 'room-double-booked';
        fullAt = day * 1440 + start;
        continue;
      }
      // The time asked about, in scratch: most starts are refused by the checks below, and a
      // meeting a start was most of what placing a session allocated. What is placed is a copy.
      const base = ASKED;
      base.service = s;
      base.day = day;
      base.start = start;
      base.end = start + duration;
      base.telehealth = service.telehealth === 'only';
      ASKED_PATIENTS[0] = p;
      const code = patientBlocker(engine.state, engine.prepared, base, p, -1, from, from + duration / SLOT_MINUTES);
      if (code !== null) {
        lastCode = code;
        fullAt = -1;
        continue;
      }
      let equipped: PlacedMeeting | null;
      if (full) {
        const staff = chooseStaff(engine, base, -1, false, shuffle);
        if (!staff) {
          if (!service.primaryOnly) full.set(s, day, start, 1);
          lastCode = 'staff-availability';
          fullAt = -1;
          continue;
        }
        let place: { room: number; telehealth: boolean } | null = marks & 2 ? null : chooseRoom(engine, base, -1, shuffle);
        if (!place && !(marks & 2) && service.telehealth !== 'only') full.set(s, day, start, 2);
        if (!place && service.telehealth === 'allowed' && patient.telehealth) place = { room: -1, telehealth: true };
        equipped = place ? { ...base, patients: [p], room: place.room, telehealth: place.telehealth, staff } : null;
      } else equipped = equip(engine, { ...base, staff: [], patients: [p] }, -1, false, shuffle);
      if (!equipped) {
        lastCode = 'staff-availability';
        fullAt = -1;
        continue;
      }
      const mark = engine.state.mark();
      const hard = engine.state.hardScore();
      const index = tryAdd(engine, equipped);
      if (index >= 0 && settleHard(engine, mark, hard)) return index;
    }
  }
  if (fullAt >= 0) {
    // The last cause was a full time passed over unchecked: the patient's own blocker there, if
    // any, came first (nothing placed since changed the week: failed tries are undone).
    const day = Math.floor(fullAt / 1440);
    const start = fullAt % 1440;
    const from = day * SLOTS_PER_DAY + start / SLOT_MINUTES;
    const base: PlacedMeeting = { id: '', service: s, track: -1, day, start, end: start + duration, room: -1, telehealth: service.telehealth === 'only', staff: [], patients: [p], pinned: false };
    lastCode = patientBlocker(engine.state, engine.prepared, base, p, -1, from, from + duration / SLOT_MINUTES) ?? lastCode;
  }
  if (lastCode !== null) engine.conflicts.blockPatient(patient.id, lastCode);
  return -1;
}

/** How {@link constructIndividuals} chooses and orders the sessions it places. */
export interface IndividualsOrder {
  /** Only the sessions of the patients it accepts (default: every patient). */
  only?: (p: number) => boolean;
  /**
   * Patient by patient (the most constrained patient first, each one's sessions together)
   * instead of session by session across all patients: when the time may run out before the
   * last session, a cut then leaves whole patients served rather than most patients one
   * session short. Default false.
   */
  patientFirst?: boolean;
  /**
   * Gains each patient once placement comes to their sessions (at once when they need none): after
   * a cut, the patients it lacks were never tried (their causes need no placement analysis).
   */
  reached?: Set<number>;
  /**
   * The group meetings a previous call's relief looked at (`relieveClinicians`), gaining this
   * call's: a construction cut into batches relieves only each batch's new groups.
   */
  relieved?: Relieved;
}

/**
 * Places every individual session patients still need (construction); `false` when time ran out.
 *
 * @example
 * ```ts
 * constructIndividuals(engine); // after the groups
 * constructIndividuals(engine, { only: (p) => built.has(p), patientFirst: true }); // a short budget
 * ```
 */
export function constructIndividuals(engine: Engine, order: IndividualsOrder = {}): boolean {
  const { only, patientFirst = false } = order;
  // Clinicians' hours go to the sessions only they may hold: a counsellor free for a group a
  // clinician leads takes it first (../chains/relieve.ts).
  relieveClinicians(engine, order.relieved);
  const full = new FullTimes(engine.problem.services.length);
  // Every (patient, service) need, the one with the fewest possible times first across all
  // patients: a family session that only fits two evenings goes before another patient's
  // individual therapy takes that evening's room. Ties: the scarcest service (fewest staff).
  const needs: Array<{ p: number; s: number; freedom: number; scarcity: number }> = [];
  for (const patient of engine.problem.patients) {
    if (only && !only(patient.index)) continue;
    const patientNeeds = individualNeeds(engine, patient.index);
    if (patientNeeds.length === 0) order.reached?.add(patient.index);
    for (const [s, missing] of patientNeeds) {
      const service = engine.problem.services[s]!;
      const freedom = sessionTimes(patient, service).size();
      for (let i = 0; i < missing; i++) needs.push({ p: patient.index, s, freedom, scarcity: scarcity(engine, s) });
    }
  }
  if (patientFirst) {
    const least = new Map<number, number>();
    for (const need of needs) least.set(need.p, Math.min(least.get(need.p) ?? Infinity, need.freedom));
    needs.sort((a, b) => least.get(a.p)! - least.get(b.p)! || a.p - b.p || a.freedom - b.freedom || a.scarcity - b.scarcity || a.s - b.s);
  } else needs.sort((a, b) => a.freedom - b.freedom || a.scarcity - b.scarcity || a.p - b.p || a.s - b.s);
  const failed = new Set<string>();
  const unplaced: Array<{ p: number; s: number }> = [];
  for (const need of needs) {
    if (engine.budget.spent()) return false;
    order.reached?.add(need.p);
    const key = `${need.p}:${need.s}`;
    if (failed.has(key)) continue;
    if (placeIndividual(engine, need.p, need.s, false, full) < 0) {
      failed.add(key);
      unplaced.push(need);
    }
    engine.state.forgetLog();
  }
  // The repair's work is bounded by a count (not the clock, which would make the timetable
  // depend on the machine): an over-full clinic can leave thousands unplaced.
  let budget = EJECTION_WORK_PER_PATIENT * Math.max(1, Math.sqrt(engine.problem.patients.length));
  for (const { p, s } of unplaced) {
    if (engine.budget.spent() || budget <= 0) return !engine.budget.spent();
    budget -= placeByEjection(engine, p, s, false, full).work;
    engine.state.forgetLog();
  }
  return true;
}

/** Placement attempts the construction's repair may spend, times the square root of the clinic's patients. */
const EJECTION_WORK_PER_PATIENT = 20;

/** Individual sessions tried for eviction per unplaced session (bounds the repair's cost). */
const EJECTION_CANDIDATES = 40;

/**
 * An augmenting path of length one, as in bipartite matching: a session that found no free
 * room or clinician takes the place of another patient's individual session that holds one it
 * could use at a time it could come, and that session moves to another time of its own. Greedy
 * placement, most constrained first, still leaves these when two patients' only times overlap
 * and the one placed first had others.
 */
export function placeByEjection(engine: Engine, p: number, s: number, shuffle = false, full?: FullTimes): { placed: boolean; work: number } {
  const problem = engine.problem;
  const service = problem.services[s]!;
  const patient = problem.patients[p]!;
  const rooms = new Set(service.eligibleRooms);
  const staff = new Set(service.seats.flatMap((seat) => seat.eligibleStaff));
  const times = sessionTimes(patient, service);
  const seen = new Set<number>();
  const candidates: number[] = [];
  const reach = service.durationMinutes / SLOT_MINUTES;
  const consider = (index: number): void => {
    if (seen.has(index)) return;
    seen.add(index);
    const m = engine.state.meetings[index];
    if (!m || m.pinned || m.patients.length !== 1 || m.patients[0] === p || problem.services[m.service]!.kind !== 'individual') return;
    const from = m.day * SLOTS_PER_DAY + m.start / SLOT_MINUTES;
    // Overlaps a time the patient could take (the session may shift within it).
    for (let slot = Math.max(m.day * SLOTS_PER_DAY, from - reach + 1); slot < from + (m.end - m.start) / SLOT_MINUTES; slot++) {
      if (times.containsRange(slot, slot + reach)) {
        candidates.push(index);
        return;
      }
    }
  };
  // The search draws a few at random and comes back often; construction tries more, the
  // sessions of the patients with the most free time first (the likeliest to find another).
  // Either way the rooms' and clinicians' calendars are read only until enough turn up: a
  // network's hundreds of offices hold tens of thousands of sessions.
  const limit = shuffle ? EJECTION_CANDIDATES / 10 : EJECTION_CANDIDATES;
  const enough = (shuffle ? 2 : 4) * limit;
  const calendars = [...[...rooms].map((r) => engine.state.roomMeetings[r]!), ...[...staff].map((member) => engine.state.staffMeetings[member]!)];
  const first = shuffle ? engine.random.int(Math.max(1, calendars.length)) : 0;
  for (let k = 0; k < calendars.length && candidates.length < enough; k++) {
    for (const index of calendars[(first + k) % calendars.length]!) consider(index);
  }
  if (shuffle) engine.random.shuffle(candidates);
  else {
    const freedom = new Map<number, number>();
    for (const index of candidates) freedom.set(index, problem.patients[engine.state.meetings[index]!.patients[0]!]!.available.size());
    candidates.sort((a, b) => freedom.get(b)! - freedom.get(a)! || a - b);
  }
  let work = 0;
  for (let k = 0; k < candidates.length && k < limit; k++) {
    const index = candidates[k]!;
    const evicted = engine.state.meetings[index]!;
    const mark = engine.state.mark();
    engine.state.remove(index);
    full?.forgetDay(evicted.day);
    work += 2;
    // Only the evicted session's day can have gained a place for the patient.
    if (placeIndividual(engine, p, s, shuffle, full, [evicted.day]) >= 0 && placeIndividual(engine, evicted.patients[0]!, evicted.service, shuffle, full) >= 0) return { placed: true, work };
    engine.state.rollback(mark);
    // The patient's session, placed that day and now undone, may have left marks there.
    full?.forgetDay(evicted.day);
  }
  const released = releaseClinician(engine, p, s, staff, limit, full);
  work += released.work;
  if (released.placed) return { placed: true, work };
  work += 4;
  return { placed: placeInGroupHour(engine, p, s, shuffle), work };
}

/**
 * The other way to free a clinician: one who could lead the session but has no hours left (or
 * is busy then) hands one of their group seats to a colleague who is free, and the session is
 * placed in the hours that frees. Groups can often be led by several credentials; a family
 * session only by a few.
 */
function releaseClinician(engine: Engine, p: number, s: number, staff: ReadonlySet<number>, limit: number, full?: FullTimes): { placed: boolean; work: number } {
  const problem = engine.problem;
  let work = 0;
  for (const member of staff) {
    for (const index of [...engine.state.staffMeetings[member]!]) {
      const m = engine.state.meetings[index]!;
      if (m.pinned || problem.services[m.service]!.kind !== 'group') continue;
      if (work >= limit) return { placed: false, work };
      work += 1;
      const handed = chooseStaff(engine, { ...m, staff: m.staff.map((x) => (x === member ? -1 : x)) }, index, true, false, member);
      if (!handed) continue;
      const mark = engine.state.mark();
      const hard = engine.state.hardScore();
      if (!tryReplace(engine, index, { ...m, staff: handed }) || !settleHard(engine, mark, hard)) {
        engine.state.rollback(mark);
        continue;
      }
      if (full) forgetFreed(engine, full, s, m, m.staff.filter((x) => !handed.includes(x)));
      if (placeIndividual(engine, p, s, false, full) >= 0) return { placed: true, work };
      engine.state.rollback(mark);
      // Undone: the colleague who took the seat is free again.
      if (full) forgetFreed(engine, full, s, m, handed.filter((x) => !m.staff.includes(x)));
    }
  }
  return { placed: false, work };
}

/**
 * Forgets the marks of service `s` that staff `freed` from group meeting `m` may have made
 * wrong. Freed, a member is free at `m`'s time and has minutes back on `m`'s day and in the
 * week; a time on another day was full for want of them only if their weekly maximum stood in
 * the way, so the other days keep their marks unless a member was within reach of it (with a
 * margin for a changing clock: an hour either way). Forgetting the whole service after every
 * hand-off re-tried every time of the week, about a quarter of construction at 10,000 patients;
 * the marks kept are of times that still fail, so the timetable is the same.
 */
function forgetFreed(engine: Engine, full: FullTimes, s: number, m: PlacedMeeting, freed: readonly number[]): void {
  const duration = engine.problem.services[s]!.durationMinutes;
  for (const x of freed) {
    const member = engine.problem.staff[x]!;
    // Their week with `m` and the session: past the maximum, a time may have been full for it.
    if (engine.state.staffMinutes[x]! + (m.end - m.start) + duration + 120 > member.maxWeeklyMinutes) {
      full.forgetService(s);
      return;
    }
  }
  if (freed.length > 0) full.forgetServiceDay(s, m.day);
}

/**
 * A patient whose free hours hold no session (every hour of their window is a group) gives up
 * one group hour for the individual session: the hours still count, and the session required
 * is held. In construction only a group hour beyond what the curriculum asks is given up; the
 * search may give up any (the score decides).
 */
function placeInGroupHour(engine: Engine, p: number, s: number, shuffle: boolean): boolean {
  const problem = engine.problem;
  const want = engine.prepared.patients[p]!.wantSessions;
  const groups = engine.state.patientMeetings[p]!.filter((index) => {
    const m = engine.state.meetings[index]!;
    return problem.services[m.service]!.kind === 'group' && canLeave(engine, index) && (shuffle || sessionsOf(engine, p, m.service) > want[m.service]!);
  });
  if (shuffle) engine.random.shuffle(groups);
  for (const index of groups.slice(0, 4)) {
    const day = engine.state.meetings[index]!.day;
    const mark = engine.state.mark();
    removePatient(engine, index, p);
    if (placeIndividual(engine, p, s, shuffle, undefined, [day]) >= 0) return true;
    engine.state.rollback(mark);
  }
  return false;
}

function scarcity(engine: Engine, s: number): number {
  return engine.problem.services[s]!.seats.reduce((sum, seat) => sum + seat.eligibleStaff.length, 0);
}
