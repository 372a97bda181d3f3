/**
 * `explain`: fills every unmet requirement of a solved week with its causes and verified repairs.
 */
import { scheduleContext } from '../compiled/schedule-context.js';
import { compileProblem } from '../compiled/compile.js';
import { assertValidProblem } from '../input/validate.js';
import type { Progress } from '../model/options.js';
import type { Problem } from '../model/problem.js';
import { budgetOf } from '../time/budget.js';
import type { Repair, Report } from '../model/report.js';
import type { Schedule } from '../model/schedule.js';
import { findCauses, unmetServices, type ConflictCounts } from './causes.js';
import { diagnoseCompiled } from './diagnose.js';
import { candidatesFor, type RepairCandidate } from './repair-candidates.js';
import { unmetKey, verifyRepairs, type RepairBudget, type SolveFunction } from './repairs.js';
import type { Diagnosis } from './types.js';

/** Options of {@link explain}. */
export interface ExplainOptions extends RepairBudget {
  /** The solver used to verify repairs (e.g. `solve`). Without it, repairs are listed unverified. */
  solve?: SolveFunction;
  /** The solver's conflict statistics (e.g. `solveDetailed(...).conflicts`), merged into the causes. */
  conflicts?: ConflictCounts;
  /** A diagnosis already computed for `problem`. */
  diagnosis?: Diagnosis;
  /** Most repairs listed per unmet requirement. Default 3. */
  repairsPerRequirement?: number;
  /**
   * Wall-time budget of the whole call in milliseconds: the diagnosis, the cause analysis and the
   * verifying re-solves, each of which gets at most `timeLimitMs` and never more than what is
   * left. Default: `timeLimitMs` x (`maxCandidates` + 1) + 3000, the most the re-solves took
   * before there was a call budget, plus the analysis. Entries it leaves get `not-analysed` causes
   * and fewer verified repairs.
   */
  totalTimeLimitMs?: number;
  /** Aborting stops the analysis and the re-solves (what was verified so far is kept). */
  signal?: AbortSignal;
  /** Called with the phase (`causes`, then `explain` for the re-solves) when each begins and at most 10 times a second within it. */
  onProgress?: (progress: Progress) => void;
}

/** Candidates across every unmet entry, the ones aimed at the most patients first, then the cheapest. */
function prioritise(perEntry: readonly RepairCandidate[][]): RepairCandidate[] {
  const byMessage = new Map<string, { candidate: RepairCandidate; patients: Set<string>; order: number }>();
  perEntry.flat().forEach((candidate, order) => {
    const known = byMessage.get(candidate.message);
    if (known) for (const p of candidate.patients) known.patients.add(p);
    else byMessage.set(candidate.message, { candidate, patients: new Set(candidate.patients), order });
  });
  return [...byMessage.values()]
    .sort((a, b) => b.patients.size - a.patients.size || a.candidate.cost - b.candidate.cost || a.order - b.order)
    .map((entry) => ({ ...entry.candidate, patients: [...entry.patients] }));
}

/**
 * A copy of `solved.report` whose every `unmet` entry carries its causes (findings that prove it,
 * rules that blocked placements, naming rooms, clinicians, windows and other patients) and its
 * repairs (verified with `options.solve` on copies of the problem, best first). Never mutates
 * its inputs. Deterministic for a given budget.
 *
 * @throws {ProblemError} when `problem` is invalid.
 *
 * @example
 * ```ts
 * const solved = solve(problem, { seed: 1, maxIterations: 20000 });
 * const report = explain(problem, solved, { solve, maxCandidates: 8, maxIterations: 3000 });
 * for (const entry of report.unmet) console.log(entry.message, entry.causes[0]?.message, entry.repairs[0]?.message);
 * ```
 */
export function explain(problem: Problem, solved: { schedule: Schedule; report: Report }, options: ExplainOptions = {}): Report {
  const perSolve = options.timeLimitMs ?? 2000;
  const budget = budgetOf(
    { timeLimitMs: options.totalTimeLimitMs, signal: options.signal, onProgress: options.onProgress },
    perSolve * ((options.maxCandidates ?? 8) + 1) + 3000,
  );
  budget.enter('validate');
  const valid = assertValidProblem(problem);
  budget.enter('compile');
  const compiled = compileProblem(valid);
  const ctx = scheduleContext(compiled, solved.schedule);
  const report: Report = structuredClone(solved.report);
  budget.enter('causes');
  const diagnosis = options.diagnosis ?? diagnoseCompiled(compiled, undefined, budget);
  const causes = findCauses(ctx, report, diagnosis.impossible, options.conflicts, budget);
  const services = unmetServices(report);
  const perEntry = report.unmet.map((entry, i) => candidatesFor(compiled, entry, services[i], causes[i] ?? []));
  const limit = options.repairsPerRequirement ?? 3;
  report.unmet.forEach((entry, i) => (entry.causes = causes[i] ?? []));
  if (report.unmet.length === 0) return report;
  // Without a solver, or with no time left to run it, the candidates are listed unverified.
  if (!options.solve || budget.spent()) {
    report.unmet.forEach((entry, i) => {
      entry.repairs = (perEntry[i] ?? []).slice(0, limit).map((c): Repair => ({ kind: c.kind, message: c.message, verified: false }));
    });
    return report;
  }
  budget.enter('explain');
  const repairBudget = { seed: options.seed ?? 1, maxIterations: options.maxIterations ?? 2000, timeLimitMs: perSolve };
  const call = { budget, signal: options.signal };
  const baseline = options.solve(structuredClone(valid), { ...repairBudget, timeLimitMs: Math.min(perSolve, budget.remainingMs()), ...(options.signal ? { signal: options.signal } : {}) }).report;
  const measured = verifyRepairs(valid, baseline, prioritise(perEntry), options.solve, { ...repairBudget, maxCandidates: options.maxCandidates ?? 8 }, unmetServices, call);
  report.unmet.forEach((entry, i) => {
    const key = unmetKey(entry, services[i]);
    entry.repairs = measured
      .filter((repair) => repair.helps.has(key))
      .slice(0, limit)
      .map((repair): Repair => ({ kind: repair.kind, message: repair.message, verified: true, effect: { ...repair.effect } }));
  });
  return report;
}

/**
 * A copy of `problem` with `repair` (one of `report.unmet[].repairs`, from {@link explain})
 * applied, or `undefined` when the repair is not one `explain` would propose for this report.
 * Lets a clinic app offer "apply this change". Never mutates `problem`.
 *
 * @example
 * ```ts
 * const top = report.unmet[0]?.repairs[0];
 * const changed = top && applyRepair(problem, report, top);
 * if (changed) console.log(solve(changed).report.unmet.length);
 * ```
 */
export function applyRepair(problem: Problem, report: Report, repair: Pick<Repair, 'kind' | 'message'>): Problem | undefined {
  const valid = assertValidProblem(problem);
  const compiled = compileProblem(valid);
  const services = unmetServices(report);
  for (const [i, entry] of report.unmet.entries()) {
    for (const candidate of candidatesFor(compiled, entry, services[i], entry.causes)) {
      if (candidate.kind !== repair.kind || (repair.message !== candidate.message && !repair.message.startsWith(`${candidate.message}:`))) continue;
      const copy = structuredClone(valid);
      candidate.apply(copy);
      return copy;
    }
  }
  return undefined;
}
