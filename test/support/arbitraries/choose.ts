/**
 * Small helpers over fast-check's `gen()`: every choice goes through fast-check, so failing cases
 * replay from the seed and shrink towards small numbers and first options.
 */
import fc from 'fast-check';
import type { Availability, LocalDate, Weekday } from '../../../src/model/problem.js';
import { addDays, formatLocalTime, WEEKDAYS } from '../../../src/time/week.js';

export type Gen = fc.GeneratorValue;

export const int = (g: Gen, min: number, max: number): number => g(fc.integer, { min, max });
export const chance = (g: Gen, percent: number): boolean => int(g, 0, 99) < percent;
export const pick = <T>(g: Gen, items: readonly T[]): T => items[int(g, 0, items.length - 1)]!;
/** A non-empty subset (in the original order) when `atLeastOne`, else any subset. */
export function subset<T>(g: Gen, items: readonly T[], atLeastOne = true): T[] {
  const chosen = items.filter(() => chance(g, 50));
  if (atLeastOne && chosen.length === 0 && items.length > 0) chosen.push(pick(g, items));
  return chosen;
}

/** Weeks to schedule, with their zones: ordinary weeks and weeks that hold a DST change. */
export const WEEKS: ReadonlyArray<{ timeZone: string; weekStart: LocalDate }> = [
  { timeZone: 'America/Los_Angeles', weekStart: '2026-11-23' },
  { timeZone: 'America/New_York', weekStart: '2027-03-08' }, // clocks go forward Sunday 2027-03-14
  { timeZone: 'Europe/Berlin', weekStart: '2026-10-19' }, // clocks go back Sunday 2026-10-25
  { timeZone: 'Asia/Kolkata', weekStart: '2026-06-01' },
  { timeZone: 'UTC', weekStart: '2027-01-04' },
];

export const CREDENTIALS: readonly string[] = ['LCSW', 'LMFT', 'LPC', 'PsyD', 'CADC', 'RD', 'PMHNP'];

export const clock: (minutes: number) => string = formatLocalTime;

export function dateOfDay(weekStart: LocalDate, day: number): LocalDate {
  return addDays(weekStart, day);
}

/** `DTSTART:20261123T090000\nRRULE:FREQ=WEEKLY` for a day of the week at `minute`, repeating weekly from `weeksBefore` weeks earlier. */
export function weeklyRule(weekStart: LocalDate, day: number, minute: number, weeksBefore: number, interval = 1): string {
  const date = addDays(weekStart, day - 7 * weeksBefore).replaceAll('-', '');
  const time = clock(minute).replace(':', '');
  return `DTSTART:${date}T${time}00\nRRULE:FREQ=WEEKLY;INTERVAL=${interval};BYDAY=${WEEKDAYS[day]!}`;
}

/** Windows that hold each of `spans` (day, start, end in minutes), widened by `pad` minutes on a 15-minute grid. */
export function windowsCovering(spans: ReadonlyArray<readonly [number, number, number]>, pad: number): NonNullable<Availability['weekly']> {
  const byDay = new Map<number, [number, number]>();
  for (const [day, start, end] of spans) {
    const span = byDay.get(day);
    byDay.set(day, span ? [Math.min(span[0], start), Math.max(span[1], end)] : [start, end]);
  }
  return [...byDay]
    .sort((a, b) => a[0] - b[0])
    .map(([day, [start, end]]) => ({
      days: [WEEKDAYS[day]!] as Weekday[],
      start: clock(Math.max(0, start - pad)),
      end: clock(Math.min(1440, end + pad)),
    }));
}
