/**
 * The scheduled week as local dates and a grid of 5-minute slots.
 *
 * Dates are handled as plain `YYYY-MM-DD` strings and computed with UTC arithmetic, so nothing
 * here ever depends on the host machine's time zone.
 */
import type { LocalDate, LocalTime, Weekday } from '../model/problem.js';

/** RFC 5545 weekday names in week order, Monday first. */
export const WEEKDAYS: readonly Weekday[] = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

/** Resolution of the week grid. Durations are multiples of it. */
export const SLOT_MINUTES = 5;
export const MINUTES_PER_DAY = 1440;
export const SLOTS_PER_DAY: number = MINUTES_PER_DAY / SLOT_MINUTES;
export const DAYS_PER_WEEK = 7;
export const SLOTS_PER_WEEK: number = SLOTS_PER_DAY * DAYS_PER_WEEK;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_PATTERN = /^(\d{2}):(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 of a valid local date, or `undefined` when it is not a real calendar date. */
export function dayNumber(date: LocalDate): number | undefined {
  const match = DATE_PATTERN.exec(date);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) return undefined;
  return Math.round(ms / MS_PER_DAY);
}

/** The local date `days` after `date` (which must be valid). */
export function addDays(date: LocalDate, days: number): LocalDate {
  const base = dayNumber(date);
  if (base === undefined) throw new RangeError(`Not a date: ${date}`);
  return new Date((base + days) * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). Both must be valid. */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  const a = dayNumber(from);
  const b = dayNumber(to);
  if (a === undefined || b === undefined) throw new RangeError(`Not a date: ${a === undefined ? from : to}`);
  return b - a;
}

/** The weekday of a valid local date. */
export function weekdayOf(date: LocalDate): Weekday {
  const n = dayNumber(date);
  if (n === undefined) throw new RangeError(`Not a date: ${date}`);
  // 1970-01-01 was a Thursday (index 3 with Monday = 0).
  return WEEKDAYS[(((n + 3) % 7) + 7) % 7] as Weekday;
}

/** The seven local dates of the week that starts on `weekStart`. */
export function weekDates(weekStart: LocalDate): LocalDate[] {
  return WEEKDAYS.map((_, index) => addDays(weekStart, index));
}

/** Minutes after midnight of `'HH:mm'`, or `undefined` when malformed. `'24:00'` is 1440. */
export function parseLocalTime(time: LocalTime): number | undefined {
  const match = TIME_PATTERN.exec(time);
  if (!match) return undefined;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (minutes > 59 || hours > 24 || (hours === 24 && minutes !== 0)) return undefined;
  return hours * 60 + minutes;
}

/** `'HH:mm'` of minutes after midnight (0 to 1440). */
export function formatLocalTime(minutes: number): LocalTime {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return `${String(hours).padStart(2, '0')}:${String(rest).padStart(2, '0')}`;
}

/** Index (0 = Monday) of a weekday name. */
export function weekdayIndex(day: Weekday): number {
  return WEEKDAYS.indexOf(day);
}

/**
 * Index (0 = Monday) of `date` in the week that starts on `weekStart`, or `undefined` when the
 * date is outside that week or not a real date.
 *
 * @example
 * dayInWeek('2026-11-25', '2026-11-23'); // 2
 * dayInWeek('2026-11-30', '2026-11-23'); // undefined
 */
export function dayInWeek(date: LocalDate, weekStart: LocalDate): number | undefined {
  const day = dayNumber(date);
  const start = dayNumber(weekStart);
  if (day === undefined || start === undefined) return undefined;
  const index = day - start;
  return index >= 0 && index < DAYS_PER_WEEK ? index : undefined;
}

/**
 * The days `[firstDay, endDay)` of the week starting `weekStart` on which a patient admitted on
 * `admittedOn` (inclusive) and discharged on `dischargedOn` (exclusive: not scheduled that day)
 * can attend. `firstDay` is 7 when admitted after the week, `endDay` 0 when discharged before
 * it; no enrolled day means `endDay <= firstDay`. Dates must be valid.
 *
 * @example
 * enrolledDays('2026-11-23', '2026-11-25', '2026-11-27'); // { firstDay: 2, endDay: 4 } (WE, TH)
 */
export function enrolledDays(weekStart: LocalDate, admittedOn?: LocalDate, dischargedOn?: LocalDate): { firstDay: number; endDay: number } {
  const offset = (date: LocalDate | undefined, fallback: number): number =>
    date === undefined ? fallback : Math.max(0, Math.min(DAYS_PER_WEEK, daysBetween(weekStart, date)));
  return { firstDay: offset(admittedOn, 0), endDay: offset(dischargedOn, DAYS_PER_WEEK) };
}

/**
 * For each day of the week starting `weekStart`, whether it is one of `closedDates`.
 *
 * @example
 * closedDays('2026-11-23', ['2026-11-26', '2026-12-25']); // [false, false, false, true, false, false, false]
 */
export function closedDays(weekStart: LocalDate, closedDates: readonly LocalDate[] = []): boolean[] {
  const closed = new Set<number>();
  for (const date of closedDates) {
    const index = dayInWeek(date, weekStart);
    if (index !== undefined) closed.add(index);
  }
  return WEEKDAYS.map((_, index) => closed.has(index));
}
