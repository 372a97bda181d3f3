/**
 * Across weeks: a `requires` entry's `cadence`, a patient's `history` (the ledger of sessions
 * before the week) and `priority`. Services named in the history are resolved by `references.ts`.
 */
import type { Cadence, HistoryEntry } from '../model/problem.js';
import { type Context, quote } from './context.js';
import { readDate } from './clock.js';
import { ISSUE_CODES } from './issue-codes.js';
import { LIMITS } from './limits.js';
import { readArray, readRecord } from './read.js';
import { readChoice, readId, readNumber } from './scalars.js';

const CADENCE_KEYS: ReadonlySet<string> = new Set(['minDays', 'maxDays']);
const HISTORY_KEYS: ReadonlySet<string> = new Set(['service', 'date', 'status']);
const STATUSES = ['attended', 'no-show', 'cancelled'] as const;

/** Bound of `priority` either side of 0: far past any ranking a clinic uses. */
export const PRIORITY_BOUND = 1_000;

/**
 * A cadence `{ minDays, maxDays }`: whole days from 1 to `LIMITS.cadenceDays`, `minDays <= maxDays`.
 *
 * @example
 * ```ts
 * readCadence({ minDays: 14, maxDays: 28 }, 'patients[0].requires[1].cadence', context); // { minDays: 14, maxDays: 28 }
 * ```
 */
export function readCadence(value: unknown, path: string, context: Context): Partial<Cadence> | undefined {
  const fields = readRecord(value, path, context, CADENCE_KEYS, 'A cadence');
  if (fields === undefined) return undefined;
  const bounds = { integer: true, min: 1, max: LIMITS.cadenceDays };
  const minDays = readNumber(fields.required('minDays'), fields.at('minDays'), context, 'minDays', bounds);
  const maxDays = readNumber(fields.required('maxDays'), fields.at('maxDays'), context, 'maxDays', bounds);
  const cadence: Partial<Cadence> = {};
  if (minDays !== undefined) cadence.minDays = minDays;
  if (maxDays !== undefined) cadence.maxDays = maxDays;
  if (minDays !== undefined && maxDays !== undefined && minDays > maxDays) {
    context.report(fields.at('minDays'), ISSUE_CODES.invalidRange, `minDays (${minDays}) is above maxDays (${maxDays}).`);
  }
  return cadence;
}

/**
 * A patient's history: at most `LIMITS.historyEntries` entries, each dated before the week
 * (`weekStart` as the context's tally knows it), except no-shows and cancellations, which may
 * fall inside the week; status one of attended, no-show, cancelled.
 *
 * @example
 * ```ts
 * readHistory([{ service: 'med-review', date: '2026-11-10' }], 'patients[0].history', context);
 * ```
 */
export function readHistory(value: unknown, path: string, context: Context): Array<Partial<HistoryEntry> | undefined> | undefined {
  return readArray(value, path, context, LIMITS.historyEntries, 'history', (item, itemPath) => readHistoryEntry(item, itemPath, context));
}

function readHistoryEntry(value: unknown, path: string, context: Context): Partial<HistoryEntry> | undefined {
  const fields = readRecord(value, path, context, HISTORY_KEYS, 'A history entry');
  if (fields === undefined) return undefined;
  const entry: Partial<HistoryEntry> = {};
  const service = readId(fields.required('service'), fields.at('service'), context, 'service');
  if (service !== undefined) entry.service = service;
  const date = readDate(fields.required('date'), fields.at('date'), context, 'date');
  if (date !== undefined) entry.date = date.text;
  const status = readChoice(fields.optional('status'), fields.at('status'), context, 'status', STATUSES);
  if (status !== undefined) entry.status = status;
  const weekStart = context.tally.weekStartDay;
  if (date !== undefined && weekStart !== undefined && date.day >= weekStart) {
    // What the week delivers is the schedule's to say; a no-show or cancellation that already
    // happened in it is the one record the week's problem holds (replan's `missed` writes it).
    const missed = status === 'no-show' || status === 'cancelled';
    if (!missed || date.day >= weekStart + 7) {
      const why = missed ? 'a no-show or cancellation may fall inside the week, not after it' : 'an attended session belongs before weekStart (the week itself is the schedule)';
      context.report(fields.at('date'), ISSUE_CODES.historyInWeek, `History date ${quote(date.text)} is not before weekStart: ${why}.`);
    }
  }
  return entry;
}

/**
 * A priority: a whole number within `PRIORITY_BOUND` of 0 (whole, so triage can weigh each level
 * above all the levels below it in exact integers: rules/patients-short.ts).
 *
 * @example
 * ```ts
 * readPriority(2, 'patients[0].priority', context); // 2
 * ```
 */
export function readPriority(value: unknown, path: string, context: Context): number | undefined {
  return readNumber(value, path, context, 'priority', { integer: true, min: -PRIORITY_BOUND, max: PRIORITY_BOUND });
}
