/**
 * Validation of untrusted input. PLACEHOLDER: the input work replaces this with every check of
 * DESIGN section 9; the signatures stay.
 */
import type { Problem } from '../model/problem.js';
import { ProblemError, type Issue } from '../model/issue.js';

/**
 * Checks untrusted input and returns the problem with defaults resolved, or every issue found.
 * Never throws, never mutates its input.
 *
 * @example
 * ```ts
 * const result = validateProblem(JSON.parse(text));
 * if (!result.ok) for (const issue of result.issues) console.error(`${issue.path}: ${issue.message}`);
 * ```
 */
export function validateProblem(input: unknown): { ok: true; problem: Problem } | { ok: false; issues: Issue[] } {
  if (typeof input !== 'object' || input === null) {
    return { ok: false, issues: [{ path: '', code: 'invalid-type', message: 'A problem must be an object.' }] };
  }
  return { ok: true, problem: structuredClone(input) as Problem };
}

/** The valid problem, or throws a {@link ProblemError} with every issue. */
export function assertValidProblem(input: unknown): Problem {
  const result = validateProblem(input);
  if (!result.ok) throw new ProblemError(result.issues);
  return result.problem;
}
