/**
 * Times: clock times, dates, weekdays, the week start and the time zone.
 */
import type { LocalDate, LocalTime, Weekday } from '../model/problem.js';
import { addDays, dayNumber, parseLocalTime, WEEKDAYS, weekdayOf, MINUTES_PER_DAY, SLOT_MINUTES } from '../time/week.js';
import { isValidTimeZone } from '../time/zone.js';
import { type Context, quote, typeName } from './context.js';
import { ISSUE_CODES } from './issue-codes.js';
import { LIMITS } from './limits.js';
import { readArray } from './read.js';

/**
 * A clock time, with its minutes after midnight.
 *
 * @example
 * ```ts
 * const time: ClockTime = { text: '18:30', minutes: 1110 };
 * ```
 */
export interface ClockTime {
  text: LocalTime;
  minutes: number;
}

/**
 * `'HH:mm'` from 00:00 to 23:59; `'24:00'` only when `isEnd` (the end of the day).
 *
 * @example
 * ```ts
 * readClockTime('24:00', 'x.end', context, 'end', true); // { text: '24:00', minutes: 1440 }
 * ```
 */
export function readClockTime(value: unknown, path: string, context: Context, what: string, isEnd: boolean): ClockTime | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') {
    context.report(path, ISSUE_CODES.invalidType, `${what} must be a clock time string 'HH:mm', not ${typeName(value)}.`);
    return undefined;
  }
  const minutes = parseLocalTime(value);
  if (minutes === undefined || (!isEnd && minutes === MINUTES_PER_DAY)) {
    const range = isEnd ? '00:00 to 24:00' : "00:00 to 23:59 ('24:00' is only an end)";
    context.report(path, ISSUE_CODES.invalidTime, `${what} ${quote(value)} is not a clock time 'HH:mm' (${range}).`);
    return undefined;
  }
  return { text: value, minutes };
}

/**
 * A real calendar date `'YYYY-MM-DD'`, with its day number.
 *
 * @example
 * ```ts
 * readDate('2026-11-26', 'closedDates[0]', context, 'A closed date'); // { text: '2026-11-26', day: 20783 }
 * ```
 */
export function readDate(value: unknown, path: string, context: Context, what: string): { text: LocalDate; day: number } | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') {
    context.report(path, ISSUE_CODES.invalidType, `${what} must be a date string 'YYYY-MM-DD', not ${typeName(value)}.`);
    return undefined;
  }
  const day = dayNumber(value);
  if (day === undefined) {
    context.report(path, ISSUE_CODES.invalidDate, `${what} ${quote(value)} is not a calendar date 'YYYY-MM-DD'.`);
    return undefined;
  }
  return { text: value, day };
}

/**
 * The Monday the week starts on.
 *
 * @example
 * ```ts
 * readWeekStart('2026-11-24', 'weekStart', context); // undefined, and a not-monday issue
 * ```
 */
export function readWeekStart(value: unknown, path: string, context: Context): { text: LocalDate; day: number } | undefined {
  const date = readDate(value, path, context, 'weekStart');
  if (date === undefined) return undefined;
  const weekday = weekdayOf(date.text);
  if (weekday !== 'MO') {
    context.report(path, ISSUE_CODES.notMonday, `weekStart ${quote(date.text)} is a ${weekday}, not a Monday (MO).`);
    return undefined;
  }
  // The week's days and the Monday after it (exports' horizons, nextWeek) must be 'YYYY-MM-DD' dates.
  if (dayNumber(addDays(date.text, 7)) === undefined) {
    context.report(path, ISSUE_CODES.outOfRange, `weekStart ${quote(date.text)} starts a week that runs past 9999-12-31.`);
    return undefined;
  }
  return date;
}

/**
 * An RFC 5545 weekday name.
 *
 * @example
 * ```ts
 * readWeekday('TU', 'tracks[0].template[0].day', context, 'day'); // 'TU'
 * ```
 */
export function readWeekday(value: unknown, path: string, context: Context, what: string): Weekday | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !(WEEKDAYS as readonly string[]).includes(value)) {
    const shown = typeof value === 'string' ? quote(value) : typeName(value);
    context.report(path, ISSUE_CODES.invalidWeekday, `${what} must be one of ${WEEKDAYS.join(', ')}, not ${shown}.`);
    return undefined;
  }
  return value as Weekday;
}

/**
 * A list of weekdays; `nonEmpty` asks for at least one.
 *
 * @example
 * ```ts
 * readWeekdays(['MO', 'WE'], 'x.days', context, 'days', true); // ['MO', 'WE']
 * ```
 */
export function readWeekdays(value: unknown, path: string, context: Context, what: string, nonEmpty: boolean): Weekday[] | undefined {
  const list = readArray(value, path, context, LIMITS.listItems, what, (item, itemPath) => readWeekday(item, itemPath, context, 'A day'));
  if (list === undefined) return undefined;
  if (nonEmpty && list.length === 0) context.report(path, ISSUE_CODES.empty, `${what} must name at least one day.`);
  return list.filter((day): day is Weekday => day !== undefined);
}

/**
 * An IANA time zone this runtime knows.
 *
 * @example
 * ```ts
 * readTimeZone('America/Springfield', 'timeZone', context); // undefined, and an invalid-time-zone issue
 * ```
 */
export function readTimeZone(value: unknown, path: string, context: Context): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') {
    context.report(path, ISSUE_CODES.invalidType, `timeZone must be an IANA zone name string, not ${typeName(value)}.`);
    return undefined;
  }
  if (value.length > LIMITS.textLength || !isValidTimeZone(value)) {
    context.report(path, ISSUE_CODES.invalidTimeZone, `${quote(value)} is not an IANA time zone this runtime knows (e.g. 'America/Los_Angeles').`);
    return undefined;
  }
  return value;
}

/**
 * A duration in minutes: a positive multiple of 5, at most 24 hours.
 *
 * @example
 * ```ts
 * readDuration(50, 'services[0].durationMinutes', context, 'durationMinutes'); // 50
 * ```
 */
export function readDuration(value: unknown, path: string, context: Context, what: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number') {
    context.report(path, ISSUE_CODES.invalidType, `${what} must be a number of minutes, not ${typeName(value)}.`);
    return undefined;
  }
  if (!Number.isFinite(value) || value <= 0 || value > MINUTES_PER_DAY || value % SLOT_MINUTES !== 0) {
    context.report(path, ISSUE_CODES.invalidDuration, `${what} must be a positive multiple of ${SLOT_MINUTES} minutes up to ${MINUTES_PER_DAY}, not ${value}.`);
    return undefined;
  }
  return value;
}
