/**
 * The timetable the solver changes, as rules read it (a `RuleContext`): meetings with reusable
 * free slots, per-patient, staff and room meeting lists, the staff's minutes, the slot occupancy
 * of staff and rooms and the free-staff and free-room indexes, all kept by one `place`. It marks
 * the subjects each change touched; the scoring and the undo log on top are ./state.ts's.
 */
import type { PlacedMeeting, PreviousWeek, RuleContext } from '../../rules/types.js';
import { meetingMinutes, type CompiledProblem } from '../../compiled/compile.js';
import { SLOTS_PER_WEEK } from '../../time/week.js';
import { FreeTimes } from './free-times.js';
import { slotFrom, slotTo } from './meeting-slots.js';
import { TouchSet } from './touch-set.js';

function removeFrom(list: number[], value: number): void {
  const at = list.lastIndexOf(value);
  if (at < 0) return;
  list[at] = list[list.length - 1]!;
  list.pop();
}

/** Adds `delta` to `owner`'s occupancy of slots `[from, to)`; `free` (when built) follows the slots that empty or fill. */
function occupy(busy: Uint16Array, owner: number, from: number, to: number, delta: number, free: FreeTimes | undefined): void {
  const base = owner * SLOTS_PER_WEEK;
  if (free === undefined) {
    for (let slot = from; slot < to; slot++) busy[base + slot]! += delta;
    return;
  }
  for (let slot = from; slot < to; slot++) {
    const after = (busy[base + slot]! += delta);
    if (delta > 0 && after === 1) free.take(owner, slot);
    else if (delta < 0 && after === 0) free.release(owner, slot);
  }
}

/**
 * The lists, occupancy and indexes of a timetable, kept current by `place`, and the subjects
 * changed since they were last scored (`SolverState` in ./state.ts scores and undoes on top).
 *
 * @example
 * ```ts
 * const state = new SolverState(problem, rules, weights); // a Timetable that also scores
 * state.patientMeetings[0]; // indexes of patient 0's meetings
 * ```
 */
export class Timetable implements RuleContext {
  readonly problem: CompiledProblem;
  readonly meetings: Array<PlacedMeeting | undefined> = [];
  readonly patientMeetings: number[][];
  readonly staffMeetings: number[][];
  readonly roomMeetings: number[][];
  readonly previous: PreviousWeek | undefined;
  /** Minutes each staff member leads this week (kept with the lists, for balanced staffing choices). */
  readonly staffMinutes: Float64Array;
  /** Minutes each staff member leads per day: `[staff * 7 + day]`. */
  readonly staffDayMinutes: Float64Array;
  /**
   * Meetings each room holds per day of the week: `[room * 7 + day]` (kept with the lists). A
   * family session ranks the days by how booked its rooms are; reading every meeting of every
   * eligible room for each session grew with the clinic squared (hundreds of offices at 10,000
   * patients).
   */
  readonly roomDayMeetings: Int32Array;
  /**
   * Occupancy of the week's 5-minute slots (`[staff * SLOTS_PER_WEEK + slot]`, the same for
   * rooms): how many meetings hold the staff member or room then. Whether someone is free is a
   * look at a few slots, not a walk through their whole week, which in a network with hundreds
   * of offices is what placing an individual session costs.
   */
  readonly staffBusy: Uint16Array;
  readonly roomBusy: Uint16Array;
  /** Staff and rooms free per slot (built when first asked: see {@link Timetable.freeStaff}). */
  private staffFree: FreeTimes | undefined;
  private roomFree: FreeTimes | undefined;
  /** Subjects changed since they were last scored. */
  protected readonly touchedMeetings: TouchSet = new TouchSet(64);
  protected readonly touchedPatients: TouchSet;
  protected readonly touchedStaff: TouchSet;
  protected readonly touchedRooms: TouchSet;

  constructor(problem: CompiledProblem, previous: PreviousWeek | undefined) {
    this.problem = problem;
    this.previous = previous;
    this.patientMeetings = problem.patients.map(() => []);
    this.staffMeetings = problem.staff.map(() => []);
    this.roomMeetings = problem.rooms.map(() => []);
    this.staffMinutes = new Float64Array(problem.staff.length);
    this.staffDayMinutes = new Float64Array(problem.staff.length * 7);
    this.roomDayMeetings = new Int32Array(problem.rooms.length * 7);
    this.staffBusy = new Uint16Array(problem.staff.length * SLOTS_PER_WEEK);
    this.roomBusy = new Uint16Array(problem.rooms.length * SLOTS_PER_WEEK);
    this.touchedPatients = new TouchSet(problem.patients.length);
    this.touchedStaff = new TouchSet(problem.staff.length);
    this.touchedRooms = new TouchSet(problem.rooms.length);
  }

