/**
 * Individual sessions: one patient, one clinician (the primary therapist when the service says
 * so), in an office or by telehealth, next to the patient's group blocks when possible.
 */
import type { PlacedMeeting } from '../../rules/types.js';
import type { SlotSet } from '../../time/slot-set.js';
import type { CompiledPatient, CompiledService } from '../../compiled/compile.js';
import { SLOT_MINUTES, SLOTS_PER_DAY } from '../../time/week.js';
import { chooseRoom, chooseStaff, equip, settleHard, tryAdd, type Engine } from '../kernel/engine.js';
import { patientBlockerOf } from '../kernel/needs.js';
import { sessionsOf } from '../kernel/tally.js';
import { candidateDays } from './candidate-days.js';
import type { FullTimes } from './full-times.js';
import { meetingWith } from '../../compiled/meetings.js';

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
 *
 * @example
 * ```ts
 * const index = placeIndividual(engine, p, s, false, full); // construction: best time first
 * placeIndividual(engine, p, s, true, undefined, [day]); // the search: a random order, one day
 * ```
 */
export function placeIndividual(engine: Engine, p: number, s: number, shuffle: boolean, full?: FullTimes, only?: readonly number[]): number {
  const problem = engine.problem;
  const service = problem.services[s]!;
  const patient = problem.patients[p]!;
  const duration = service.durationMinutes;
  const days = candidateDays(engine, p, s, shuffle, shuffle, only);
  let lastCode: string | null = null;
  // Week minute (day * 1440 + start) of the full time `lastCode` was last set for, or -1.
  let fullAt = -1;
  // Indexed loops here: for-of iterators were a tenth of what placing a session allocated.
  const mine = engine.state.patientMeetings[p]!;
  for (let d = 0; d < days.length; d++) {
    const day = days[d]!;
    const busy: PlacedMeeting[] = [];
    for (let i = 0; i < mine.length; i++) {
      const m = engine.state.meetings[mine[i]!]!;
      if (m.day === day) busy.push(m);
    }
    const count = orderStarts(engine, patient.available, busy, day, duration);
    for (let k = 0; k < count; k++) {
      // As an int32: a double here made every meeting's start a double field (a second map for
      // every meeting, and the fast checks and rules deoptimised on it).
      const start = (ORDER[k]! % 2048) | 0;
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
      const code = patientBlockerOf(engine, ask(engine, p, s, day, start), p, -1);
      if (code !== null) {
        lastCode = code;
        fullAt = -1;
        continue;
      }
      const equipped = equipAsked(engine, p, marks, shuffle, full);
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
  // The last cause was a full time passed over unchecked: the patient's own blocker there, if
  // any, came first (nothing placed since changed the week: failed tries are undone).
  if (fullAt >= 0) lastCode = patientBlockerOf(engine, ask(engine, p, s, Math.floor(fullAt / 1440), fullAt % 1440), p, -1) ?? lastCode;
  if (lastCode !== null) engine.conflicts.blockPatient(patient.id, lastCode);
  return -1;
}

/**
 * Fills `ORDER` with the grid starts of `day` at which `available` holds the whole session, in
 * the order they are tried, and returns how many: nearest to the day's sessions (`busy`) first,
 * then earliest (whole minutes both), one number a start, `distance * 2048 + start`, sorted as
 * numbers. A day without sessions keeps the grid's order. The starts next to the day's sessions
 * are grid starts too (the grid divides the day), so each start is looked at once.
 */
function orderStarts(engine: Engine, available: SlotSet, busy: readonly PlacedMeeting[], day: number, duration: number): number {
  const grid = engine.problem.granularityMinutes;
  let count = 0;
  // Only the starts within the day's available span can fit: most patients are free a few hours
  // of a day, and asking every grid start of the day was orderStarts' whole cost (a tenth of a
  // cold 1,000-patient construction's placements). Same starts, same order.
  const dayFrom = day * SLOTS_PER_DAY;
  const first = duration > 0 ? (available.firstIn(dayFrom, dayFrom + SLOTS_PER_DAY) - dayFrom) * SLOT_MINUTES : 0;
  const last = duration > 0 ? (available.endIn(dayFrom, dayFrom + SLOTS_PER_DAY) - dayFrom) * SLOT_MINUTES : 1440;
  for (let start = Math.ceil(first / grid) * grid; start + duration <= last; start += grid) {
    const from = day * SLOTS_PER_DAY + start / SLOT_MINUTES;
    if (available.containsRange(from, from + duration / SLOT_MINUTES)) STARTS[count++] = start;
  }
  for (let k = 0; k < count; k++) {
    const start = STARTS[k]!;
    let near = Infinity;
    for (let i = 0; i < busy.length; i++) near = Math.min(near, Math.abs(start - busy[i]!.end), Math.abs(busy[i]!.start - start - duration));
    ORDER[k] = busy.length > 0 ? near * 2048 + start : start;
  }
  if (busy.length > 0) sortPrefix(ORDER, count);
  return count;
}

/**
 * The session asked about, in scratch (`ASKED`): most starts are refused by the checks, and a
 * meeting a start was most of what placing a session allocated. What is placed is a copy.
 */
function ask(engine: Engine, p: number, s: number, day: number, start: number): PlacedMeeting {
  const service = engine.problem.services[s]!;
  ASKED.service = s;
  ASKED.day = day;
  ASKED.start = start;
  ASKED.end = start + service.durationMinutes;
  ASKED.telehealth = service.telehealth === 'only';
  ASKED_PATIENTS[0] = p;
  return ASKED;
}

/**
 * The session `ASKED` with a clinician and a room (or telehealth), or null. With `full`, the
 * time is marked full of staff (bit 1) or rooms (bit 2) for the next patient when it is: a
 * primary-only service's staff depend on the patient, so its staff are never marked.
 */
function equipAsked(engine: Engine, p: number, marks: number, shuffle: boolean, full: FullTimes | undefined): PlacedMeeting | null {
  const base = ASKED;
  if (!full) return equip(engine, meetingWith(base, { staff: [], patients: [p] }), -1, false, shuffle);
  const service = engine.problem.services[base.service]!;
  const staff = chooseStaff(engine, base, -1, false, shuffle);
  if (!staff) {
    if (!service.primaryOnly) full.set(base.service, base.day, base.start, 1);
    return null;
  }
  let place: { room: number; telehealth: boolean } | null = marks & 2 ? null : chooseRoom(engine, base, -1, shuffle);
  if (!place && !(marks & 2) && service.telehealth !== 'only') full.set(base.service, base.day, base.start, 2);
  if (!place && service.telehealth === 'allowed' && engine.problem.patients[p]!.telehealth) place = { room: -1, telehealth: true };
  return place ? meetingWith(base, { patients: [p], room: place.room, telehealth: place.telehealth, staff }) : null;
}
