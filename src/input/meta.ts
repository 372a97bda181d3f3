/**
 * `meta`: the caller's own data on an entity (an EHR id, a billing code). The library never reads
 * it, so validation only makes sure it is JSON data of bounded size and depth, and copies it so
 * the problem returned shares nothing with the input. Messages name where a value is wrong,
 * never the value: meta may hold anything, protected health information included.
 */
import { type Context, indexOf, isArraySafely, pathOf, typeName } from './context.js';
import { ISSUE_CODES, type IssueCode } from './issue-codes.js';
import { LIMITS } from './limits.js';

/** Why a meta was refused, thrown from deep inside the copy and reported once. */
class Refusal {
  constructor(
    readonly path: string,
    readonly code: IssueCode,
    readonly message: string,
  ) {}
}

const JSON_KINDS = 'objects, arrays, strings, finite numbers, true, false and null';

/** A plain object of any realm: `{}`, `Object.create(null)`, JSON.parse's; not a Date, Map or class instance. */
function isPlainObject(value: object): boolean {
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === null || (Object.getPrototypeOf(prototype) === null && Object.prototype.toString.call(value) === '[object Object]');
}

/** Sets `key` on `target` as an own data property, even `__proto__` (plain assignment would change the prototype). */
function define(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

/** Copies JSON data; `budget.left` counts down the characters of its JSON text. */
function copyJson(value: unknown, path: string, depth: number, budget: { left: number }, ancestors: Set<object>): unknown {
  const spend = (characters: number): void => {
    budget.left -= characters;
    if (budget.left < 0) throw new Refusal(path, ISSUE_CODES.tooLarge, `meta is longer than ${LIMITS.metaLength} characters as JSON: keep bulky data outside the problem and refer to it by id.`);
  };
  if (value === null || typeof value === 'boolean') {
    spend(String(value).length);
    return value;
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Refusal(path, ISSUE_CODES.notJson, `This value of meta is not a finite number; only ${JSON_KINDS} are JSON.`);
    spend(String(value).length);
    return value;
  }
  if (typeof value === 'string') {
    spend(value.length + 2); // before quoting, so a huge string is refused without copying it
    spend(JSON.stringify(value).length - value.length - 2);
    return value;
  }
  if (typeof value !== 'object') throw new Refusal(path, ISSUE_CODES.notJson, `This value of meta is a ${typeof value}; only ${JSON_KINDS} are JSON.`);
  if (ancestors.has(value)) throw new Refusal(path, ISSUE_CODES.notJson, 'This value of meta contains itself (a cycle): JSON cannot hold it.');
  if (depth > LIMITS.metaDepth) throw new Refusal(path, ISSUE_CODES.tooLarge, `meta is nested deeper than ${LIMITS.metaDepth} levels.`);
  ancestors.add(value);
  let copy: unknown;
  if (Array.isArray(value)) copy = copyArray(value, path, depth, budget, ancestors, spend);
  else if (isPlainObject(value)) copy = copyObject(value as Record<string, unknown>, path, depth, budget, ancestors, spend);
  else throw new Refusal(path, ISSUE_CODES.notJson, `This value of meta is an instance of a class (a Date, a Map, ...); only ${JSON_KINDS} are JSON.`);
  ancestors.delete(value);
  return copy;
}

function copyArray(value: readonly unknown[], path: string, depth: number, budget: { left: number }, ancestors: Set<object>, spend: (n: number) => void): unknown[] {
  spend(2 + Math.max(0, value.length - 1));
  const copy: unknown[] = [];
  for (let index = 0; index < value.length; index += 1) {
    const item = value[index];
    // JSON has no undefined items (JSON.stringify would silently write null).
    if (item === undefined) throw new Refusal(indexOf(path, index), ISSUE_CODES.notJson, 'This item of meta is undefined (or a hole); JSON has no such value.');
    copy.push(copyJson(item, indexOf(path, index), depth + 1, budget, ancestors));
  }
  return copy;
}

function copyObject(value: Record<string, unknown>, path: string, depth: number, budget: { left: number }, ancestors: Set<object>, spend: (n: number) => void): Record<string, unknown> {
  spend(2);
  const copy: Record<string, unknown> = {};
  let entries = 0;
  for (const key of Object.keys(value)) {
    const item = value[key];
    // As everywhere in the problem, a property set to undefined is absent.
    if (item === undefined) continue;
    spend(JSON.stringify(key).length + 1 + (entries > 0 ? 1 : 0));
    entries += 1;
    define(copy, key, copyJson(item, pathOf(path, key), depth + 1, budget, ancestors));
  }
  return copy;
}

/**
 * An entity's `meta`: a JSON object of at most {@link LIMITS.metaLength} characters and
 * {@link LIMITS.metaDepth} levels, returned as a deep copy. One issue at most, at the first value
 * refused; the message never shows a value.
 *
 * @example
 * ```ts
 * readMeta({ ehrId: 'E-1042', codes: ['H0015'] }, 'patients[0].meta', context); // a copy
 * readMeta({ at: new Date() }, 'patients[0].meta', context); // undefined, not-json at patients[0].meta.at
 * ```
 */
export function readMeta(value: unknown, path: string, context: Context): Record<string, unknown> | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'object' || value === null || isArraySafely(value)) {
    context.report(path, ISSUE_CODES.invalidType, `meta must be a JSON object, not ${typeName(value)}.`);
    return undefined;
  }
  try {
    return copyJson(value, path, 1, { left: LIMITS.metaLength }, new Set()) as Record<string, unknown>;
  } catch (error) {
    if (error instanceof Refusal) context.report(error.path, error.code, error.message);
    else context.report(path, ISSUE_CODES.unreadable, 'meta could not be read (a getter threw or a proxy was revoked).');
    return undefined;
  }
}
