import type { Problem } from '../model/problem.js';
import type { Report } from '../model/report.js';
import type { Schedule } from '../model/schedule.js';
import type { Weights } from '../model/options.js';
import { compileProblem } from '../engine/compile.js';
import { allRules } from '../rules/catalogue.js';
import { buildReport } from './report.js';
import { scheduleContext } from './schedule-context.js';
import { assertValidProblem } from '../input/validate.js';

/**
 * Checks a timetable against every rule of the catalogue, from scratch: what it delivers to each
 * patient, what it breaks, and its score by rule. Works on any schedule, including a hand-edited
 * one with unknown ids or malformed times (reported as `schedule-integrity` breaches).
 *
 * @throws {ProblemError} when `problem` is invalid.
 *
 * @example
 * ```ts
 * const report = checkSchedule(problem, schedule);
 * if (!report.feasible) console.log(report.violations.filter((v) => v.level === 'hard'));
 * for (const row of report.patients) console.log(row.patient, row.hours, row.met);
 * ```
 */
export function checkSchedule(problem: Problem, schedule: Schedule, options: { weights?: Partial<Weights> } = {}): Report {
  const valid = assertValidProblem(problem);
  const compiled = compileProblem(valid);
  const ctx = scheduleContext(compiled, schedule);
  const weights = new Map(Object.entries(options.weights ?? {}).filter((e): e is [string, number] => typeof e[1] === 'number'));
  return buildReport(ctx, allRules(), weights, ctx.integrity);
}
