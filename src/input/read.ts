/**
 * Structure: reading objects and arrays of untrusted input without ever throwing. Only own
 * enumerable properties count; each is read once, inside `try`, so a throwing getter or a revoked
 * proxy becomes an `unreadable` issue. Validation walks the model's shape, never the input's, so
 * cycles and deep nesting in the input cost nothing.
 */
import { type Context, indexOf, isArraySafely, pathOf, typeName } from './context.js';
import { ISSUE_CODES } from './issue-codes.js';
import { LIMITS } from './limits.js';

/**
 * The known properties of one object of the input, read once.
 *
 * @example
 * ```ts
 * const fields = readRecord(raw, 'rooms[0]', context, new Set(['id']), 'A room');
 * const id = fields?.required('id');
 * ```
 */
export class Fields {
  constructor(
    /** The known properties read, in the object's order; `values` holds their values at the same positions. */
    private readonly keys: readonly string[],
    private readonly values: readonly unknown[],
    /** Path of the object. */
    readonly path: string,
    private readonly context: Context,
  ) {}

  /** The path of known property `key` (an identifier, so no quoting is needed). */
  at(key: string): string {
    return this.path === '' ? key : `${this.path}.${key}`;
  }

  /** The value of optional property `key`; `undefined` when absent. */
  optional(key: string): unknown {
    // A record has a few properties: a scan beats a map built for every object of the input.
    const at = this.keys.indexOf(key);
    return at < 0 ? undefined : this.values[at];
  }

  /** The value of required property `key`; reports `missing-field` and answers `undefined` when absent. */
  required(key: string): unknown {
    const value = this.optional(key);
    if (value === undefined) this.context.report(this.at(key), ISSUE_CODES.missingField, `Property '${key}' is required.`);
    return value;
  }
}

/**
 * Reads an object with the given known properties: reports the value when it is no object, and
 * every unknown property. Properties whose value is `undefined` count as absent.
 *
 * @example
 * ```ts
 * const fields = readRecord({ id: 'a', nmae: 'b' }, 'rooms[0]', context, new Set(['id', 'name']), 'A room');
 * // unknown-property at rooms[0].nmae
 * ```
 */
export function readRecord(value: unknown, path: string, context: Context, known: ReadonlySet<string>, what: string): Fields | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'object' || value === null || isArraySafely(value)) {
    context.report(path, ISSUE_CODES.invalidType, `${what} must be an object, not ${typeName(value)}.`);
    return undefined;
  }
  let keys: string[];
  try {
    keys = Object.keys(value);
  } catch {
    context.report(path, ISSUE_CODES.unreadable, `${what} could not be read.`);
    return undefined;
  }
  if (keys.length > LIMITS.properties) {
    context.report(path, ISSUE_CODES.tooLarge, `${what} has ${keys.length} properties; at most ${LIMITS.properties} are read.`);
    keys = [...known].filter((key) => hasOwnSafely(value, key));
  }
  const read: string[] = [];
  const values: unknown[] = [];
  for (const key of keys) {
    if (!known.has(key)) {
      context.report(pathOf(path, key), ISSUE_CODES.unknownProperty, `Unknown property: ${what.toLowerCase()} has no property of this name.`);
      continue;
    }
    try {
      values.push((value as Record<string, unknown>)[key]);
      read.push(key);
    } catch {
      context.report(pathOf(path, key), ISSUE_CODES.unreadable, `Property '${key}' could not be read.`);
    }
  }
  return new Fields(read, values, path, context);
}

function hasOwnSafely(value: object, key: string): boolean {
  try {
    return Object.hasOwn(value, key);
  } catch {
    return false;
  }
}

/**
 * Reads an array of at most `maxItems` items, each through `readItem` (holes read as `undefined`).
 * The copy keeps every position, with `undefined` where an item was invalid.
 *
 * @example
 * ```ts
 * const days = readArray(raw, 'x.days', context, 1000, 'days', (item, path) => readWeekday(item, path, context, 'A day'));
 * ```
 */
export function readArray<T>(
  value: unknown,
  path: string,
  context: Context,
  maxItems: number,
  what: string,
  readItem: (item: unknown, path: string, index: number) => T | undefined,
): Array<T | undefined> | undefined {
  if (value === undefined) return undefined;
  if (!isArraySafely(value)) {
    context.report(path, ISSUE_CODES.invalidType, `${what} must be an array, not ${typeName(value)}.`);
    return undefined;
  }
  const array = value as unknown[];
  let length: number;
  try {
    length = array.length;
  } catch {
    context.report(path, ISSUE_CODES.unreadable, `${what} could not be read.`);
    return undefined;
  }
  if (length > maxItems) {
    context.report(path, ISSUE_CODES.tooLarge, `${what} has ${length} items; at most ${maxItems} are accepted.`);
    return undefined;
  }
  const copy: Array<T | undefined> = [];
  for (let index = 0; index < length; index += 1) {
    const itemPath = indexOf(path, index);
    let item: unknown;
    try {
      item = array[index];
    } catch {
      context.report(itemPath, ISSUE_CODES.unreadable, 'This item could not be read.');
      copy.push(undefined);
      continue;
    }
    if (item === undefined) {
      context.report(itemPath, ISSUE_CODES.missingField, 'This item is missing (a hole or undefined).');
      copy.push(undefined);
      continue;
    }
    copy.push(readItem(item, itemPath, index));
  }
  return copy;
}
