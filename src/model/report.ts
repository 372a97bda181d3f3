/**
 * The report: what a timetable delivers, what it breaks, and why. Returned by `checkSchedule`
 * and `solve` alike. Plain JSON-serialisable data.
 *
 * @module
 */
import type { LocalDate, Weekday } from './problem.js';

/**
 * How bad a rule's breach is.
 * - `hard`: never broken by the solver; a timetable with one is not usable.
 * - `requirement`: what the week must deliver to each patient; the solver minimises the shortfall.
 * - `soft`: what makes a good week; weighted.
 */
export type RuleLevel = 'hard' | 'requirement' | 'soft';

/**
 * The score of a timetable, compared lexicographically: fewer `hard` first, then less
 * `requirement` shortfall, then less `soft` penalty. Zero everywhere is perfect.
 */
export interface Score {
  /** Sum of hard-rule penalties (each breach counts at least 1). */
  hard: number;
  /** Sum of requirement shortfalls, in minute-equivalents (see each rule's documentation). */
  requirement: number;
  /** Weighted sum of soft-rule penalties. */
  soft: number;
}

/** One breach of one rule, with everything it concerns and a sentence a scheduler understands. */
export interface Violation {
  /** The rule's stable code, e.g. `'patient-double-booked'`. */
  rule: string;
  /** The rule's level. */
  level: RuleLevel;
  /** Size of the breach, before weighting (units per rule: minutes, sessions, patients, ...). */
  penalty: number;
  /** Plain sentence, e.g. `"Room B holds 14 patients in a meeting but seats 12."`. Ids only: no patient data. */
  message: string;
  /** Ids of the meetings concerned. */
  meetings: string[];
  /** Ids of the patients concerned. */
  patients: string[];
  /** Ids of the staff concerned. */
  staff: string[];
  /** Ids of the rooms concerned. */
  rooms: string[];
  /** The date concerned, when the breach belongs to one day. */
  date?: LocalDate;
}

/** The score of one rule over the whole timetable. */
export interface RuleScore {
  /** The rule's stable code. */
  rule: string;
  /** The rule's level: which part of {@link Score} it adds to. */
  level: RuleLevel;
  /** How many violations it reported. */
  violations: number;
  /** Sum of their penalties, before weighting. */
  penalty: number;
  /** The penalty after the rule's weight (the part of {@link Score} this rule contributes). */
  weighted: number;
}

/** One requirement of one patient, met or not. */
export interface RequirementStatus {
  /** The rule that measures it, e.g. `'patient-min-weekly-hours'`. */
  rule: string;
  /** What it asks, in plain words: `"at least 9 hours a week"`. */
  label: string;
  /** The target (hours, days, sessions, ... as `label` says). */
  target: number;
  /** What the timetable delivers, in the same unit. */
  actual: number;
  /** Whether `actual` reaches `target`. */
  met: boolean;
  /** The date, for per-day thresholds. */
  date?: LocalDate;
  /** The service, for curriculum and `requires` counts. */
  service?: string;
}

/** What one patient's week delivers. */
export interface PatientSummary {
  /** The patient's id. */
  patient: string;
  /** The track whose rules apply: the one holding most of the patient's group time. */
  track: string | null;
  /** Minutes of care that count toward hours. */
  minutes: number;
  /** The same, in hours (`minutes / 60`). */
  hours: number;
  /** Days attended, in week order. */
  days: Weekday[];
  /** Sessions attended per service, in service order. */
  services: Array<{
    /** The service's id. */
    service: string;
    /** Sessions of it attended this week. */
    count: number;
  }>;
  /** Every requirement that applies, met or not. */
  requirements: RequirementStatus[];
  /** Whether every requirement is met. */
  met: boolean;
  /**
   * Present when the week is partial: the patient is admitted or discharged mid-week and enrolled
   * on fewer than all of the week's programme days (the days their track runs, closed dates aside).
   */
  partialWeek?: PartialWeekSummary;
  /** Each requirement on a cadence (`requires[].cadence`) as this week sees it; absent when the patient has none. */
  cadence?: CadenceSummary[];
}

/** How a partial week was counted (see `HoursRules.partialWeek`). */
export interface PartialWeekSummary {
  /** `'prorate'`: minimum hours and days scaled by the share enrolled; `'full'`: the whole week's; `'exempt'`: none. */
  mode: 'prorate' | 'full' | 'exempt';
  /** Programme days the patient is enrolled on this week. */
  enrolledDays: number;
  /** Programme days of the week. */
  programmeDays: number;
}

/**
 * What a cadence asks of the week, from the last attended session in the history:
 * `due` (one session by `dueBy`), `overdue` (`dueBy` is past: one session, any day), `new` (no
 * attended session yet: one, any day), `optional` (one may be held from `earliest`) or
 * `not-allowed` (`earliest` is after the week).
 */
export type CadenceState = 'due' | 'overdue' | 'new' | 'optional' | 'not-allowed';

