import type { Problem } from '../model/problem.js';
import type { Report } from '../model/report.js';
import type { Schedule } from '../model/schedule.js';
import type { Weights } from '../model/options.js';
import { compileProblem } from '../engine/compile.js';
import { allRules } from '../rules/catalogue.js';
import { buildReport } from './report.js';
import { previousWeekOf, scheduleContext } from './schedule-context.js';
import { resolveWeights } from './weights.js';
import { assertValidProblem } from '../input/validate.js';
import { withCauses } from '../diagnose/attach-causes.js';

/** Options of {@link checkSchedule}. */
export interface CheckOptions {
  /** Soft-rule weights by rule code; unspecified rules keep their defaults, 0 switches one off. */
  weights?: Partial<Weights>;
  /** A previously published timetable: turns on the `stability` rule against it. */
  previous?: Schedule;
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
  const valid = assertValidProblem(problem);
  const rules = allRules();
  const weights = resolveWeights(rules, options.weights);
  const compiled = compileProblem(valid);
  const previous = options.previous === undefined ? undefined : previousWeekOf(compiled, options.previous);
  const ctx = scheduleContext(compiled, schedule, previous);
  return withCauses(ctx, buildReport(ctx, rules, weights, ctx.integrity));
}
