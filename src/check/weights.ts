/**
 * Soft-rule weights as the caller gives them (`{ 'compact-days': 2 }`), checked against the
 * catalogue. A misspelt code or a negative weight would silently change the week, so both are
 * errors rather than ignored.
 */
import type { Weights } from '../model/options.js';
import { ProblemError, type Issue } from '../model/issue.js';
import type { Rule } from '../rules/types.js';
import { TRIAGE_OFF } from '../rules/patients-short.js';
import type { Triage } from '../model/options.js';

/**
 * The weights map the score board and report read: only soft rules' codes, each a finite number
 * of at least 0 (0 switches the rule off). Hard and requirement rules always weigh 1.
 *
 * @throws {ProblemError} naming every unknown code or invalid weight.
 *
 * @example
 * ```ts
 * const weights = resolveWeights(allRules(), { 'compact-days': 2, stability: 0 });
 * weights.get('compact-days'); // 2
 * ```
 */
export function resolveWeights(rules: readonly Rule[], weights: Partial<Weights> | undefined): Map<string, number> {
  const resolved = new Map<string, number>();
  if (weights === undefined) return resolved;
  const issues: Issue[] = [];
  if (typeof weights !== 'object' || weights === null) {
    throw new ProblemError([{ path: 'weights', code: 'invalid-weights', message: 'Weights must be an object of rule codes to numbers.' }]);
  }
  const byCode = new Map(rules.map((rule) => [rule.code, rule]));
  for (const [code, weight] of Object.entries(weights)) {
    if (weight === undefined) continue;
    const rule = byCode.get(code);
    const path = `weights.${code}`;
    if (!rule) issues.push({ path, code: 'unknown-rule', message: `There is no rule ${code} to weigh.` });
    else if (rule.level !== 'soft') issues.push({ path, code: 'not-soft', message: `Rule ${code} is a ${rule.level} rule; only soft rules take weights.` });
    else if (typeof weight !== 'number' || !Number.isFinite(weight) || weight < 0) {
      issues.push({ path, code: 'invalid-weight', message: `The weight of ${code} must be a number of at least 0.` });
    } else resolved.set(code, weight);
  }
  if (issues.length > 0) throw new ProblemError(issues);
  return resolved;
}

/**
 * The resolved weights with the triage mode applied: under `'spread'` the `patients-short` rule
 * is off, so the requirement score is the minutes short alone; under `'whole-patients'` (the
 * default, `undefined`) it counts.
 *
 * @throws {ProblemError} when `triage` is neither mode.
 *
 * @example
 * ```ts
 * const weights = withTriage(resolveWeights(allRules(), options.weights), options.triage);
 * ```
 */
export function withTriage(weights: Map<string, number>, triage: Triage | undefined): Map<string, number> {
  if (triage === undefined || triage === 'whole-patients') return weights;
  if (triage !== 'spread') {
    throw new ProblemError([{ path: 'triage', code: 'invalid-triage', message: "triage must be 'whole-patients' or 'spread'." }]);
  }
  return new Map([...weights, TRIAGE_OFF]);
}
