/**
 * Validation of untrusted input: every issue, each with its path, code and message; or the
 * problem as a fresh deep copy with the plain field defaults filled in. HoursRules are kept as
 * written: they resolve patient > track > program > defaults where they are used.
 *
 * The parts: `read.ts` (structure), `scalars.ts` (types), `clock.ts`, `availability.ts` and
 * `recurrence.ts` (times), `expansion.ts` (what the availabilities cost to expand), `hours-rules.ts`, `session-counts.ts` and `service.ts` (ranges),
 * `references.ts` (ids and references); codes in `issue-codes.ts`, limits in `limits.ts`.
 */
import type { Problem } from '../model/problem.js';
import { ProblemError, type Issue } from '../model/issue.js';
import { Context } from './context.js';
import { ISSUE_CODES } from './issue-codes.js';
import { readProblem } from './problem.js';
import { checkReferences } from './references.js';
import { checkStaffProgramme } from './staff-programme.js';

/**
 * What {@link validateProblem} answers. `warnings` appears only when there are some.
 *
 * @example
 * ```ts
 * const result: ValidationResult = validateProblem(input);
 * if (result.ok) solve(result.problem);
 * ```
 */
export type ValidationResult =
  | {
      /** The input is a valid problem. */
      ok: true;
      /** The problem read from the input, with defaults resolved; it shares nothing with the input. */
      problem: Problem;
      /** What is valid but probably not meant (see `WARNING_CODES`); absent when there is none. */
      warnings?: Issue[];
    }
  | {
      /** The input is rejected. */
      ok: false;
      /** Every problem found (at least one), each with a path, a code of `ISSUE_CODES` and a sentence. */
      issues: Issue[];
      /** What would be valid but probably not meant; absent when there is none. */
      warnings?: Issue[];
    };

/**
 * Checks untrusted input and returns the problem with defaults resolved, or every issue found.
 * Never throws, never mutates its input; the problem returned shares nothing with it.
 *
 * @example
 * ```ts
 * const result = validateProblem(JSON.parse(text));
 * if (!result.ok) for (const issue of result.issues) console.error(`${issue.path}: ${issue.message}`);
 * ```
 */
export function validateProblem(input: unknown): ValidationResult {
  const context = new Context();
  let problem: Problem | undefined;
  try {
    const read = readProblem(input, context);
    if (read !== undefined) {
      checkReferences(read.problem, context, read.granularity);
      checkStaffProgramme(read.problem, context);
      problem = read.problem as Problem;
    }
  } catch {
    // Every reader guards what it touches: reaching here is a bug, reported rather than thrown.
    context.report('', ISSUE_CODES.internalError, 'The validator failed on this input; please report it.');
  }
  const warnings = context.warnings.length > 0 ? { warnings: context.warnings } : {};
  if (context.issues.length > 0 || problem === undefined) return { ok: false, issues: context.issues, ...warnings };
  return { ok: true, problem, ...warnings };
}

/**
 * The valid problem, or throws a {@link ProblemError} with every issue.
 *
 * @example
 * ```ts
 * const problem = assertValidProblem(JSON.parse(text)); // throws ProblemError when invalid
 * ```
 */
export function assertValidProblem(input: unknown): Problem {
  const result = validateProblem(input);
  if (!result.ok) throw new ProblemError(result.issues);
  return result.problem;
}