  /** Whether a subject changed since it was last scored. */
  protected dirty(): boolean {
    return this.touchedMeetings.items.length + this.touchedPatients.items.length + this.touchedStaff.items.length + this.touchedRooms.items.length > 0;
  }

  /** Forgets the changed subjects (scored, or restored by an undo). */
  protected untouch(): void {
    this.touchedMeetings.clear();
    this.touchedPatients.clear();
    this.touchedStaff.clear();
    this.touchedRooms.clear();
  }

  /**
   * Per slot, the staff members on shift and holding no meeting (built on first use from the
   * occupancy, then kept with it): choosing staff reads it instead of asking every candidate.
   *
   * @example
   * ```ts
   * const free = state.freeStaff().over(from, to); // members free for all of [from, to)
   * ```
   */
  freeStaff(): FreeTimes {
    this.staffFree ??= new FreeTimes(this.problem.staff.length, (s) => this.problem.staff[s]!.available, this.staffBusy);
    return this.staffFree;
  }

  /**
   * {@link Timetable.freeStaff} for rooms: available and holding no meeting.
   *
   * @example
   * ```ts
   * const free = state.freeRooms().over(from, to);
   * ```
   */
  freeRooms(): FreeTimes {
    this.roomFree ??= new FreeTimes(this.problem.rooms.length, (r) => this.problem.rooms[r]!.available, this.roomBusy);
    return this.roomFree;
  }

  /** Indexes of the meetings that exist, ascending. */
  liveMeetings(): number[] {
    const live: number[] = [];
    for (let i = 0; i < this.meetings.length; i++) if (this.meetings[i] !== undefined) live.push(i);
    return live;
  }

  /**
   * Puts `meeting` (or nothing) at `index`, keeping every list, count and index, and marks the
   * subjects touched before and after.
   */
  // Indexed loops and no slot pair: it runs for every change, and iterators were garbage.
  protected place(index: number, meeting: PlacedMeeting | undefined): void {
    const old = this.meetings[index];
    if (old) {
      for (let k = 0; k < old.patients.length; k++) {
        const p = old.patients[k]!;
        removeFrom(this.patientMeetings[p]!, index);
        this.touchedPatients.add(p);
      }
      const from = slotFrom(old);
      const to = slotTo(old);
      for (let k = 0; k < old.staff.length; k++) {
        const s = old.staff[k]!;
        removeFrom(this.staffMeetings[s]!, index);
        this.staffMinutes[s]! -= meetingMinutes(this.problem, old);
        this.staffDayMinutes[s * 7 + old.day]! -= meetingMinutes(this.problem, old);
        occupy(this.staffBusy, s, from, to, -1, this.staffFree);
        this.touchedStaff.add(s);
      }
      if (old.room >= 0) {
        removeFrom(this.roomMeetings[old.room]!, index);
        if (old.day >= 0 && old.day < 7) this.roomDayMeetings[old.room * 7 + old.day]! -= 1;
        occupy(this.roomBusy, old.room, from, to, -1, this.roomFree);
        this.touchedRooms.add(old.room);
      }
    }
    this.meetings[index] = meeting;
    if (meeting) {
      for (let k = 0; k < meeting.patients.length; k++) {
        const p = meeting.patients[k]!;
        this.patientMeetings[p]!.push(index);
        this.touchedPatients.add(p);
      }
      const from = slotFrom(meeting);
      const to = slotTo(meeting);
      for (let k = 0; k < meeting.staff.length; k++) {
        const s = meeting.staff[k]!;
        this.staffMeetings[s]!.push(index);
        this.staffMinutes[s]! += meetingMinutes(this.problem, meeting);
        this.staffDayMinutes[s * 7 + meeting.day]! += meetingMinutes(this.problem, meeting);
        occupy(this.staffBusy, s, from, to, 1, this.staffFree);
        this.touchedStaff.add(s);
      }
      if (meeting.room >= 0) {
        this.roomMeetings[meeting.room]!.push(index);
        if (meeting.day >= 0 && meeting.day < 7) this.roomDayMeetings[meeting.room * 7 + meeting.day]! += 1;
        occupy(this.roomBusy, meeting.room, from, to, 1, this.roomFree);
        this.touchedRooms.add(meeting.room);
      }
    }
    this.touchedMeetings.add(index);
  }
}
