/**
 * The public shapes of re-planning: its options, its result and the log of what changed.
 *
 * @module
 */
import type { Change, SolveOptions } from '../model/options.js';
import type { Problem } from '../model/problem.js';
import type { Report } from '../model/report.js';
import type { Meeting, Schedule } from '../model/schedule.js';

/**
 * How to run `replan`: the solver's options plus the moment the week is re-planned at.
 *
 * @example
 * ```ts
 * const options: ReplanOptions = { seed: 7, asOf: '2026-11-25T07:00:00-08:00' };
 * ```
 */
export type ReplanOptions = SolveOptions & {
  /**
   * ISO 8601 instant (with an offset or `Z`) of "now": meetings starting before it already
   * happened and are a record (kept as published, missed patients as `noShows`), and nothing
   * new is placed before it. Default: the start of the week, except that a `missed` change
   * freezes everything that started before the missed meeting ended (it has happened).
   */
  asOf?: string;
};

/**
 * Why something changed: the change (by its position in the `changes` list) that caused it, or
 * `null` with kind `'requirement'` when the solver changed it to keep a patient's requirement.
 *
 * @example
 * ```ts
 * const reason: ChangeReason = { change: 0, kind: 'staff-out', message: 'Staff s-03 is out on 2026-11-25.' };
 * ```
 */
export interface ChangeReason {
  /** Index in the `changes` passed to `replan`, or `null`. */
  change: number | null;
  /** The change's kind, or `'requirement'` when no single change is the cause. */
  kind: Change['kind'] | 'requirement';
  /** Plain sentence with ids only. */
  message: string;
}

/** What happened to one meeting, compared by id with the published week. */
export type MeetingChangeKind = 'added' | 'cancelled' | 'moved' | 're-staffed' | 're-roomed' | 'roster';

/**
 * One meeting that differs from the published week.
 *
 * @example
 * ```ts
 * const entry: MeetingChange = {
 *   meeting: 'evening-WE-1800-process-group-1', kinds: ['re-staffed'],
 *   before, after, patientsAdded: [], patientsRemoved: [], staffAdded: ['s-04'], staffRemoved: ['s-03'],
 *   reasons: [{ change: 0, kind: 'staff-out', message: 'Staff s-03 is out on 2026-11-25.' }],
 * };
 * ```
 */
export interface MeetingChange {
  /** The meeting id (stable across re-plans while the meeting is kept). */
  meeting: string;
  /** Every way it changed; `added` and `cancelled` stand alone. */
  kinds: MeetingChangeKind[];
  /** As published; absent for an added meeting. */
  before?: Meeting;
  /** As re-planned; absent for a cancelled meeting. */
  after?: Meeting;
  /** Ids of patients in the roster now and not before. */
  patientsAdded: string[];
  /** Ids of patients in the roster before and not now. */
  patientsRemoved: string[];
  /** Ids of staff leading it now and not before. */
  staffAdded: string[];
  /** Ids of staff leading it before and not now. */
  staffRemoved: string[];
  /** Why it changed; at least one. */
  reasons: ChangeReason[];
}

/** One session of a person's week that changed. */
export interface SessionChange {
  /** The meeting's id. */
  meeting: string;
  /**
   * `added`: the person now attends or leads it; `removed`: no longer; `moved`: same meeting,
   * new date or time; `changed`: same meeting and time, new room or staff.
   */
  what: 'added' | 'removed' | 'moved' | 'changed';
  /** Why; the reasons of the meeting's change. */
  reasons: ChangeReason[];
}

/**
 * A patient or staff member whose week changed, with each affected session.
 *
 * @example
 * ```ts
 * const person: PersonChange = { id: 'p-41', sessions: [{ meeting: 'evening-TU-1800-process-group-2', what: 'added', reasons }] };
 * ```
 */
export interface PersonChange {
  /** The patient's or staff member's id. */
  id: string;
  /** Each session of theirs that changed, in meeting id order. */
  sessions: SessionChange[];
}

/**
 * Everything `replan` changed against the published week.
 *
 * @example
 * ```ts
 * const { changed } = replan(problem, published, changes);
 * for (const m of changed.meetings) console.log(m.meeting, m.kinds.join(', '), m.reasons[0]?.message);
 * ```
 */
export interface ChangeLog {
  /** Meetings added, cancelled, moved, re-staffed, re-roomed or with a new roster, in id order. */
  meetings: MeetingChange[];
  /** Patients whose sessions changed, in id order. */
  patients: PersonChange[];
  /** Staff whose sessions changed, in id order. */
  staff: PersonChange[];
  /** Primary therapists proposed for admissions that named none, in change order; absent when there is none. */
  primaryStaff?: PrimaryStaffProposal[];
}

/**
 * A primary therapist `replan` proposed for an admitted patient without one: a member who can
 * lead the patient's individual sessions and has room in their caseload (`Staff.maxCaseload`).
 * The returned problem carries it as the patient's `primaryStaff`.
 *
 * @example
 * ```ts
 * const proposal: PrimaryStaffProposal = { change: 0, patient: 'p-41', staff: 's-03', message: 'Patient p-41 is admitted without a primary therapist; staff s-03 is proposed (caseload 12 of 24 this week).' };
 * ```
 */
export interface PrimaryStaffProposal {
  /** Index of the admission in the `changes` passed to `replan`. */
  change: number;
  /** The admitted patient's id. */
  patient: string;
  /** The staff member proposed, or `null` when no member fits (credentials and caseload). */
  staff: string | null;
  /** Plain sentence with ids only. */
  message: string;
}

/**
 * What `replan` returns.
 *
 * @example
 * ```ts
 * const result: ReplanResult = replan(problem, published, [{ kind: 'pin', meeting: published.meetings[0]!.id }]);
 * ```
 */
export interface ReplanResult {
  /**
   * The problem with the changes applied: admitted patients appended, discharges as an earlier
   * `dischargedOn`, call-outs and closures as availability exceptions from the cutoff on (defaults
   * resolved; a copy, not the caller's; always valid). Pass it on with `schedule` to chain weeks:
   * `nextWeek(result.problem, result.schedule)`.
   */
  problem: Problem;
  /** The re-planned week: every meeting, pinned ones flagged, held ones with their `noShows`. */
  schedule: Schedule;
  /** The report of the new week, with `stability` scored against the published one. */
  report: Report;
  /** What differs from the published week, per meeting, patient and staff member, with reasons. */
  changed: ChangeLog;
  /**
   * The published meetings no longer held (their id is not in `schedule`), as they were
   * published: for calendars and EHRs to cancel (`toICalendar`'s and `toFhir`'s `cancelled`).
   */
  cancelled: Meeting[];
}
