/**
 * Reading re-planning's untrusted input (the published week, the changes) before it is
 * validated: what is a plain object, and how a value appears in a message.
 */

/**
 * Whether `value` is a plain object (not null, not an array), whose keys may be read.
 *
 * @example
 * ```ts
 * isRecord({ kind: 'pin' }); // true
 * isRecord([]); // false
 * ```
 */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Readable text of an untrusted value for a message: a string as it is, anything else by its type.
 *
 * @example
 * ```ts
 * shown('m-3'); // 'm-3'
 * shown(undefined); // 'nothing'
 * shown(42); // 'number'
 * ```
 */
export function shown(value: unknown): string {
  return typeof value === 'string' ? value : value === undefined ? 'nothing' : typeof value;
}