/**
 * One cadence requirement of one patient in the week: its due date and whether the week keeps it.
 *
 * @example
 * ```ts
 * for (const row of report.patients) for (const c of row.cadence ?? []) if (!c.met) console.log(row.patient, c.service, c.dueBy);
 * ```
 */
export interface CadenceSummary {
  /** The service's id. */
  service: string;
  /** What the cadence asks this week. */
  state: CadenceState;
  /** The last attended session of the service before the week, when there is one. */
  lastAttended?: LocalDate;
  /** The first date a session keeps the minimum interval (`lastAttended + minDays`). */
  earliest?: LocalDate;
  /** The last date a session keeps the maximum interval (`lastAttended + maxDays`). */
  dueBy?: LocalDate;
  /** Dates of this week's sessions of the service. */
  held: LocalDate[];
  /** Whether the week keeps the cadence: a session inside the window when one is wanted, and none outside it. */
  met: boolean;
}

/** Why a requirement is unmet: a rule that blocked placements, or a fact of the problem. */
export interface Cause {
  /**
   * A stable code: a rule code when a rule blocked placements (e.g. `'room-capacity'`), or a
   * diagnosis code. Two say the time ran out rather than why: `'not-analysed'` (the analysis was
   * cut) and `'not-reached'` (a solve's construction was cut before it tried this patient).
   */
  code: string;
  /** Plain sentence naming the entities, e.g. `"No group room is free Tuesday 18:00-21:00 (Room A and Room B are full)."`. */
  message: string;
  /** How many candidate placements it blocked during the search (conflict statistics), when counted. */
  blocked?: number;
  /** Ids of the patients it concerns, when any. */
  patients?: string[];
  /** Ids of the staff it concerns, when any. */
  staff?: string[];
  /** Ids of the rooms it concerns, when any. */
  rooms?: string[];
  /** Ids of the meetings it concerns, when any. */
  meetings?: string[];
}

/** A concrete change in clinic terms that would help, with its measured effect. */
export interface Repair {
  /** What kind of change, e.g. `'extend-staff-hours'`, `'open-room'`, `'allow-telehealth'`. */
  kind: string;
  /** Plain sentence, e.g. `"Open Room B Tuesday 18:00-21:00"`. */
  message: string;
  /** Whether the effect was measured by applying the change to a copy and re-solving. */
  verified: boolean;
  /** Measured effect. */
  effect?: {
    /** Patients whose every requirement is met after the change and was not before. */
    patientsNewlyMet: number;
    /** How much the total requirement shortfall falls, in minute-equivalents (negative when it grows). */
    shortfallReducedMinutes: number;
  };
  /**
   * Patients the change leaves with more shortfall than without it, when any (the message says
   * so too). Such a repair is listed after every repair that only helps.
   */
  worseFor?: string[];
}

/** A requirement a timetable does not meet. */
export interface Unmet {
  /** The requirement rule's code. */
  rule: string;
  /** The patient's id. */
  patient: string;
  /** Plain sentence, e.g. `"Patient p-07 gets 7 hours of a required 9."`. */
  message: string;
  /** How far short, in the rule's penalty unit. */
  shortfall: number;
  /** The date, for per-day thresholds (`daily-min-minutes`, `daily-min-services`). */
  date?: LocalDate;
  /** The service's id, for curriculum and `requires` counts. */
  service?: string;
  /** Why; at least one where known. */
  causes: Cause[];
  /** What would fix it, best first. */
  repairs: Repair[];
}

/** Why a solve stopped. */
export type StopReason = 'optimal' | 'no-improvement' | 'time-limit' | 'iteration-limit' | 'aborted';

/** Statistics of a solve run. */
export interface SolveStats {
  /** The seed the run used: the option's, truncated to an integer, or the default 1. */
  seed: number;
  /** Local-search iterations run. */
  iterations: number;
  /** Wall time of the whole call, in milliseconds. */
  elapsedMs: number;
  /** When the first timetable with every patient placed as far as construction could was ready. */
  firstCompleteMs: number;
  /** When the final best timetable was found. */
  timeToBestMs: number;
  /** Why the search stopped. */
  stoppedBecause: StopReason;
  /**
   * Whether construction finished inside the time limit. When false, the budget ran out before
   * every patient was considered: the week keeps every hard rule but is partial.
   */
  constructionComplete: boolean;
}

/** Everything known about a timetable. */
export interface Report {
  /** True when no hard rule is broken. */
  feasible: boolean;
  /** True when, in addition, every requirement of every patient is met. */
  allMet: boolean;
  /** The timetable's score (weighted; compare with `hard` first). */
  score: Score;
  /** Every rule of the catalogue, with its share of the score (zero rows included). */
  byRule: RuleScore[];
  /** Every violation, hard first, then requirement, then soft. */
  violations: Violation[];
  /** One row per patient, in problem order. */
  patients: PatientSummary[];
  /** Every requirement not met. */
  unmet: Unmet[];
  /** Present when the report comes from `solve`. */
  stats?: SolveStats;
}
