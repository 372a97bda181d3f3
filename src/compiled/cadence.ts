/**
 * A cadence requirement as one week sees it (DESIGN section 10): due by a date, optional, or not
 * allowed, from the last attended session of the service in the patient's history. The week's
 * count (`min`, `max`) and the days a session may take (`firstDay`..`lastDay`) follow from it;
 * the hard rule `cadence-window` keeps sessions inside those days.
 */
import type { Cadence, HistoryEntry, LocalDate } from '../model/problem.js';
import type { CadenceState } from '../model/report.js';
import { addDays, dayNumber } from '../time/week.js';

/** A cadence derived for the week. */
export interface WeekCadence {
  minDays: number;
  maxDays: number;
  /** What the cadence asks this week (see `CadenceState`). */
  status: CadenceState;
  /** Date of the last attended session of the service, when the history holds one. */
  lastAttended?: LocalDate;
  /** `lastAttended + minDays`: the first date a session keeps the minimum interval. */
  earliest?: LocalDate;
  /** `lastAttended + maxDays`: the last date a session keeps the maximum interval. */
  dueBy?: LocalDate;
  /** Sessions wanted this week: 1 when due (overdue, new), else 0. */
  min: number;
  /** Sessions allowed this week: 0 when not allowed, else 1. */
  max: number;
  /** First and last day index (0 = Monday) a session may be held on; `firstDay > lastDay` when none. */
  firstDay: number;
  lastDay: number;
}

/**
 * The last attended session of `service` before the week, from an unordered history.
 *
 * @example
 * ```ts
 * lastAttended([{ service: 'np', date: '2026-11-03' }, { service: 'np', date: '2026-11-10', status: 'no-show' }], 'np'); // '2026-11-03'
 * ```
 */
export function lastAttended(history: readonly HistoryEntry[] | undefined, service: string): LocalDate | undefined {
  let last: LocalDate | undefined;
  for (const entry of history ?? []) {
    if (entry.service !== service || (entry.status ?? 'attended') !== 'attended') continue;
    if (last === undefined || entry.date > last) last = entry.date;
  }
  return last;
}

/**
 * Derives a cadence for the week of `dates` (the seven dates, Monday first), whose closed days
 * are `closed`: due when `last + maxDays` falls on or before the week's last open day.
 *
 * @example
 * ```ts
 * // Last med review Tuesday 2026-11-03, every 14-28 days; the week of 2026-11-23 (Tuesday 24th):
 * deriveCadence({ minDays: 14, maxDays: 28 }, '2026-11-03', dates, closed);
 * // { status: 'optional', earliest: '2026-11-17', dueBy: '2026-12-01', min: 0, max: 1, firstDay: 0, lastDay: 6, ... }
 * ```
 */
export function deriveCadence(cadence: Cadence, last: LocalDate | undefined, dates: readonly LocalDate[], closed: readonly boolean[]): WeekCadence {
  const base = { minDays: cadence.minDays, maxDays: cadence.maxDays };
  if (last === undefined) return { ...base, status: 'new', min: 1, max: 1, firstDay: 0, lastDay: 6 };
  const week0 = dayNumber(dates[0]!)!;
  const earliest = addDays(last, cadence.minDays);
  const dueBy = addDays(last, cadence.maxDays);
  const dates6 = dates[6]!;
  const known = { ...base, lastAttended: last, earliest, dueBy };
  const dayOf = (date: LocalDate): number => dayNumber(date)! - week0;
  if (earliest > dates6) return { ...known, status: 'not-allowed', min: 0, max: 0, firstDay: 7, lastDay: -1 };
  let lastOpen = 6;
  while (lastOpen > 0 && closed[lastOpen] === true) lastOpen--;
  const firstDay = Math.max(0, dayOf(earliest));
  if (dueBy < dates[0]!) return { ...known, status: 'overdue', min: 1, max: 1, firstDay, lastDay: 6 };
  if (dueBy <= dates[lastOpen]!) return { ...known, status: 'due', min: 1, max: 1, firstDay, lastDay: dayOf(dueBy) };
  return { ...known, status: 'optional', min: 0, max: 1, firstDay, lastDay: 6 };
}
