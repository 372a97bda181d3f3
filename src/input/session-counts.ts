/**
 * Session counts per week: a track's curriculum and a patient's `requires`, each
 * `{ service, min?, max? }` with `min <= max`, a service listed at most once.
 */
import { type Context, pathOf, quote } from './context.js';
import { ISSUE_CODES } from './issue-codes.js';
import { LIMITS } from './limits.js';
import { readArray, readRecord } from './read.js';
import { readId, readNumber } from './scalars.js';
import { readCadence } from './ledger.js';
import type { Cadence } from '../model/problem.js';

/**
 * One entry of a curriculum or of `requires`.
 *
 * @example
 * ```ts
 * const once: SessionCount = { service: 'individual', min: 1, max: 1 };
 * ```
 */
export interface SessionCount {
  service: string;
  min?: number;
  max?: number;
  /** `requires` only: how often the service recurs across weeks. */
  cadence?: Partial<Cadence>;
}

const KEYS: ReadonlySet<string> = new Set(['service', 'min', 'max']);
const KEYS_WITH_CADENCE: ReadonlySet<string> = new Set([...KEYS, 'cadence']);

/**
 * A list of session counts (`what` is `'curriculum'` or `'requires'`); `cadence` accepts a
 * `cadence` on each entry (a patient's `requires`).
 *
 * @example
 * ```ts
 * readSessionCounts([{ service: 'dbt', min: 2 }], 'tracks[0].curriculum', context, 'curriculum');
 * ```
 */
export function readSessionCounts(
  value: unknown,
  path: string,
  context: Context,
  what: string,
  cadence = false,
): Array<Partial<SessionCount> | undefined> | undefined {
  const list = readArray(value, path, context, LIMITS.windows, what, (item, itemPath) => readSessionCount(item, itemPath, context, cadence));
  if (list === undefined) return undefined;
  const seen = new Map<string, number>();
  list.forEach((entry, index) => {
    const service = entry?.service;
    if (service === undefined) return;
    const first = seen.get(service);
    if (first === undefined) seen.set(service, index);
    else context.report(pathOf(`${path}[${index}]`, 'service'), ISSUE_CODES.duplicateEntry, `Service ${quote(service)} is already listed at ${what}[${first}]: merge the two entries.`);
  });
  return list;
}

function readSessionCount(value: unknown, path: string, context: Context, withCadence: boolean): Partial<SessionCount> | undefined {
  const fields = readRecord(value, path, context, withCadence ? KEYS_WITH_CADENCE : KEYS, 'A session count');
  if (fields === undefined) return undefined;
  const entry: Partial<SessionCount> = {};
  const service = readId(fields.required('service'), fields.at('service'), context, 'service');
  if (service !== undefined) entry.service = service;
  const bounds = { integer: true, min: 0, max: LIMITS.sessions };
  const min = readNumber(fields.optional('min'), fields.at('min'), context, 'min', bounds);
  const max = readNumber(fields.optional('max'), fields.at('max'), context, 'max', bounds);
  if (min !== undefined) entry.min = min;
  if (max !== undefined) entry.max = max;
  if (min !== undefined && max !== undefined && min > max) context.report(fields.at('min'), ISSUE_CODES.invalidRange, `min (${min}) is above max (${max}).`);
  const cadence = withCadence ? readCadence(fields.optional('cadence'), fields.at('cadence'), context) : undefined;
  if (cadence !== undefined) {
    entry.cadence = cadence;
    // Each week derives the count from the history: a count beside it would say two things.
    const given = fields.optional('min') !== undefined ? 'min' : fields.optional('max') !== undefined ? 'max' : undefined;
    if (given !== undefined) {
      context.report(fields.at(given), ISSUE_CODES.cadenceWithCounts, `A requirement with a cadence takes no ${given}: each week derives it from the history (due, optional or not allowed).`);
    }
  }
  return entry;
}
