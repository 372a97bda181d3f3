/**
 * Availability: weekly windows, RRULE entries and exceptions.
 */
import type { Availability } from '../model/problem.js';
import { readClockTime, readDate, readWeekdays } from './clock.js';
import type { Context, Draft } from './context.js';
import { checkAvailabilityCost } from './expansion.js';
import { ISSUE_CODES } from './issue-codes.js';
import { LIMITS } from './limits.js';
import { readArray, readRecord } from './read.js';
import { readRecurrenceEntry } from './recurrence.js';

type WeeklyWindow = NonNullable<Availability['weekly']>[number];
type Exception = NonNullable<Availability['except']>[number];

const AVAILABILITY_KEYS: ReadonlySet<string> = new Set(['weekly', 'rrule', 'except']);
const WINDOW_KEYS: ReadonlySet<string> = new Set(['days', 'start', 'end']);
const EXCEPTION_KEYS: ReadonlySet<string> = new Set(['date', 'start', 'end']);

/**
 * An availability (`what` names it in messages, e.g. 'windows').
 *
 * @example
 * ```ts
 * const windows = readAvailability(raw, 'tracks[0].windows', context, 'windows');
 * ```
 */
export function readAvailability(value: unknown, path: string, context: Context, what: string): Draft<Availability> | undefined {
  const fields = readRecord(value, path, context, AVAILABILITY_KEYS, `An availability (${what})`);
  if (fields === undefined) return undefined;
  const availability: Draft<Availability> = {};
  // Past the problem's total the input is rejected already: reading more windows (perhaps the
  // same array shared by every patient) would only make the rejection slow.
  if (context.tally.reported) return availability;
  const weekly = readArray(fields.optional('weekly'), fields.at('weekly'), context, LIMITS.windows, 'weekly', (item, itemPath) => readWeeklyWindow(item, itemPath, context));
  if (weekly !== undefined) availability.weekly = weekly;
  const rrule = readArray(fields.optional('rrule'), fields.at('rrule'), context, LIMITS.windows, 'rrule', (item, itemPath) =>
    readRecurrenceEntry(item, itemPath, context),
  );
  if (rrule !== undefined) availability.rrule = rrule;
  const except = readArray(fields.optional('except'), fields.at('except'), context, LIMITS.windows, 'except', (item, itemPath) => readException(item, itemPath, context));
  if (except !== undefined) availability.except = except;
  checkAvailabilityCost(availability, path, context);
  return availability;
}

function readWeeklyWindow(value: unknown, path: string, context: Context): Draft<WeeklyWindow> | undefined {
  const fields = readRecord(value, path, context, WINDOW_KEYS, 'A weekly window');
  if (fields === undefined) return undefined;
  const window: Draft<WeeklyWindow> = {};
  const days = readWeekdays(fields.required('days'), fields.at('days'), context, 'days', true);
  if (days !== undefined) window.days = days;
  const start = readClockTime(fields.required('start'), fields.at('start'), context, 'start', false);
  const end = readClockTime(fields.required('end'), fields.at('end'), context, 'end', true);
  if (start !== undefined) window.start = start.text;
  if (end !== undefined) window.end = end.text;
  if (start !== undefined && end !== undefined && end.minutes <= start.minutes) {
    context.report(fields.at('end'), ISSUE_CODES.emptyWindow, `The window ends (${end.text}) at or before its start (${start.text}); use '24:00' for midnight.`);
  }
  return window;
}

function readException(value: unknown, path: string, context: Context): Draft<Exception> | undefined {
  const fields = readRecord(value, path, context, EXCEPTION_KEYS, 'An exception');
  if (fields === undefined) return undefined;
  const exception: Draft<Exception> = {};
  const date = readDate(fields.required('date'), fields.at('date'), context, 'date');
  if (date !== undefined) exception.date = date.text;
  const start = readClockTime(fields.optional('start'), fields.at('start'), context, 'start', false);
  const end = readClockTime(fields.optional('end'), fields.at('end'), context, 'end', true);
  if (start !== undefined) exception.start = start.text;
  if (end !== undefined) exception.end = end.text;
  if (start !== undefined && end !== undefined && end.minutes <= start.minutes) {
    context.report(fields.at('end'), ISSUE_CODES.emptyWindow, `The exception ends (${end.text}) at or before its start (${start.text}).`);
  }
  return exception;
}
