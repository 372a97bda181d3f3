/**
 * Whether a recurrence can ever produce a day, decided before rrule runs: rrule keeps walking
 * periods until one of them yields a day (to the year 9999 when none does), so an impossible
 * rule such as FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30 would otherwise take seconds.
 *
 * The Gregorian calendar repeats every 400 years (146,097 days = 20,871 weeks = 4,800 months),
 * so one cycle of the rule's periods, walked with integer date arithmetic, decides for BYMONTH,
 * BYMONTHDAY, BYDAY (numbered or not) and BYSETPOS. Rules with BYYEARDAY or BYWEEKNO (YEARLY
 * only) are assumed able to match; rrule's walk of at most 8,000 years bounds them (~0.1 s).
 */
import type { RRule } from 'rrule';

type ParsedOptions = RRule['options'];

/** rrule's `Frequency` values, shared with rrule-cost.ts (rrule is loaded lazily, its enum is not). */
export const YEARLY = 0;
export const MONTHLY = 1;
export const WEEKLY = 2;
export const DAILY = 3;
const CYCLE_DAYS = 146_097;
/** Milliseconds in a day of UTC time. */
export const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 of a proleptic Gregorian date (month 1-12), by H. Hinnant's algorithm. */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * CYCLE_DAYS + dayOfEra - 719_468;
}

/** [year, month 1-12, day] of days since 1970-01-01. */
function civilFromDays(days: number): [number, number, number] {
  const z = days + 719_468;
  const era = Math.floor(z / CYCLE_DAYS);
  const dayOfEra = z - era * CYCLE_DAYS;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  return [yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day];
}

const nonEmpty = (values: readonly unknown[] | null | undefined): boolean => values !== null && values !== undefined && values.length > 0;

function monthLength(year: number, month: number): number {
  return daysFromCivil(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) - daysFromCivil(year, month, 1);
}

/** Whether `day` is the n-th (or, for negative n, n-th from last) of its weekday in its month or year, as rrule ranks them. */
function ordinalPasses(options: ParsedOptions, day: number, year: number, month: number, monthDay: number, weekday: number): boolean {
  // MONTHLY ranks within the month; YEARLY within the year, or within each month when BYMONTH is given.
  const inMonth = options.freq === MONTHLY || nonEmpty(options.bymonth);
  const rangeStart = inMonth ? day - monthDay + 1 : daysFromCivil(year, 1, 1);
  const rangeLength = inMonth ? monthLength(year, month) : daysFromCivil(year + 1, 1, 1) - rangeStart;
  const position = day - rangeStart;
  const fromStart = Math.floor(position / 7) + 1;
  const fromEnd = -(Math.floor((rangeLength - 1 - position) / 7) + 1);
  return (options.bynweekday ?? []).some(([wd, n]) => wd === weekday && (n === fromStart || n === fromEnd));
}

/** Whether `day` passes BYMONTH, BYMONTHDAY (either sign) and BYDAY (both kinds must pass, as in rrule). */
function dayPasses(options: ParsedOptions, day: number): boolean {
  const [year, month, monthDay] = civilFromDays(day);
  if (nonEmpty(options.bymonth) && !options.bymonth.includes(month)) return false;
  if (nonEmpty(options.bymonthday) || nonEmpty(options.bynmonthday)) {
    if (!(options.bymonthday ?? []).includes(monthDay) && !(options.bynmonthday ?? []).includes(monthDay - monthLength(year, month) - 1)) return false;
  }
  // rrule numbers weekdays from Monday = 0; 1970-01-01 was a Thursday.
  const weekday = (((day + 3) % 7) + 7) % 7;
  if (nonEmpty(options.byweekday) && !options.byweekday.includes(weekday)) return false;
  if (nonEmpty(options.bynweekday) && !ordinalPasses(options, day, year, month, monthDay, weekday)) return false;
  return true;
}

/** The days [from, to) of period `k` of the rule, or `undefined` for frequencies not probed. */
function periodDays(options: ParsedOptions, firstDay: number, k: number): [number, number] | undefined {
  const step = k * options.interval;
  switch (options.freq) {
    case DAILY:
      return [firstDay + step, firstDay + step + 1];
    case WEEKLY: {
      const weekday = (((firstDay + 3) % 7) + 7) % 7;
      const weekStart = firstDay - ((weekday - options.wkst + 7) % 7) + 7 * step;
      return [weekStart, weekStart + 7];
    }
    case MONTHLY: {
      const [year, month] = civilFromDays(firstDay);
      const index = year * 12 + (month - 1) + step;
      const next = index + 1;
      return [daysFromCivil(Math.floor(index / 12), (index % 12) + 1, 1), daysFromCivil(Math.floor(next / 12), (next % 12) + 1, 1)];
    }
    case YEARLY: {
      const year = civilFromDays(firstDay)[0] + step;
      return [daysFromCivil(year, 1, 1), daysFromCivil(year + 1, 1, 1)];
    }
    default:
      return undefined;
  }
}

const PERIODS_PER_CYCLE = new Map([
  [DAILY, CYCLE_DAYS],
  [WEEKLY, CYCLE_DAYS / 7],
  [MONTHLY, 4_800],
  [YEARLY, 400],
]);

/**
 * Whether the rule can produce at least one day on or after its DTSTART (exact for the filters
 * named in the module comment, `true` when it uses others).
 */
export function ruleCanMatch(options: ParsedOptions): boolean {
  if (nonEmpty(options.byyearday) || nonEmpty(options.byweekno)) return true;
  if (options.byeaster !== null && options.byeaster !== undefined) return true;
  const periods = PERIODS_PER_CYCLE.get(options.freq);
  if (periods === undefined) return true;
  const firstDay = Math.floor(options.dtstart.getTime() / MS_PER_DAY);
  const timesPerDay = Math.max(1, (options.byhour?.length ?? 1) * (options.byminute?.length ?? 1) * (options.bysecond?.length ?? 1));
  const positions = options.bysetpos ?? [];
  // BYSETPOS picks from a period's whole set before dropping what precedes DTSTART: count it all.
  const smallestPosition = positions.length === 0 ? 1 : Math.min(...positions.map(Math.abs));
  // One period more than a cycle: the first period loses the days before DTSTART.
  for (let k = 0; k <= periods; k++) {
    const range = periodDays(options, firstDay, k);
    if (range === undefined) return true;
    let passing = 0;
    for (let day = positions.length === 0 ? Math.max(range[0], firstDay) : range[0]; day < range[1]; day++) {
      if (dayPasses(options, day)) passing++;
      if (passing * timesPerDay >= smallestPosition) return true;
    }
  }
  return false;
}

/** @internal Exposed for tests of the date arithmetic. */
export const calendarForTests: { daysFromCivil: typeof daysFromCivil; civilFromDays: typeof civilFromDays } = { daysFromCivil, civilFromDays };
