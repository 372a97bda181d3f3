/**
 * One change under test by the hard rules' fast checks (DESIGN section 11: each hard rule's fast
 * incremental check lives beside its rule, `Rule.fast`): meeting `m` as it would be after the
 * change, in place of the meeting at `replacing` (-1 for a new one), against the rest of a
 * timetable and the solver's lookup tables. Below both the rules (they read it) and the engine
 * (it fills it), beside the compiled problem.
 *
 * The loads (a staff member's or patient's other meetings, summed once) are what most checks of
 * one person share; a probe computes each at most once per person and change, so splitting the
 * checks into one function a rule costs no second walk through anyone's week. A load stops at the
 * first overlap (the double-booking rules come first; the sums are then incomplete and no check
 * after them reads them).
 */
import { SLOT_MINUTES, SLOTS_PER_DAY } from '../time/week.js';
import { meetingMinutes, type CompiledProblem, type CompiledService } from './compile.js';
import type { PlacedMeeting, RuleContext } from './meetings.js';
import type { Prepared } from './prepared.js';

/** A staff member's week with the probed meeting in it (the replaced meeting taken out). */
export interface StaffLoad {
  /** Another of their meetings overlaps the probed one. */
  overlaps: boolean;
  /** Minutes they lead on the probed meeting's day, and in the week, the probed meeting included. */
  dayMinutes: number;
  weekMinutes: number;
}

/** A patient's week with the probed meeting in it (the replaced meeting taken out). */
export interface PatientLoad {
  /** Another of their meetings overlaps the probed one. */
  overlaps: boolean;
  /** Minutes counting toward hours in the week and on the probed meeting's day, the probed meeting included. */
  weekMinutes: number;
  dayMinutes: number;
  /** Days they attend. */
  days: number;
  /** Sessions of the probed meeting's service. */
  sessions: number;
}

/** Whether meeting `a` overlaps `[start, end)` on `day`. */
function overlapping(a: PlacedMeeting, day: number, start: number, end: number): boolean {
  return a.day === day && a.start < end && start < a.end;
}

function bitCount(mask: number): number {
  let n = 0;
  for (let m = mask; m !== 0; m &= m - 1) n++;
  return n;
}

/**
 * The change a fast check judges. One probe is reused for every change (`aim` points it at the
 * next), so a check allocates nothing.
 *
 * @example
 * ```ts
 * const probe = new Probe().aim(state, prepared, meeting, -1, true);
 * if (staffDoubleBooked.fast?.seat?.(probe, meeting.staff[0]!, 0)) console.log('the first seat is taken then');
 * ```
 */
export class Probe {
  ctx!: RuleContext;
  problem!: CompiledProblem;
  prepared!: Prepared;
  /** The meeting as it would be. */
  m!: PlacedMeeting;
  service!: CompiledService;
  /** Index of the meeting it replaces, or -1. */
  replacing = -1;
  /** The week's slots it covers, `[from, to)`. */
  from = 0;
  to = 0;
  /** Whether the group minimum is judged now (a compound move leaves it to its end). */
  checkMinSize = true;
  private minutes = -1;
  private staffOf = -1;
  private readonly staff: StaffLoad = { overlaps: false, dayMinutes: 0, weekMinutes: 0 };
  private patientOf = -1;
  private readonly patient: PatientLoad = { overlaps: false, weekMinutes: 0, dayMinutes: 0, days: 0, sessions: 0 };

  /**
   * Points the probe at meeting `m` replacing `replacing`; `from`/`to` default to the slots of
   * its day and times.
   */
  aim(
    ctx: RuleContext,
    prepared: Prepared,
    m: PlacedMeeting,
    replacing: number,
    checkMinSize: boolean,
    from: number = m.day * SLOTS_PER_DAY + m.start / SLOT_MINUTES,
    to: number = m.day * SLOTS_PER_DAY + m.end / SLOT_MINUTES,
  ): this {
    this.ctx = ctx;
    this.problem = ctx.problem;
    this.prepared = prepared;
    this.m = m;
    this.service = ctx.problem.services[m.service]!;
    this.replacing = replacing;
    this.from = from;
    this.to = to;
    this.checkMinSize = checkMinSize;
    this.minutes = -1;
    this.staffOf = -1;
    this.patientOf = -1;
    return this;
  }

  /** The real minutes the probed meeting holds (a day of a clock change counts what passes). */
  meetingMinutes(): number {
    if (this.minutes < 0) this.minutes = meetingMinutes(this.problem, this.m);
    return this.minutes;
  }

  /** Staff member `s`'s week with the probed meeting in it. */
  staffLoad(s: number): Readonly<StaffLoad> {
    if (this.staffOf === s) return this.staff;
    const { ctx, m, problem, replacing } = this;
    const minutes = this.meetingMinutes();
    let overlaps = false;
    let day = minutes;
    let week = minutes;
    for (const other of ctx.staffMeetings[s] ?? []) {
      if (other === replacing) continue;
      const o = ctx.meetings[other];
      if (!o) continue;
      if (overlapping(o, m.day, m.start, m.end)) {
        overlaps = true;
        break;
      }
      const held = meetingMinutes(problem, o);
      week += held;
      if (o.day === m.day) day += held;
    }
    this.staffOf = s;
    this.staff.overlaps = overlaps;
    this.staff.dayMinutes = day;
    this.staff.weekMinutes = week;
    return this.staff;
  }

  /** Patient `p`'s week with the probed meeting in it. */
  patientLoad(p: number): Readonly<PatientLoad> {
    if (this.patientOf === p) return this.patient;
    const { ctx, m, problem, replacing } = this;
    let week = this.service.countsTowardHours ? this.meetingMinutes() : 0;
    let day = week;
    let sessions = 1;
    let dayMask = 1 << m.day;
    let overlaps = false;
    for (const other of ctx.patientMeetings[p] ?? []) {
      if (other === replacing) continue;
      const o = ctx.meetings[other];
      if (!o) continue;
      if (overlapping(o, m.day, m.start, m.end)) {
        overlaps = true;
        break;
      }
      if (o.day >= 0) dayMask |= 1 << o.day;
      if (o.service === m.service) sessions += 1;
      if (problem.services[o.service]!.countsTowardHours) {
        const held = meetingMinutes(problem, o);
        week += held;
        if (o.day === m.day) day += held;
      }
    }
    this.patientOf = p;
    const load = this.patient;
    load.overlaps = overlaps;
    load.weekMinutes = week;
    load.dayMinutes = day;
    load.days = bitCount(dayMask);
    load.sessions = sessions;
    return load;
  }
}
