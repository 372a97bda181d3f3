/**
 * What a rule is and what it sees. Every rule of the catalogue is a named object with a stable
 * code, a level, a scope and an `evaluate` that reports each breach through `emit`.
 *
 * Rules are evaluated per subject (one meeting, patient, staff member or room), so the solver
 * re-evaluates only the subjects a move touched, with the very same functions `checkSchedule`
 * runs over every subject: the catalogue is the single source of truth.
 */
import type { RuleLevel } from '../model/report.js';

// The compiled timetable the rules read is defined with the compiled problem (../compiled/), so
// that what sits below the rules (the Schedule reader and writer) need not import them.
export type { PlacedMeeting, PreviousWeek, RuleContext } from '../compiled/meetings.js';
export { sessionKey } from '../compiled/meetings.js';
import type { RuleContext } from '../compiled/meetings.js';
import type { Probe } from '../compiled/probe.js';
export type { Probe } from '../compiled/probe.js';

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
  /** Hard rules: the solver's fast check of one change, beside `evaluate` (see {@link FastCheck}). */
  fast?: FastCheck;
}

/**
 * A hard rule's fast incremental check: whether the change a {@link Probe} holds would break the
 * rule, judged from the meeting and the solver's tables instead of a re-evaluation. It may be
 * stricter than `evaluate` (the solver then merely forgoes a change), never laxer: the solver
 * trusts it to keep the rule, and a property test holds every rule to that. A check answers
 * `true` when the change would break the rule.
 *
 * The parts run in stages, each stage over the hard rules in the fixed order of
 * engine/kernel/feasible.ts (`FAST_ORDER`): the meeting's own fields, each staff seat, the
 * meeting against the timetable, then each patient on its roster. A check may
 * assume that every rule before it in that order (read stage by stage) holds: e.g. a patient's
 * session count need not allow for the patient listed twice, `patient-double-booked` comes first.
 *
 * @example
 * ```ts
 * export const roomCapacity: Rule = {
 *   code: 'room-capacity', level: 'hard', scope: 'meeting', title: 'Room capacity', description: '...',
 *   evaluate(ctx, index, emit) { ... },
 *   fast: { shape: ({ m, problem }) => !m.telehealth && m.patients.length > (problem.rooms[m.room]?.capacity ?? Infinity) },
 * };
 * ```
 */
export interface FastCheck {
  /** The meeting's own fields, no other meeting looked at. */
  shape?(probe: Probe): boolean;
  /** Staff member `member`, holding position `position` of `probe.m.staff` (-1: judged as a candidate for a seat). */
  seat?(probe: Probe, member: number, position: number): boolean;
  /** The meeting, fully staffed, against the rest of the timetable. */
  meeting?(probe: Probe): boolean;
  /**
   * Patient `patient` attending the meeting, at `position` of its roster: what concerns two
   * patients judges them against those listed before them (-1: judged alone, as a candidate).
   */
  patient?(probe: Probe, patient: number, position: number): boolean;
}
