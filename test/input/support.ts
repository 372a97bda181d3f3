/**
 * Helpers for the validation tests: a tiny valid problem changed in one place, and the issues
 * validation finds, as `path code` strings that read well in a failing assertion.
 */
import type { Issue } from '../../src/model/issue.js';
import { validateProblem } from '../../src/input/validate.js';
import { tinyProblem } from '../support/tiny.js';

/** Loosely typed problem for tests that write invalid values into it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Loose = any;

/** The tiny problem after `change`. */
export function changed(change: (problem: Loose) => void): unknown {
  const problem: Loose = tinyProblem();
  change(problem);
  return problem;
}

/** Every issue of `input`, as `'path code'`. */
export function issuesOf(input: unknown): string[] {
  const result = validateProblem(input);
  return result.ok ? [] : result.issues.map((issue: Issue) => `${issue.path} ${issue.code}`);
}

/** Every issue of the tiny problem after `change`. */
export function issuesAfter(change: (problem: Loose) => void): string[] {
  return issuesOf(changed(change));
}
