/**
 * Where validation is and what it found: issue paths and the issue list.
 */
import type { Issue } from '../model/issue.js';
import { ISSUE_CODES, type IssueCode, type WarningCode } from './issue-codes.js';
import { LIMITS } from './limits.js';
import { ExpansionTally } from './expansion-tally.js';

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const SHOWN_KEY_LENGTH = 60;

/**
 * The path of property `key` of the value at `path`: `a.b`, or `a["odd key"]` when `key` is no identifier.
 *
 * @example
 * ```ts
 * pathOf('patients[3]', 'tracks'); // 'patients[3].tracks'
 * pathOf('x', 'odd key'); // 'x["odd key"]'
 * ```
 */
export function pathOf(path: string, key: string): string {
  if (key.length <= SHOWN_KEY_LENGTH && IDENTIFIER.test(key)) return path === '' ? key : `${path}.${key}`;
  const shown = key.length > SHOWN_KEY_LENGTH ? `${key.slice(0, SHOWN_KEY_LENGTH)}…` : key;
  return `${path}[${JSON.stringify(shown)}]`;
}

/**
 * The path of item `index` of the list at `path`: `a[3]`.
 *
 * @example
 * ```ts
 * indexOf('patients', 3); // 'patients[3]'
 * ```
 */
export function indexOf(path: string, index: number): string {
  return `${path}[${index}]`;
}

/**
 * A short, quoted rendering of a string for a message (ids, times, dates): never the whole of a long string.
 *
 * @example
 * ```ts
 * quote('25:00'); // '"25:00"'
 * ```
 */
export function quote(text: string): string {
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}

/**
 * The JSON type of a value, for messages; the value itself is never shown.
 *
 * @example
 * ```ts
 * typeName([]); // 'an array'
 * ```
 */
export function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (isArraySafely(value)) return 'an array';
  switch (typeof value) {
    case 'object':
      return 'an object';
    case 'string':
      return 'a string';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'a boolean';
    default:
      return typeof value;
  }
}

/**
 * `Array.isArray` that answers false instead of throwing (a revoked proxy throws).
 *
 * @example
 * ```ts
 * isArraySafely(revokedProxy); // false, where Array.isArray throws
 * ```
 */
export function isArraySafely(value: unknown): boolean {
  try {
    return Array.isArray(value);
  } catch {
    return false;
  }
}

/**
 * The issues (and warnings) found so far. Stops recording issues after {@link LIMITS.issues}.
 *
 * @example
 * ```ts
 * const context = new Context();
 * context.report('weekStart', 'not-monday', 'weekStart is not a Monday.');
 * ```
 */
export class Context {
  readonly issues: Issue[] = [];
  readonly warnings: Issue[] = [];
  /** What the availabilities read so far cost to expand (see `expansion.ts`). */
  readonly tally: ExpansionTally = new ExpansionTally();
  private full = false;

  /** Records an issue at `path`. */
  report(path: string, code: IssueCode, message: string): void {
    if (this.full) return;
    if (this.issues.length >= LIMITS.issues) {
      this.full = true;
      this.issues.push({ path: '', code: ISSUE_CODES.tooManyIssues, message: `More than ${LIMITS.issues} issues: only the first are listed.` });
      return;
    }
    this.issues.push({ path, code, message });
  }

  /** Records a warning at `path`: the problem stays valid. */
  warn(path: string, code: WarningCode, message: string): void {
    if (this.warnings.length < LIMITS.issues) this.warnings.push({ path, code, message });
  }
}

/**
 * What a reader builds: the checked copy of a model type, every part optional. It is complete
 * (a `T`) exactly when no issue was reported inside it.
 *
 * @example
 * ```ts
 * const partial: Draft<Room> = { id: 'room-a' };
 * ```
 */
export type Draft<T> = T extends ReadonlyArray<infer U> ? Array<Draft<U> | undefined> : T extends object ? { [K in keyof T]?: Draft<T[K]> } : T;
