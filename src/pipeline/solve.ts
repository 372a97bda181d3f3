/**
 * `solve`: validate, compile, construct, improve, export, report.
 */
import type { Problem } from '../model/problem.js';
import type { SolveOptions } from '../model/options.js';
import type { Report, Score, SolveStats } from '../model/report.js';
import type { Schedule, Solution } from '../model/schedule.js';
import { assertValidProblem } from '../input/validate.js';
import { allRules } from '../rules/catalogue.js';
import type { Rule } from '../rules/types.js';
import { buildReportFromBoard } from '../check/report.js';
import { scheduleContext } from '../compiled/schedule-context.js';
import { resolveWeights, withTriage } from '../check/weights.js';
import { withCauses } from '../diagnose/attach-causes.js';
import { compileProblem, type CompiledProblem } from '../compiled/compile.js';
import { ConflictStats, construct, search, createEngine, placeOptional, reportReserveMs, type SolveStart } from '../engine/index.js';
import { exportWithSlots } from '../compiled/export.js';
import { budgetOf } from '../time/budget.js';
import { refreshedEvery } from '../time/refreshed.js';

/** Default wall-time budget of `solve`, in milliseconds. */
export const DEFAULT_TIME_LIMIT_MS = 3000;
/** Clinics up to this size get the pre-solve proofs among the causes of `solve`'s report. */
const PROOFS_UP_TO_PATIENTS = 300;

/** How old the score `onProgress` reports during construction may be, in milliseconds. */
const PROGRESS_SCORE_INTERVAL_MS = 1000;
/** The most of construction's time that bringing the progress score up to date may take. */
const PROGRESS_SCORE_COST_SHARE = 0.1;

/** Default seed. */
export const DEFAULT_SEED = 1;

/** What `solveDetailed` returns: the public result plus the solver's internals for diagnosis and re-planning. */
export interface DetailedSolution {
  schedule: Schedule;
  report: Report;
  /** The compiled problem the solve ran on. */
  compiled: CompiledProblem;
  /** Which hard rules blocked which placements, per patient and per entity. */
  conflicts: ConflictStats;
  /** Score of the timetable right after construction. */
  constructedScore: Score;
  /** Moves the catalogue rejected although the solver's own checks passed (0 unless a rule and the checks disagree). */
  safetyRejections: number;
  /**
   * Whether construction finished inside the time budget. When `false` the timetable is partial
   * (it keeps every hard rule; some patients were never tried) and `report.stats.iterations` is 0.
   */
  constructionComplete: boolean;
}

/**
 * Solves and returns, besides the schedule and report, the conflict statistics and internals.
 * `want.causes: false` leaves the unmet entries without causes (for callers that only count them);
 * `want.makeUpFor` compiles those patients with their make-up tracks, as `replan` did for the week
 * being explained (see `CompileOptions.makeUpFor`).
 *
 * @example
 * ```ts
 * const { schedule, conflicts } = solveDetailed(problem, { seed: 3, maxIterations: 5000 });
 * console.log(conflicts.byPatient.get('p-07'));
 * ```
 */
