/**
 * A track window in a director's words: days that share the same hours are named together, a run
 * of three or more as a range ("Tue-Thu 18:00-21:00"), so a proof can say which window binds.
 */
import type { SlotSet } from '../time/slot-set.js';
import { dayRanges, dayShort, listText } from './words.js';

function daysText(days: readonly number[]): string {
  const runs: number[][] = [];
  for (const day of days) {
    const run = runs[runs.length - 1];
    if (run && run[run.length - 1] === day - 1) run.push(day);
    else runs.push([day]);
  }
  const parts = runs.flatMap((run) => (run.length >= 3 ? [`${dayShort(run[0]!)}-${dayShort(run[run.length - 1]!)}`] : run.map(dayShort)));
  return parts.length === 1 ? parts[0]! : listText(parts, 7);
}

/**
 * The window's days and hours, days with the same hours together: `'Tue-Thu 18:00-21:00'`,
 * `'Mon, Wed and Fri 09:00-12:00; Sat 10:00-13:00'`; `'no time at all'` when empty.
 *
 * @example
 * ```ts
 * compactWindowText(compiled.tracks[0]!.windows); // 'Tue-Thu 18:00-21:00'
 * ```
 */
export function compactWindowText(set: SlotSet): string {
  const byHours = new Map<string, number[]>();
  for (let day = 0; day < 7; day++) {
    const hours = dayRanges(set, day).join(' and ');
    if (hours === '') continue;
    const days = byHours.get(hours) ?? [];
    days.push(day);
    byHours.set(hours, days);
  }
  if (byHours.size === 0) return 'no time at all';
  return [...byHours].map(([hours, days]) => `${daysText(days)} ${hours}`).join('; ');
}
