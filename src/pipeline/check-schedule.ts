import type { Problem } from '../model/problem.js';
import type { Report } from '../model/report.js';
import type { Schedule } from '../model/schedule.js';
import type { Progress, Triage, Weights } from '../model/options.js';
import { compileProblem } from '../compiled/compile.js';
import { noShowPatients } from '../compiled/no-shows.js';
import { allRules } from '../rules/catalogue.js';
import { buildReport } from '../check/report.js';
import { previousWeekOf, scheduleContext } from '../compiled/schedule-context.js';
import { resolveWeights, withTriage } from '../check/weights.js';
import { assertValidProblem } from '../input/validate.js';
import { withCauses } from '../diagnose/attach-causes.js';
import { budgetOf } from '../time/budget.js';

/**
 * Default `timeLimitMs` of {@link checkSchedule}, the same as `solve`'s: a check is asked for
 * interactively (a hand-edited week, the CLI), and the cause analysis of a large, mostly empty
 * week is unbounded otherwise (38 s for an empty 1,000-patient week on a 2-core machine).
 */
export const DEFAULT_CHECK_TIME_LIMIT_MS = 3000;

/** Options of {@link checkSchedule}. */
export interface CheckOptions {
  /** Soft-rule weights by rule code; unspecified rules keep their defaults, 0 switches one off. */
  weights?: Partial<Weights>;
  /** How the requirement score weighs an over-full week, as `solve`'s option of the same name. Default `'whole-patients'`. */
  triage?: Triage;
  /** A previously published timetable: turns on the `stability` rule against it. */
  previous?: Schedule;
  /**
   * Wall-time budget in milliseconds for the call. Default 3000.
   * The rules are always all checked (the report's score and violations are complete); what the
   * limit cuts is the analysis of why unmet requirements are unmet: entries it leaves get a
   * `not-analysed` cause that says so. `Infinity` analyses every entry, however long it takes.
   */
  timeLimitMs?: number;
  /** Aborting skips the rest of the cause analysis (`not-analysed` causes). */
  signal?: AbortSignal;
  /** Called with the phase (`validate`, `compile`, `report`, `causes`) when each begins and at most 10 times a second within it. */
  onProgress?: (progress: Progress) => void;
}

/**
 * Checks a timetable against every rule of the catalogue, from scratch: what it delivers to each
 * patient, what it breaks, and its score by rule. Works on any schedule, including a hand-edited
 * one with unknown ids or malformed times (reported as `schedule-integrity` breaches). Never
 * mutates its arguments.
 *
 * @throws {ProblemError} when `problem` is invalid, or a weight names an unknown or non-soft rule
 * or is not a number of at least 0.
 *
 * @example
 * ```ts
 * const report = checkSchedule(problem, schedule);
 * if (!report.feasible) console.log(report.violations.filter((v) => v.level === 'hard'));
 * for (const row of report.patients) console.log(row.patient, row.hours, row.met);
 * for (const gap of report.unmet) console.log(gap.message);
 * ```
 */
export function checkSchedule(problem: Problem, schedule: Schedule, options: CheckOptions = {}): Report {
  const budget = budgetOf(options, DEFAULT_CHECK_TIME_LIMIT_MS);
  budget.enter('validate');
  const valid = assertValidProblem(problem);
  const rules = allRules();
  const weights = withTriage(resolveWeights(rules, options.weights), options.triage);
  budget.enter('compile');
  // A patient the week records as a no-show may have made the session up in a make-up track.
  const compiled = compileProblem(valid, { makeUpFor: noShowPatients(schedule) });
  const previous = options.previous === undefined ? undefined : previousWeekOf(compiled, options.previous);
  budget.enter('report');
  const ctx = scheduleContext(compiled, schedule, previous);
  const report = buildReport(ctx, rules, weights, ctx.integrity, () => budget.tick());
  budget.enter('causes', () => ({ bestScore: report.score, iteration: 0 }));
  return withCauses(ctx, report, undefined, { budget });
}
