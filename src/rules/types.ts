/**
 * What a rule is and what it sees. Every rule of the catalogue is a named object with a stable
 * code, a level, a scope and an `evaluate` that reports each breach through `emit`.
 *
 * Rules are evaluated per subject (one meeting, patient, staff member or room), so the solver
 * re-evaluates only the subjects a move touched, with the very same functions `checkSchedule`
 * runs over every subject: the catalogue is the single source of truth.
 */
import type { RuleLevel } from '../model/report.js';
import type { CompiledProblem } from '../engine/compile.js';

/** A meeting in compiled form: indexes instead of ids, minutes of the day instead of clock strings. */
export interface PlacedMeeting {
  id: string;
  service: number;
  /** Track index, or -1 for none. */
  track: number;
  /** Day index, 0 = Monday; -1 when the date is outside the week. */
  day: number;
  /** Wall-clock minutes after midnight. */
  start: number;
  end: number;
  /** Room index, or -1 for none (telehealth). */
  room: number;
  telehealth: boolean;
  staff: number[];
  patients: number[];
  pinned: boolean;
  /** Patients on the roster who did not attend (a held meeting's no-shows); absent: none. */
  noShows?: number[];
}

/** A previous timetable to stay close to (re-planning), in compiled form. */
export interface PreviousWeek {
  /** Meeting id to the meeting as published. */
  meetings: ReadonlyMap<string, PlacedMeeting>;
  /**
   * Per patient index: keys of the sessions published for them, as {@link sessionKey} makes them
   * (service index, day index and start minute: `'3@1@1080'`).
   */
  patientSessions: ReadonlyArray<ReadonlySet<string>>;
}

/** The key of a session in {@link PreviousWeek.patientSessions}: what a patient sees of it (service, day, start). */
export function sessionKey(meeting: Pick<PlacedMeeting, 'service' | 'day' | 'start'>): string {
  return `${meeting.service}@${meeting.day}@${meeting.start}`;
}

/** What rules read: the compiled problem and a timetable with its per-entity indexes. */
export interface RuleContext {
  readonly problem: CompiledProblem;
  /** Meetings by index; `undefined` where a meeting was removed. */
  readonly meetings: ReadonlyArray<PlacedMeeting | undefined>;
  /** Per patient index: indexes of the meetings they attend (any order). */
  readonly patientMeetings: ReadonlyArray<ReadonlyArray<number>>;
  /** Per staff index: indexes of the meetings they lead (any order). */
  readonly staffMeetings: ReadonlyArray<ReadonlyArray<number>>;
  /** Per room index: indexes of the meetings held there (any order). */
  readonly roomMeetings: ReadonlyArray<ReadonlyArray<number>>;
  /** Present when re-planning. */
  readonly previous: PreviousWeek | undefined;
}

/** What a rule says about one breach, built only when a report needs it. */
export interface ViolationDetail {
  message: string;
  meetings?: string[];
  patients?: string[];
  staff?: string[];
  rooms?: string[];
  date?: string;
}

/**
 * Reports one breach: its size (in the rule's documented unit) and, lazily, its detail. The
 * solver sums penalties and never builds the detail; `checkSchedule` builds every one.
 */
export type Emit = (penalty: number, detail: () => ViolationDetail) => void;

export type RuleScope = 'meeting' | 'patient' | 'staff' | 'room';

/**
 * One rule of the catalogue.
 *
 * @example
 * ```ts
 * export const roomCapacity: Rule = {
 *   code: 'room-capacity', level: 'hard', scope: 'meeting',
 *   title: 'Room capacity',
 *   description: 'A meeting holds no more patients than its room seats. Penalty: patients over.',
 *   evaluate(ctx, meetingIndex, emit) { ... },
 * };
 * ```
 */
export interface Rule {
  /** Stable code, kebab-case, e.g. `'patient-double-booked'`. */
  code: string;
  level: RuleLevel;
  /** What one evaluation looks at. */
  scope: RuleScope;
  /** Short name for tables. */
  title: string;
  /** What it means and the unit of its penalty. */
  description: string;
  /** Soft rules: the default weight. Hard and requirement rules weigh 1. */
  defaultWeight?: number;
  /** Reports every breach concerning this subject (a meeting, patient, staff or room index). */
  evaluate(ctx: RuleContext, subject: number, emit: Emit): void;
}
