/**
 * `planWeeks`: consecutive weeks from the problem's `weekStart`, each solved with the history of
 * the ones before (DESIGN section 10), admissions and discharges by date, and an admission
 * forecast per track and week.
 */
import { ProblemError, type Issue } from '../model/issue.js';
import type { Patient, Problem } from '../model/problem.js';
import type { SolveOptions } from '../model/options.js';
import type { Report } from '../model/report.js';
import type { Schedule } from '../model/schedule.js';
import { ISSUE_CODES } from '../input/issue-codes.js';
import { assertValidProblem, validateProblem } from '../input/validate.js';
import { nextWeek } from '../replan/next-week.js';
import { addDays, dayNumber } from '../time/week.js';
import { budgetOf } from '../time/budget.js';
import { DEFAULT_TIME_LIMIT_MS, solve } from './solve.js';
import { DEFAULT_FORECAST_MAX, forecastWeek, type Forecast, type ForecastOptions } from './forecast.js';

/** Most weeks one call plans: a year. */
export const MAX_PLANNED_WEEKS = 52;

/**
 * What `planWeeks` takes besides the solver's options.
 *
 * @example
 * ```ts
 * const options: PlanWeeksOptions = { weeks: 4, admissions: [{ id: 'p-41', tracks: ['evening'], admittedOn: '2026-12-07' }], seed: 1, maxIterations: 5_000 };
 * ```
 */
export interface PlanWeeksOptions extends SolveOptions {
  /** How many consecutive weeks, from the problem's `weekStart` (1 to 52). */
  weeks: number;
  /**
   * Patients who join later: each enters the week holding its `admittedOn` (the first week when
   * absent or earlier) and keeps that date, so its first week is partial. A patient (of the
   * problem or admitted) leaves from the first week starting on or after its `dischargedOn`.
   */
  admissions?: Patient[];
  /** How to forecast admissions; `{ max: 0 }` switches the forecast off. */
  forecast?: ForecastOptions;
}

/**
 * One planned week.
 *
 * @example
 * ```ts
 * const [first]: PlannedWeek[] = planWeeks(problem, { weeks: 1 }).weeks;
 * console.log(first.problem.weekStart, first.report.score);
 * ```
 */
export interface PlannedWeek {
  /** The week's problem: its `weekStart`, its patients, their history of the weeks before. */
  problem: Problem;
  /** The week's timetable. */
  schedule: Schedule;
  /** Its report. */
  report: Report;
}

/**
 * What `planWeeks` returns.
 *
 * @example
 * ```ts
 * const plan: WeeksPlan = planWeeks(problem, { weeks: 4 });
 * const lastWeek = plan.weeks.at(-1);
 * ```
 */
export interface WeeksPlan {
  /** Every week, in order. */
  weeks: PlannedWeek[];
  /** Per track and week, how many more patients of a shape could be fully served. */
  forecast: Forecast;
}

/**
 * Plans `options.weeks` consecutive weeks: week 1 is `problem` (with the admissions due then);
 * each next week is `nextWeek` of the one before (its sessions appended to every history, so
 * cadence follows), less the patients discharged by its Monday, plus its admissions; each is
 * solved with the same options (seed, iterations), so the weeks equal single solves chained by
 * hand. `timeLimitMs` bounds the whole call (default 3 s a week), shared among the solves.
 * Never mutates its arguments.
 *
 * @throws {ProblemError} when the problem, an admission (paths `admissions[i]...`) or `weeks` is invalid.
 *
 * @example
 * ```ts
 * const plan = planWeeks(problem, { weeks: 4, seed: 1, maxIterations: 5_000, timeLimitMs: 60_000 });
 * for (const week of plan.weeks) console.log(week.problem.weekStart, week.report.score);
 * for (const row of plan.forecast.rows) console.log(row.weekStart, row.track, row.more);
 * ```
 */
