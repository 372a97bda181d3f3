/**
 * The staff work rules of a staff member (`breaks`, `maxContinuousMinutes`) and a service's
 * `notesMinutes`: read with their paths, each number in minutes on the 5-minute grid of durations.
 */
import type { Service, Staff, StaffBreak } from '../model/problem.js';
import { readClockTime, readDuration } from './clock.js';
import type { Context, Draft } from './context.js';
import { ISSUE_CODES } from './issue-codes.js';
import { LIMITS } from './limits.js';
import { readArray, readRecord, type Fields } from './read.js';
import { readNumber } from './scalars.js';

/** The staff fields read here, for the staff reader's list of known keys. */
export const STAFF_WORK_KEYS: readonly string[] = ['breaks', 'maxContinuousMinutes'];

/** Notes time longer than this is a typo for hours, not documentation time. */
export const MAX_NOTES_MINUTES = 120;

const BREAK_KEYS: ReadonlySet<string> = new Set(['minutes', 'within', 'afterMinutes']);
const WITHIN_KEYS: ReadonlySet<string> = new Set(['start', 'end']);

/**
 * Reads `breaks` and `maxContinuousMinutes` of one staff member into `staff`.
 *
 * @example
 * ```ts
 * readStaffWork(fields, staff, context); // staff.breaks = [{ minutes: 30, within: { start: '11:30', end: '13:30' } }]
 * ```
 */
export function readStaffWork(fields: Fields, staff: Draft<Staff>, context: Context): void {
  const breaks = readArray(fields.optional('breaks'), fields.at('breaks'), context, LIMITS.windows, 'breaks', (item, path) => readBreak(item, path, context));
  if (breaks !== undefined) staff.breaks = breaks as StaffBreak[];
  const longest = readDuration(fields.optional('maxContinuousMinutes'), fields.at('maxContinuousMinutes'), context, 'maxContinuousMinutes');
  if (longest !== undefined) staff.maxContinuousMinutes = longest;
}

function readBreak(value: unknown, path: string, context: Context): Draft<StaffBreak> | undefined {
  const fields = readRecord(value, path, context, BREAK_KEYS, 'A break');
  if (fields === undefined) return undefined;
  const result: Draft<StaffBreak> = {};
  const minutes = readDuration(fields.required('minutes'), fields.at('minutes'), context, 'minutes');
  if (minutes !== undefined) result.minutes = minutes;
  const within = readRecord(fields.required('within'), fields.at('within'), context, WITHIN_KEYS, 'within');
  if (within !== undefined) {
    const start = readClockTime(within.required('start'), within.at('start'), context, 'start', false);
    const end = readClockTime(within.required('end'), within.at('end'), context, 'end', true);
    if (start !== undefined && end !== undefined) {
      result.within = { start: start.text, end: end.text };
      if (end.minutes <= start.minutes) {
        context.report(within.at('end'), ISSUE_CODES.emptyWindow, `The break's window ends (${end.text}) at or before its start (${start.text}); use '24:00' for midnight.`);
      } else if (minutes !== undefined && minutes > end.minutes - start.minutes) {
        context.report(fields.at('minutes'), ISSUE_CODES.outOfRange, `A break of ${minutes} minutes does not fit its window ${start.text}-${end.text} (${end.minutes - start.minutes} minutes).`);
      }
    }
  }
  const after = readNumber(fields.optional('afterMinutes'), fields.at('afterMinutes'), context, 'afterMinutes', { integer: true, min: 0, max: 1440 });
  if (after !== undefined) result.afterMinutes = after;
  return result;
}

/**
 * Reads a service's `notesMinutes` (0 to {@link MAX_NOTES_MINUTES}, a multiple of 5) into `service`.
 *
 * @example
 * ```ts
 * readNotesMinutes(fields, service, context); // service.notesMinutes = 10
 * ```
 */
export function readNotesMinutes(fields: Fields, service: Draft<Service>, context: Context): void {
  const path = fields.at('notesMinutes');
  const notes = readNumber(fields.optional('notesMinutes'), path, context, 'notesMinutes', { integer: true, min: 0, max: MAX_NOTES_MINUTES });
  if (notes === undefined) return;
  if (notes % 5 !== 0) {
    context.report(path, ISSUE_CODES.invalidDuration, `notesMinutes must be a multiple of 5 minutes, not ${notes}.`);
    return;
  }
  service.notesMinutes = notes;
}
