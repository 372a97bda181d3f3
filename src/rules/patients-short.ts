/**
 * Whole-patient triage (`SolveOptions.triage: 'whole-patients'`, the default): in an over-full
 * week, twelve whole IOP weeks and eight clear referrals beat twenty broken weeks (a patient
 * below the minimum is not an IOP week for billing or compliance). So a patient short of any
 * requirement costs, besides their minutes short, a triage weight that outweighs every minute of
 * shortfall in the whole week: the score then asks first for the most patients fully served,
 * higher `priority` first, and only then for the least shortfall. Under `'spread'` the rule is
 * switched off (weight 0, see `TRIAGE_OFF`) and the score is the minutes alone.
 *
 * The weights are strict orders, not rates: one patient of a higher priority outweighs every
 * patient of the lower ones together, and one patient outweighs all the minutes. They are exact
 * integers: when the priorities present would need weights beyond exact arithmetic (`SAFE`), the
 * lowest priorities are merged, so the highest keep their order (a clinic has a handful of levels).
 */
import type { CompiledProblem } from '../compiled/compile.js';
import type { ResolvedHoursRules } from '../input/defaults.js';
import type { Report } from '../model/report.js';
import { resolvedRules } from './problem-memo.js';
import { HOUR_EQUIVALENT, enrolledThisWeek, requirementsOf } from './requirements.js';
import type { Rule, RuleContext } from './types.js';

/**
 * The rule's code.
 *
 * @example
 * ```ts
 * const row = report.byRule.find((r) => r.rule === PATIENTS_SHORT);
 * ```
 */
export const PATIENTS_SHORT = 'patients-short';

/**
 * The internal weights entry that switches the rule off (`triage: 'spread'`). Users cannot weigh
 * a requirement rule (`resolveWeights` refuses it); the pipeline adds this entry itself.
 *
 * @example
 * ```ts
 * const board = new ScoreBoard(allRules(), new Map([TRIAGE_OFF]));
 * ```
 */
export const TRIAGE_OFF: readonly [string, number] = [PATIENTS_SHORT, 0];

/** Largest score total kept exact: well inside 2^53, with room for the minutes and rounding-free sums. */
const SAFE = 2 ** 50;

/** The triage weight of each patient of one compiled problem. */
export interface TriageWeights {
  /** Weight per patient index (minute-equivalents). */
  readonly weight: Float64Array;
  /** One more than any week's total requirement shortfall in minute-equivalents. */
  readonly base: number;
}

const memo = new WeakMap<CompiledProblem, TriageWeights>();

/**
 * A patient's priority as given (0 when absent or not a finite number).
 *
 * @example
 * ```ts
 * priorityOf(compiled, 0); // 0 unless patients[0].priority says otherwise
 * ```
 */
