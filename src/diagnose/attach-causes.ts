/**
 * Gives every unmet requirement of a report its causes, so that any report (from `solve` or
 * `checkSchedule`) says why, not only what. Repairs need re-solving and stay with `explain`.
 */
import type { Report } from '../model/report.js';
import type { RuleContext } from '../rules/types.js';
import type { Budget } from '../time/budget.js';
import { findCauses, type ConflictCounts } from './causes.js';
import { impossibleFindings } from './diagnose.js';
import { notReachedCause } from './not-reached.js';

/** How much analysis a caller can afford. */
export interface CauseBudget {
  /**
   * Whether to include the pre-solve proofs (a focused `diagnose`). Default true. It cannot be
   * cut short, and costs about a millisecond per patient of a large clinic.
   */
  proofs?: boolean;
  /**
   * The call's budget: once spent, the proofs are skipped and the remaining entries get only the
   * solver's counted conflicts (or a `not-analysed` cause that says so). Default: no limit.
   */
  budget?: Budget;
  /**
   * Ids of the patients a construction cut by the time limit never reached: their entries get the
   * one `not-reached` cause at no analysis cost (and no proofs), and the call's time goes to the
   * patients construction did try.
   */
  notReached?: ReadonlySet<string>;
}

/**
 * The report with `causes` filled on every `unmet` entry (the report itself is not changed).
 *
 * @example
 * ```ts
 * const explained = withCauses(ctx, report, engine.conflicts, { budget, notReached: new Set(['p-07']) });
 * ```
 */
export function withCauses(ctx: RuleContext, report: Report, conflicts?: ConflictCounts, options: CauseBudget = {}): Report {
  if (report.unmet.length === 0) return report;
  const { notReached, ...budget } = options;
  if (notReached === undefined || notReached.size === 0) return analysed(ctx, report, conflicts, budget);
  const tried = report.unmet.filter((entry) => !notReached.has(entry.patient));
  const triedCauses = tried.length === 0 ? [] : analysed(ctx, { ...report, unmet: tried }, conflicts, budget).unmet;
  const aborted = budget.budget?.aborted() === true;
  let k = 0;
  return {
    ...report,
    unmet: report.unmet.map((entry) => (notReached.has(entry.patient) ? { ...entry, causes: [notReachedCause(entry.patient, aborted)] } : triedCauses[k++]!)),
  };
}

/** {@link withCauses} for entries that all get the analysis. */
function analysed(ctx: RuleContext, report: Report, conflicts: ConflictCounts | undefined, budget: Omit<CauseBudget, 'notReached'>): Report {
  if (budget.proofs === false) {
    const causes = findCauses(ctx, report, [], conflicts, budget.budget);
    return { ...report, unmet: report.unmet.map((entry, i) => ({ ...entry, causes: causes[i] ?? [] })) };
  }
  // Only the patients who fall short need their per-patient proofs.
  const focus = new Set<number>();
  for (const entry of report.unmet) {
    const patient = ctx.problem.patientIndex.get(entry.patient);
    if (patient !== undefined) focus.add(patient);
  }
  const causes = findCauses(ctx, report, impossibleFindings(ctx.problem, focus, budget.budget), conflicts, budget.budget);
  return { ...report, unmet: report.unmet.map((entry, i) => ({ ...entry, causes: causes[i] ?? [] })) };
}
