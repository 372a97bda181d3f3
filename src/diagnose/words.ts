/**
 * Plain words for diagnosis messages: days, windows, hours, lists. Ids only, never patient data.
 */
import type { SlotSet } from '../time/slot-set.js';
import { formatLocalTime, SLOT_MINUTES, SLOTS_PER_DAY, WEEKDAYS } from '../time/week.js';

const DAY_SHORT = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

export function dayShort(day: number): string {
  return DAY_SHORT[day] ?? '?';
}

export function weekday(day: number): string {
  return WEEKDAYS[day] ?? '?';
}

// One wording of hours and counts for rule messages and diagnoses alike.
export { hours as hoursText, hoursOf, plural } from '../rules/describe.js';

/**
 * Times on several days in few words, days with the same hours together and three or more days
 * in a row as a range: `Tue-Thu 18:00-21:00`, `Mon, Wed and Thu 17:30-20:30; Fri 09:00-12:00`.
 *
 * @example
 * ```ts
 * spansWords([{ day: 1, start: 1080, end: 1260 }, { day: 2, start: 1080, end: 1260 }, { day: 3, start: 1080, end: 1260 }]); // 'Tue-Thu 18:00-21:00'
 * ```
 */
export function spansWords(spans: ReadonlyArray<{ day: number; start: number; end: number }>): string {
  const byHours = new Map<string, number[]>();
  for (const { day, start, end } of spans) {
    const hours = `${formatLocalTime(start)}-${formatLocalTime(end)}`;
    byHours.set(hours, [...(byHours.get(hours) ?? []), day]);
  }
  return [...byHours]
    .map(([hours, days]) => `${daysWords([...new Set(days)].sort((a, b) => a - b))} ${hours}`)
    .join('; ');
}

/** `Mon-Fri`, `Mon, Wed and Thu`, `Mon-Wed and Fri`: runs of three or more days as ranges. */
function daysWords(days: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < days.length; ) {
    let j = i;
    while (j + 1 < days.length && days[j + 1] === days[j]! + 1) j++;
    if (j - i >= 2) parts.push(`${dayShort(days[i]!)}-${dayShort(days[j]!)}`);
    else for (let k = i; k <= j; k++) parts.push(dayShort(days[k]!));
    i = j + 1;
  }
  return listText(parts, 7);
}

/** `a, b and c`; long lists end with `and N more`. */
export function listText(items: readonly string[], max = 6): string {
  if (items.length === 0) return 'none';
  const shown = items.slice(0, max);
  const rest = items.length - shown.length;
  if (rest > 0) return `${shown.join(', ')} and ${rest} more`;
  if (shown.length === 1) return shown[0]!;
  return `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}

/**
 * The ranges of `set` on `day`, in order: `['09:00-12:00', '13:00-15:00']`.
 *
 * @example
 * ```ts
 * dayRanges(track.windows, 1); // ['18:00-21:00']
 * ```
 */
export function dayRanges(set: SlotSet, day: number): string[] {
  const ranges: string[] = [];
  let start = -1;
  for (let slot = 0; slot <= SLOTS_PER_DAY; slot++) {
    const inside = slot < SLOTS_PER_DAY && set.has(day * SLOTS_PER_DAY + slot);
    if (inside && start < 0) start = slot;
    if (!inside && start >= 0) {
      ranges.push(`${formatLocalTime(start * SLOT_MINUTES)}-${formatLocalTime(slot * SLOT_MINUTES)}`);
      start = -1;
    }
  }
  return ranges;
}

/** The windows of a slot set per day: `Tue 18:00-21:00, Thu 18:00-21:00`. */
export function windowsText(set: SlotSet, maxParts = 6): string {
  const parts: string[] = [];
  for (let day = 0; day < 7; day++) for (const range of dayRanges(set, day)) parts.push(`${dayShort(day)} ${range}`);
  if (parts.length === 0) return 'no time at all';
  return parts.length > maxParts ? `${parts.slice(0, maxParts).join(', ')} and ${parts.length - maxParts} more windows` : parts.join(', ');
}