export function priorityOf(problem: CompiledProblem, patient: number): number {
  const value = problem.source.patients[patient]?.priority;
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

/** Most minute-equivalents one set of hours rules can fall short in a week (its minimums). */
function rulesShortfall(rules: ResolvedHoursRules): number {
  return (
    Math.ceil(rules.minWeeklyHours * 60) +
    Math.ceil(rules.minDays) * HOUR_EQUIVALENT +
    7 * (Math.ceil(rules.minDailyMinutes ?? 0) + Math.ceil(rules.minDailyServices ?? 0) * HOUR_EQUIVALENT)
  );
}

/**
 * Most minute-equivalents a patient's requirements can fall short in any week, whichever track's
 * rules apply. `byRules` keeps the rules' part per resolved rules object: patients without rules
 * of their own share their track's object, so a network's patients cost a lookup each.
 */
function worstShortfall(problem: CompiledProblem, patient: number, byRules: Map<ResolvedHoursRules, number>): number {
  const compiled = problem.patients[patient]!;
  let worst = 0;
  for (let at = -1; at < compiled.tracks.length; at++) {
    const track = at < 0 ? -1 : compiled.tracks[at]!;
    const rules = resolvedRules(problem, patient, track);
    let total = byRules.get(rules);
    if (total === undefined) {
      total = rulesShortfall(rules);
      byRules.set(rules, total);
    }
    // Curriculum, then the patient's own counts, in this order (the sum is the same as ever).
    if (track >= 0) for (const entry of problem.tracks[track]?.curriculum ?? []) total += Math.max(0, entry.min) * (problem.services[entry.service]?.durationMinutes ?? 0);
    for (const entry of compiled.requires) total += Math.max(0, entry.min) * (problem.services[entry.service]?.durationMinutes ?? 0);
    worst = Math.max(worst, total);
  }
  return worst;
}

/**
 * Each patient's triage weight: `base` for the lowest priority present, and for each higher one
 * `(n + 1)` times the one below, `n` the patients below, so that one patient outweighs all below.
 *
 * @example
 * ```ts
 * const { weight, base } = triageWeights(compiled);
 * weight[3]! >= base; // true
 * ```
 */
export function triageWeights(problem: CompiledProblem): TriageWeights {
  const known = memo.get(problem);
  if (known) return known;
  const n = problem.patients.length;
  let base = 1;
  const byRules = new Map<ResolvedHoursRules, number>();
  for (let p = 0; p < n; p++) base += worstShortfall(problem, p, byRules);
  const levels = [...new Set(problem.patients.map((_, p) => priorityOf(problem, p)))].sort((a, b) => a - b);
  const count = new Map<number, number>();
  for (let p = 0; p < n; p++) count.set(priorityOf(problem, p), (count.get(priorityOf(problem, p)) ?? 0) + 1);
  // Merge the lowest levels while the strict weights would not be exact.
  let lowest = 0;
  const weightOfLevel = new Map<number, number>();
  for (;;) {
    weightOfLevel.clear();
    let weight = base;
    let group = 0;
    for (let at = 0; at < levels.length; at++) {
      const level = levels[at]!;
      if (at > lowest) {
        weight *= group + 1;
        group = 0;
      }
      group += count.get(level) ?? 0;
      weightOfLevel.set(level, weight);
    }
    if (weight * (group + 1) <= SAFE || lowest >= levels.length - 1) break;
    lowest += 1;
  }
  const weights: TriageWeights = { weight: Float64Array.from(problem.patients, (_, p) => weightOfLevel.get(priorityOf(problem, p)) ?? base), base };
  memo.set(problem, weights);
  return weights;
}

/** How many requirements of `patient` fall short in `ctx`. */
function requirementsShort(ctx: RuleContext, patient: number): number {
  let short = 0;
  for (const requirement of requirementsOf(ctx, patient)) if (requirement.shortfall > 0) short += 1;
  return short;
}

/**
 * A patient short of any requirement. Penalty: the patient's triage weight.
 *
 * @example
 * ```ts
 * patientsShort.evaluate(ctx, 3, (penalty) => console.log(penalty)); // the weight, when patient 3 is short
 * ```
 */
export const patientsShort: Rule = {
  code: PATIENTS_SHORT,
  level: 'requirement',
  scope: 'patient',
  title: 'Patients not fully served',
  description:
    "Whole-patient triage (solve's triage 'whole-patients', the default; off under 'spread'): each patient enrolled this week " +
    'and short of any requirement. Penalty: the triage weight of the patient, in minute-equivalents: more than every minute of ' +
    'shortfall in the week together, and for a higher priority more than every patient of the lower ones together, so the ' +
    'most patients are fully served, higher priority first, then the least shortfall.',
  evaluate(ctx, patient, emit) {
    if (!enrolledThisWeek(ctx, patient)) return;
    const short = requirementsShort(ctx, patient);
    if (short === 0) return;
    emit(triageWeights(ctx.problem).weight[patient]!, () => {
      const id = ctx.problem.patients[patient]!.id;
      const priority = priorityOf(ctx.problem, patient);
      return {
        message:
          `Patient ${id} is not fully served this week: ${short} ${short === 1 ? 'requirement falls' : 'requirements fall'} short ` +
          `(priority ${priority}); the unmet entries say why.`,
        patients: [id],
      };
    });
  },
};

/**
 * A report's requirement shortfall in minute-equivalents alone: its requirement score without
 * the triage weights (what `Repair.effect.shortfallReducedMinutes` and tables of minutes read).
 *
 * @example
 * ```ts
 * const minutes = minutesShort(report); // equals report.score.requirement under triage 'spread'
 * ```
 */
export function minutesShort(report: Pick<Report, 'score' | 'byRule'>): number {
  const triage = report.byRule.find((row) => row.rule === PATIENTS_SHORT)?.weighted ?? 0;
  return report.score.requirement - triage;
}
