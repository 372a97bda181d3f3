/**
 * Input issues and the one error class that carries them.
 *
 * @module
 */

/**
 * One thing wrong with the input, with where it is.
 *
 * @example
 * ```ts
 * const issue: Issue = {
 *   path: 'patients[3].availability.weekly[0].start',
 *   code: 'invalid-time',
 *   message: "'25:00' is not a clock time (HH:mm, 00:00 to 24:00).",
 * };
 * ```
 */
export interface Issue {
  /** Where: a property path from the root of the input, e.g. `'tracks[1].windows.weekly[0].end'`; `''` for the root. */
  path: string;
  /** Stable machine-readable code, e.g. `'unknown-reference'`, `'duplicate-id'`, `'invalid-time-zone'`. */
  code: string;
  /** Plain sentence. Never quotes patient data beyond ids. */
  message: string;
}

/**
 * Thrown by `solve` (and the other entry points) when the problem is invalid. Carries every issue
 * `validateProblem` found.
 *
 * @example
 * ```ts
 * try {
 *   solve(input as Problem);
 * } catch (error) {
 *   if (error instanceof ProblemError) console.error(error.issues.map((i) => `${i.path}: ${i.message}`));
 * }
 * ```
 */
export class ProblemError extends Error {
  /** Every issue found, in input order. */
  readonly issues: readonly Issue[];

  constructor(issues: readonly Issue[]) {
    const first = issues[0];
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
    super(first ? `Invalid problem: ${first.path || '(root)'}: ${first.message}${more}` : 'Invalid problem');
    this.name = 'ProblemError';
    this.issues = issues;
  }
}
