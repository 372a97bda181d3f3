/**
 * RRULE entries of an availability: RFC 5545 `DTSTART` + `RRULE` text in floating local time, and
 * how long each occurrence lasts. Frequencies finer than a day are refused: a week of them is
 * thousands of occurrences to expand for every person.
 */
import type { Availability } from '../model/problem.js';
import { parseRecurrence } from '../time/rrule.js';
import { dayNumber } from '../time/week.js';
import { readDuration } from './clock.js';
import type { Context } from './context.js';
import { ISSUE_CODES } from './issue-codes.js';
import { LIMITS } from './limits.js';
import { readRecord } from './read.js';
import { readText } from './scalars.js';

type RecurrenceEntry = NonNullable<Availability['rrule']>[number];

const ENTRY_KEYS: ReadonlySet<string> = new Set(['rule', 'durationMinutes']);
const LINE_NAMES: ReadonlySet<string> = new Set(['DTSTART', 'RRULE', 'RDATE', 'EXDATE']);
const FLOATING_DTSTART = /^DTSTART:(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})$/i;
const UTC_TIME = /\d{8}T\d{6}Z/i;
const TOO_FINE = /[:;]FREQ=(HOURLY|MINUTELY|SECONDLY)\b/i;

/**
 * One `{ rule, durationMinutes }` entry.
 *
 * @example
 * ```ts
 * readRecurrenceEntry({ rule: 'DTSTART:20261102T090000\nRRULE:FREQ=WEEKLY;BYDAY=MO', durationMinutes: 180 }, 'staff[0].availability.rrule[0]', context);
 * ```
 */
export function readRecurrenceEntry(value: unknown, path: string, context: Context): Partial<RecurrenceEntry> | undefined {
  const fields = readRecord(value, path, context, ENTRY_KEYS, 'A recurrence');
  if (fields === undefined) return undefined;
  const entry: Partial<RecurrenceEntry> = {};
  const rule = readText(fields.required('rule'), fields.at('rule'), context, 'rule', LIMITS.ruleLength);
  if (rule !== undefined && checkRuleText(rule, fields.at('rule'), context)) entry.rule = rule;
  const duration = readDuration(fields.required('durationMinutes'), fields.at('durationMinutes'), context, 'durationMinutes');
  if (duration !== undefined) entry.durationMinutes = duration;
  return entry;
}

/**
 * Whether `text` is a recurrence the library expands; reports why not.
 *
 * @example
 * ```ts
 * checkRuleText('DTSTART:20261102T090000Z\nRRULE:FREQ=WEEKLY', 'x.rule', context); // false, and a not-floating issue
 * ```
 */
export function checkRuleText(text: string, path: string, context: Context): boolean {
  const lines = text.split(/\r?\n/).map((line) => line.trim()).filter((line) => line.length > 0);
  const names = lines.map((line) => (/^[A-Za-z-]+/.exec(line)?.[0] ?? '').toUpperCase());
  const unknown = names.find((name) => !LINE_NAMES.has(name));
  if (unknown !== undefined) {
    context.report(path, ISSUE_CODES.invalidRecurrence, 'Only DTSTART, RRULE, RDATE and EXDATE lines are accepted.');
    return false;
  }
  const starts = lines.filter((_, index) => names[index] === 'DTSTART');
  if (starts.length === 0) {
    context.report(path, ISSUE_CODES.missingDtstart, 'A recurrence needs a DTSTART line, e.g. DTSTART:20261107T090000.');
    return false;
  }
  if (starts.length > 1) {
    context.report(path, ISSUE_CODES.invalidRecurrence, 'A recurrence has exactly one DTSTART line.');
    return false;
  }
  if (lines.some((line) => /TZID=/i.test(line) || UTC_TIME.test(line))) {
    context.report(path, ISSUE_CODES.notFloating, "Times must be floating local time (no 'Z', no TZID): they are read in the problem's timeZone.");
    return false;
  }
  const start = FLOATING_DTSTART.exec(starts[0] ?? '');
  if (start === null || dayNumber(`${start[1]}-${start[2]}-${start[3]}`) === undefined || Number(start[4]) > 23 || Number(start[5]) > 59 || Number(start[6]) > 59) {
    context.report(path, ISSUE_CODES.invalidRecurrence, 'DTSTART must be a local date and time, DTSTART:YYYYMMDDTHHMMSS.');
    return false;
  }
  if (!names.includes('RRULE') && !names.includes('RDATE')) {
    context.report(path, ISSUE_CODES.invalidRecurrence, 'A recurrence needs an RRULE (or RDATE) line after DTSTART.');
    return false;
  }
  if (lines.some((line, index) => names[index] === 'RRULE' && TOO_FINE.test(line))) {
    context.report(path, ISSUE_CODES.unsupportedRecurrence, 'FREQ=HOURLY, MINUTELY and SECONDLY are not supported: use DAILY or WEEKLY with a duration.');
    return false;
  }
  try {
    // The expander's own parser decides the rest, so what validates is exactly what expands.
    parseRecurrence(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message.slice(0, 200) : 'unknown reason';
    context.report(path, ISSUE_CODES.invalidRecurrence, `The recurrence cannot be used (${reason}); e.g. RRULE:FREQ=WEEKLY;BYDAY=TU,TH.`);
    return false;
  }
  return true;
}