export function solveDetailed(problem: Problem, options: SolveOptions = {}, start: SolveStart = {}, want: { causes?: boolean; makeUpFor?: ReadonlySet<string> } = {}): DetailedSolution {
  // The call's one budget, from here to the end of the causes.
  const budget = budgetOf(options, DEFAULT_TIME_LIMIT_MS);
  budget.enter('validate');
  const valid = assertValidProblem(problem);
  budget.enter('compile');
  const compiled = compileProblem(valid, want.makeUpFor ? { makeUpFor: want.makeUpFor } : {});
  const rules: readonly Rule[] = allRules();
  const weights = withTriage(resolveWeights(rules, options.weights), options.triage);
  const seed = Number.isFinite(options.seed) ? Math.trunc(options.seed!) : DEFAULT_SEED;
  const maxIterations = options.maxIterations !== undefined && Number.isFinite(options.maxIterations) ? Math.max(0, Math.trunc(options.maxIterations)) : Infinity;

  const engine = createEngine(compiled, rules, weights, seed, start);
  const state = engine.state;
  // Construction and search stop early enough to export and report, which cannot be cut.
  engine.budget = budget.reserve(reportReserveMs(budget.deadline - budget.startedAt, compiled.patients.length, budget.elapsedMs()));
  // Reading the score evaluates what construction deferred: once a second at most, not every
  // report, nor more than a tenth of the time, and not at construction's start (the empty week's
  // rules, all evaluated again once its patients are placed): until the first refresh the reports
  // carry the score the phases before carried.
  const constructedSoFar = refreshedEvery(budget, PROGRESS_SCORE_INTERVAL_MS, () => state.score(), {
    costShare: PROGRESS_SCORE_COST_SHARE,
    initial: { hard: 0, requirement: 0, soft: 0 },
  });
  engine.budget.enter('construct', () => ({ bestScore: constructedSoFar(), iteration: 0 }));
  const reached = new Set<number>();
  const constructionComplete = construct(engine, reached);
  const constructedScore = state.score();
  const firstCompleteMs = budget.elapsedMs();

  const result = search(engine, {
    maxIterations,
    // Stop rule: give up after max(50,000, 40 n) iterations without a new best; once every
    // requirement is met and no hard rule broken, after max(10,000, 10 n) without a soft gain.
    patience: Math.max(50_000, 40 * compiled.patients.length),
    settledPatience: Math.max(10_000, 10 * compiled.patients.length),
  });
  // The board scored the best timetable when it was found: bring the state back to it, and the
  // report asks the rules for details only where the board holds a breach.
  state.restoreTo(result.best);
  state.commit();
  // Optional sessions a search move dropped (for a requirement it served) come back where they still fit.
  placeOptional(engine);
  state.commit();
  const best = state.meetings.slice();
  budget.enter('export', () => ({ bestScore: state.score(), iteration: result.iterations }));
  const { schedule, slots } = exportWithSlots(compiled, best);
  const ctx = scheduleContext(compiled, schedule, start.previous);
  budget.enter('report');
  const scored = buildReportFromBoard(ctx, state.board, ctx.integrity, slots, () => budget.tick());
  // Causes until the call's deadline: the pre-solve proofs (a focused diagnose) only for clinics
  // small enough to afford them (about 0.1 s at 300 patients, 15 s at 10,000), then placement
  // analysis; checkSchedule (given a larger timeLimitMs) and explain analyse what is left.
  budget.enter('causes');
  // explain's verifying re-solves read only what is unmet (want.causes false): a fifth of their time.
  // Patients a cut construction never came to get a plain cause (more time), not an analysis.
  const notReached = constructionComplete ? undefined : new Set(compiled.patients.filter((p) => !reached.has(p.index)).map((p) => p.id));
  const proofs = compiled.patients.length <= PROOFS_UP_TO_PATIENTS;
  const report = want.causes === false ? scored : withCauses(ctx, scored, engine.conflicts, notReached ? { proofs, budget, notReached } : { proofs, budget });
  const stats: SolveStats = {
    seed,
    iterations: result.iterations,
    elapsedMs: budget.elapsedMs(),
    firstCompleteMs,
    timeToBestMs: Math.max(result.timeToBestMs, firstCompleteMs),
    stoppedBecause: result.stoppedBecause,
    constructionComplete,
  };
  report.stats = stats;
  return { schedule, report, compiled, conflicts: engine.conflicts, constructedScore, safetyRejections: engine.safetyRejections, constructionComplete };
}

/**
 * Builds the week's timetable: every hard rule kept, the requirement shortfall as small as the
 * budget finds, then the soft rules. Never mutates `problem`.
 *
 * Reproducibility: the same problem, `seed` and `maxIterations` give the same timetable as long
 * as the time limit is not what stopped the run; set `maxIterations` and a generous `timeLimitMs`.
 *
 * @throws {ProblemError} when `problem` is invalid.
 *
 * @example
 * ```ts
 * const { schedule, report } = solve(problem, { seed: 7, timeLimitMs: 2000 });
 * console.log(report.score, report.stats?.stoppedBecause);
 * for (const row of report.patients) console.log(row.patient, row.hours, row.met);
 * ```
 */
export function solve(problem: Problem, options: SolveOptions = {}): Solution {
  const { schedule, report } = solveDetailed(problem, options);
  return { schedule, report };
}