export function planWeeks(problem: Problem, options: PlanWeeksOptions): WeeksPlan {
  const { weeks, admissions = [], forecast: forecastOptions = {}, ...solveOptions } = options;
  const issues = optionIssues(weeks, admissions);
  if (issues.length > 0) throw new ProblemError(issues);
  const first = assertValidProblem(problem);
  const forecastMax = forecastOptions.max ?? DEFAULT_FORECAST_MAX;
  const solvesPerWeek = 1 + (forecastMax > 0 ? 1 + first.tracks.length * forecastMax : 0);
  const budget = budgetOf({ ...solveOptions, timeLimitMs: solveOptions.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS * weeks }, DEFAULT_TIME_LIMIT_MS * weeks);
  const limit = budget.deadline - budget.startedAt;
  let solvesLeft = weeks * solvesPerWeek;
  // Each solve gets an equal share of what is left: a generous limit never binds, so with
  // `maxIterations` the plan is reproducible.
  const timeFor = (left: number): number => Math.max(1, (limit - budget.elapsedMs()) / Math.max(1, left));

  const planned: PlannedWeek[] = [];
  const rows: Forecast['rows'] = [];
  let current: Problem | undefined;
  for (let week = 0; week < weeks; week++) {
    const weekStart = addDays(first.weekStart, 7 * week);
    const carried: Problem = current ?? structuredClone(first);
    const weekProblem = withAdmissions(withoutDischarged(carried, weekStart), admissions, first.weekStart, weekStart, week);
    const { schedule, report } = solve(weekProblem, { ...solveOptions, timeLimitMs: timeFor(solvesLeft) });
    solvesLeft -= 1;
    planned.push({ problem: weekProblem, schedule, report });
    if (forecastMax > 0) {
      const base = solvesLeft;
      rows.push(...forecastWeek(weekProblem, forecastOptions, solveOptions, (left) => timeFor(base - (solvesPerWeek - 1) + left)));
      solvesLeft -= solvesPerWeek - 1;
    }
    if (week + 1 < weeks) current = nextWeek(weekProblem, schedule).problem;
  }
  return { weeks: planned, forecast: { max: forecastMax, rows } };
}

/**
 * `problem` as of `weekStart` without the patients discharged on or before it, and without them
 * in the others' `avoid` lists (which may name only patients of the problem). Shares what it keeps.
 *
 * @example
 * ```ts
 * const week2 = withoutDischarged(nextWeek(week1, schedule1).problem, '2026-11-30');
 * ```
 */
export function withoutDischarged(problem: Problem, weekStart: string): Problem {
  const gone = new Set(problem.patients.filter((p) => p.dischargedOn !== undefined && p.dischargedOn <= weekStart).map((p) => p.id));
  if (gone.size === 0) return problem.weekStart === weekStart ? problem : { ...problem, weekStart };
  const patients = problem.patients
    .filter((p) => !gone.has(p.id))
    .map((p) => (p.avoid?.some((id) => gone.has(id)) ? { ...p, avoid: p.avoid.filter((id) => !gone.has(id)) } : p));
  return { ...problem, weekStart, patients };
}

/**
 * `problem` with the admissions whose week is `week` (0-based) appended, validated; an issue of
 * an admission is reported at `admissions[i]...`.
 */
function withAdmissions(problem: Problem, admissions: readonly Patient[], firstWeek: string, weekStart: string, week: number): Problem {
  const due = admissions
    .map((patient, at) => ({ patient, at }))
    .filter(({ patient }) => admissionWeek(patient, firstWeek) === week && (patient.dischargedOn === undefined || patient.dischargedOn > weekStart));
  if (due.length === 0) return problem;
  const base = problem.patients.length;
  const result = validateProblem({ ...problem, patients: [...problem.patients, ...due.map(({ patient }) => patient)] });
  if (result.ok) return result.problem;
  throw new ProblemError(
    result.issues.map((issue) => {
      const match = /^patients\[(\d+)\](.*)$/.exec(issue.path);
      const owner = match ? due[Number(match[1]) - base] : undefined;
      return owner ? { ...issue, path: `admissions[${owner.at}]${match![2]}` } : issue;
    }),
  );
}

/** The week (0-based) an admission enters: the one holding its `admittedOn`, the first when absent or earlier. */
function admissionWeek(patient: Patient, firstWeek: string): number {
  const admitted = typeof patient.admittedOn === 'string' ? dayNumber(patient.admittedOn) : undefined;
  const start = dayNumber(firstWeek)!;
  return admitted === undefined || admitted < start ? 0 : Math.floor((admitted - start) / 7);
}

function optionIssues(weeks: unknown, admissions: unknown): Issue[] {
  const issues: Issue[] = [];
  if (typeof weeks !== 'number' || !Number.isInteger(weeks) || weeks < 1 || weeks > MAX_PLANNED_WEEKS) {
    issues.push({ path: 'weeks', code: ISSUE_CODES.outOfRange, message: `weeks must be a whole number from 1 to ${MAX_PLANNED_WEEKS}.` });
  }
  if (!Array.isArray(admissions)) issues.push({ path: 'admissions', code: ISSUE_CODES.invalidType, message: 'admissions must be a list of patients.' });
  else {
    admissions.forEach((patient: unknown, i) => {
      if (typeof patient !== 'object' || patient === null) issues.push({ path: `admissions[${i}]`, code: ISSUE_CODES.invalidType, message: 'An admission must be a patient object.' });
    });
  }
  return issues;
}
