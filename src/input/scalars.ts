/**
 * Types: strings, ids, numbers, booleans and enumerations of untrusted input. Each reader takes
 * the raw value (`undefined` when absent: nothing to check) and answers the checked value, or
 * `undefined` after reporting why not.
 */
import { type Context, typeName } from './context.js';
import { readArray } from './read.js';
import { ISSUE_CODES } from './issue-codes.js';
import { LIMITS } from './limits.js';
import { loneSurrogateAt } from './unicode.js';

/**
 * A string of 1 to `maxLength` characters, well-formed Unicode. Every string the validator accepts
 * (ids, references, names, tags, credentials, features, rule texts) is read here, so this is the
 * one place that keeps lone UTF-16 surrogates out: no export, file or URI could carry them.
 *
 * @example
 * ```ts
 * readText('', 'staff[0].name', context, 'name'); // undefined, and an empty issue
 * ```
 */
export function readText(value: unknown, path: string, context: Context, what: string, maxLength: number = LIMITS.textLength): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') {
    context.report(path, ISSUE_CODES.invalidType, `${what} must be a string, not ${typeName(value)}.`);
    return undefined;
  }
  if (value.length === 0) {
    context.report(path, ISSUE_CODES.empty, `${what} must not be empty.`);
    return undefined;
  }
  if (value.length > maxLength) {
    context.report(path, ISSUE_CODES.tooLong, `${what} has ${value.length} characters; at most ${maxLength} are accepted.`);
    return undefined;
  }
  const lone = loneSurrogateAt(value);
  if (lone >= 0) {
    context.report(
      path,
      ISSUE_CODES.illFormedUnicode,
      `${what} is not well-formed Unicode: a lone UTF-16 surrogate (U+${value.charCodeAt(lone).toString(16).toUpperCase()}) at position ${lone}.`,
    );
    return undefined;
  }
  return value;
}

/**
 * An id or a reference to one: a non-empty string of at most {@link LIMITS.idLength} characters.
 *
 * @example
 * ```ts
 * readId('__proto__', 'patients[0].id', context); // '__proto__': an id like any other
 * ```
 */
export function readId(value: unknown, path: string, context: Context, what = 'An id'): string | undefined {
  return readText(value, path, context, what, LIMITS.idLength);
}

/**
 * Bounds of a number: `integer` asks for a whole number; `min` and `max` are inclusive.
 *
 * @example
 * ```ts
 * const sizes: NumberBounds = { integer: true, min: 1, max: 1000 };
 * ```
 */
export interface NumberBounds {
  integer?: boolean;
  min: number;
  max: number;
  /** Excludes `min` itself (e.g. a positive number). */
  aboveMin?: boolean;
}

/**
 * A finite number within `bounds`.
 *
 * @example
 * ```ts
 * readNumber(2.5, 'services[0].minSize', context, 'minSize', { integer: true, min: 1, max: 1000 }); // undefined, not-integer
 * ```
 */
export function readNumber(value: unknown, path: string, context: Context, what: string, bounds: NumberBounds): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number') {
    context.report(path, ISSUE_CODES.invalidType, `${what} must be a number, not ${typeName(value)}.`);
    return undefined;
  }
  if (!Number.isFinite(value)) {
    context.report(path, ISSUE_CODES.notFinite, `${what} must be a finite number.`);
    return undefined;
  }
  if (bounds.integer === true && !Number.isInteger(value)) {
    context.report(path, ISSUE_CODES.notInteger, `${what} must be a whole number, not ${value}.`);
    return undefined;
  }
  const tooLow = bounds.aboveMin === true ? value <= bounds.min : value < bounds.min;
  if (tooLow || value > bounds.max) {
    const low = bounds.aboveMin === true ? `above ${bounds.min}` : `at least ${bounds.min}`;
    context.report(path, ISSUE_CODES.outOfRange, `${what} must be ${low} and at most ${bounds.max}, not ${value}.`);
    return undefined;
  }
  return value;
}

/**
 * A boolean.
 *
 * @example
 * ```ts
 * readBoolean('yes', 'services[0].withFamily', context, 'withFamily'); // undefined, invalid-type
 * ```
 */
export function readBoolean(value: unknown, path: string, context: Context, what: string): boolean | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'boolean') {
    context.report(path, ISSUE_CODES.invalidType, `${what} must be true or false, not ${typeName(value)}.`);
    return undefined;
  }
  return value;
}

/**
 * One of `options`.
 *
 * @example
 * ```ts
 * readChoice('group', 'services[0].kind', context, 'kind', ['group', 'individual']); // 'group'
 * ```
 */
export function readChoice<T extends string>(value: unknown, path: string, context: Context, what: string, options: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !(options as readonly string[]).includes(value)) {
    const shown = typeof value === 'string' ? 'another string' : typeName(value);
    context.report(path, ISSUE_CODES.invalidValue, `${what} must be one of ${options.map((o) => `'${o}'`).join(', ')}, not ${shown}.`);
    return undefined;
  }
  return value as T;
}

/**
 * A list of non-empty strings (tags, credentials, features); `nonEmpty` asks for at least one.
 *
 * @example
 * ```ts
 * readTextList(['LCSW', 'LMFT'], 'staff[0].credentials', context, 'credentials'); // ['LCSW', 'LMFT']
 * ```
 */
export function readTextList(value: unknown, path: string, context: Context, what: string, nonEmpty = false): string[] | undefined {
  const list = readArray(value, path, context, LIMITS.listItems, what, (item, itemPath) => readText(item, itemPath, context, `Each item of ${what.toLowerCase()}`));
  if (list === undefined) return undefined;
  if (nonEmpty && list.length === 0) context.report(path, ISSUE_CODES.empty, `${what} must hold at least one item.`);
  return list.filter((item): item is string => item !== undefined);
}
