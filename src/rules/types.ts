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
