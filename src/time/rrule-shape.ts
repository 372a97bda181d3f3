/**
 * The shape checks of an availability recurrence: what RFC 5545 forbids, what a floating
 * week cannot mean, and what rrule cannot expand in bounded time.
 */
import type { Options, RRule } from 'rrule';

type ParsedOptions = RRule['options'];

/** The parts of an rrule `RRule` these checks read. */
export interface FloatingRule {
  readonly options: ParsedOptions;
  readonly origOptions: Partial<Options>;
}

const FREQUENCY_NAMES = ['YEARLY', 'MONTHLY', 'WEEKLY', 'DAILY', 'HOURLY', 'MINUTELY', 'SECONDLY'] as const;
const YEARLY = 0;
const MONTHLY = 1;
const WEEKLY = 2;
const DAILY = 3;

function listOf(value: unknown): unknown[] {
  if (value === null || value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

function outOfRange(values: unknown, low: number, high: number, allowNegative: boolean): boolean {
  return listOf(values).some((value) => {
    if (typeof value !== 'number' || !Number.isInteger(value)) return true;
    const size = allowNegative ? Math.abs(value) : value;
    return size < low || size > high || (allowNegative && value === 0);
  });
}

function floatingLineProblem(text: string): string | undefined {
  const lines = text.split(/\r?\n/).map((line) => line.trim()).filter((line) => line.length > 0);
  const start = lines.find((line) => /^DTSTART[;:]/i.test(line));
  if (start === undefined) return 'no DTSTART line: the first occurrence must be given (floating local time, e.g. DTSTART:20261102T090000)';
  for (const line of lines) {
    if (!/^(DTSTART|RDATE|EXDATE)[;:]/i.test(line)) continue;
    if (/TZID=/i.test(line)) return `${line.split(/[;:]/)[0]} has a TZID: use floating local time (the problem's timeZone applies)`;
    if (/\d{8}T\d{6}Z/i.test(line)) return `${line.split(/[;:]/)[0]} is in UTC (ends in Z): use floating local time (the problem's timeZone applies)`;
  }
  return undefined;
}

function ruleProblem(rule: FloatingRule): string | undefined {
  const { freq, interval, count, dtstart, bynweekday } = rule.options;
  const given = rule.origOptions;
  const name = FREQUENCY_NAMES[freq] ?? String(freq);
  if (freq > DAILY) return `FREQ=${name} is finer than DAILY: availability repeats by the day at most (use weekly windows for times of day)`;
  if (!Number.isInteger(interval) || interval < 1 || interval > 10_000) return 'INTERVAL must be a whole number from 1 to 10000';
  if (count !== null && (!Number.isInteger(count) || count < 1)) return 'COUNT must be a whole number of at least 1';
  const year = dtstart.getUTCFullYear();
  if (!(year >= 1900 && year <= 9999)) return 'DTSTART must fall in the years 1900 to 9999';
  if (given.until !== undefined && given.until !== null && Number.isNaN(given.until.getTime())) return 'UNTIL is not a date';
  if (given.byeaster !== undefined && given.byeaster !== null) return 'BYEASTER is not RFC 5545';
  if (listOf(given.bysetpos).length > 0 && freq !== MONTHLY && freq !== YEARLY) return `BYSETPOS is supported with FREQ=MONTHLY or YEARLY only, not ${name}`;
  if (listOf(given.byweekno).length > 0 && freq !== YEARLY) return `BYWEEKNO needs FREQ=YEARLY, not ${name}`;
  if (listOf(given.byyearday).length > 0 && freq !== YEARLY) return `BYYEARDAY needs FREQ=YEARLY, not ${name}`;
  if (listOf(given.bymonthday).length > 0 && freq === WEEKLY) return 'BYMONTHDAY cannot be used with FREQ=WEEKLY';
  const ordinals = bynweekday ?? [];
  // rrule silently drops the number of a numbered BYDAY below MONTHLY, so look at what was given.
  const numbered = listOf(given.byweekday).some((day) => typeof day === 'object' && day !== null && Boolean((day as { n?: number }).n));
  if (numbered && freq !== MONTHLY && freq !== YEARLY) return `a numbered BYDAY (e.g. 2MO) needs FREQ=MONTHLY or YEARLY, not ${name}`;
  if (ordinals.some((pair: number[]) => outOfRange(pair[1], 1, freq === MONTHLY ? 5 : 53, true))) return 'a numbered BYDAY is out of range';
  if (outOfRange(given.bymonth, 1, 12, false)) return 'BYMONTH values must be 1 to 12';
  if (outOfRange(given.bymonthday, 1, 31, true)) return 'BYMONTHDAY values must be 1 to 31 or -31 to -1';
  if (outOfRange(given.byyearday, 1, 366, true)) return 'BYYEARDAY values must be 1 to 366 or -366 to -1';
  if (outOfRange(given.byweekno, 1, 53, true)) return 'BYWEEKNO values must be 1 to 53 or -53 to -1';
  if (outOfRange(given.bysetpos, 1, 366, true)) return 'BYSETPOS values must be 1 to 366 or -366 to -1';
  if (outOfRange(given.byhour, 0, 23, false)) return 'BYHOUR values must be 0 to 23';
  if (outOfRange(given.byminute, 0, 59, false)) return 'BYMINUTE values must be 0 to 59';
  if (outOfRange(given.bysecond, 0, 59, false)) return 'BYSECOND values must be 0 to 59';
  return undefined;
}

/** The first shape problem of a parsed recurrence (`rules` are its RRULEs), or `undefined`. */
export function recurrenceShapeProblem(text: string, rules: readonly FloatingRule[], exruleCount: number): string | undefined {
  const lineProblem = floatingLineProblem(text);
  if (lineProblem !== undefined) return lineProblem;
  if (rules.length === 0 && !/^RDATE[;:]/im.test(text)) return 'no RRULE (or RDATE) line';
  if (exruleCount > 0) return 'EXRULE is deprecated by RFC 5545: use EXDATE or availability exceptions';
  for (const rule of rules) {
    const problem = ruleProblem(rule);
    if (problem !== undefined) return problem;
  }
  return undefined;
}
