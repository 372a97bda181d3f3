/**
 * The part of the week that already happened. A meeting that started before the cutoff is a
 * record: later changes may say who did not come (a no-show) but never rewrite where, when or
 * with whom it was held. So the cutoff is known before the changes are applied, and a call-out
 * or closure takes effect only where it does not contradict the record.
 */
import type { Change } from '../model/options.js';
import type { Schedule } from '../model/schedule.js';
import { formatLocalTime, parseLocalTime, SLOT_MINUTES } from '../time/week.js';
import { zonedInstant } from '../time/zone.js';
import { isRecord } from './untrusted.js';

type Closure = Extract<Change, { kind: 'staff-out' | 'room-closed' }>;

/** The published meetings, read as untrusted data (reading the week properly reports what is wrong). */
function meetingsOf(previous: Schedule): unknown[] {
  const list: unknown = isRecord(previous) ? previous['meetings'] : undefined;
  return Array.isArray(list) ? (list as unknown[]) : [];
}

/**
 * The instant (ms) before which the week is a record: `asOf`, or the end of the latest missed
 * meeting when later (a miss is known once the meeting is over); `-Infinity` when neither.
 * Reads the published week as untrusted data: a meeting without a readable `endsAt` adds
 * nothing (reading the week properly reports it).
 *
 * @example
 * ```ts
 * const cutoff = recordCutoff(published, [{ kind: 'missed', patient: 'p-1', meeting: 'g-1' }], undefined);
 * ```
 */
export function recordCutoff(previous: Schedule, changes: readonly Change[], asOf: string | undefined): number {
  let cutoff = asOf === undefined ? -Infinity : Date.parse(asOf);
  const missed = new Set(changes.flatMap((c) => (c.kind === 'missed' ? [c.meeting] : [])));
  if (missed.size === 0) return cutoff;
  for (const m of meetingsOf(previous)) {
    if (!isRecord(m) || typeof m['id'] !== 'string' || !missed.has(m['id']) || typeof m['endsAt'] !== 'string') continue;
    const end = Date.parse(m['endsAt']);
    if (Number.isFinite(end)) cutoff = Math.max(cutoff, end);
  }
  return cutoff;
}

/**
 * A staff call-out or room closure cut to what the record allows: it starts no earlier than the
 * cutoff, nor before the end of a meeting of that member or room that had already started (it
 * was held, with them, as published); `undefined` when nothing of it is left. The day's cutoff
 * is the first 5-minute mark at or after it, as re-planning places meetings.
 *
 * @example
 * ```ts
 * const effective = clipToRecord({ kind: 'staff-out', staff: 's-1', date: '2026-11-25' }, published, timeZone, cutoff);
 * ```
 */
export function clipToRecord(change: Closure, previous: Schedule, timeZone: string, cutoffMs: number): Closure | undefined {
  if (cutoffMs === -Infinity) return change;
  const from = change.start === undefined ? 0 : parseLocalTime(change.start)!;
  const to = change.end === undefined ? 1440 : parseLocalTime(change.end)!;
  const open = firstOpenMinutes([change.date], timeZone, cutoffMs)[0]!;
  let start = Math.max(from, open);
  const who = change.kind === 'staff-out' ? change.staff : change.room;
  for (const m of meetingsOf(previous)) {
    if (!isRecord(m) || m['date'] !== change.date || typeof m['start'] !== 'string' || typeof m['end'] !== 'string') continue;
    const involved = change.kind === 'staff-out' ? Array.isArray(m['staff']) && m['staff'].includes(who) : m['room'] === who;
    const held = parseLocalTime(m['start']);
    const end = parseLocalTime(m['end']);
    if (!involved || held === undefined || end === undefined || held >= open) continue;
    if (end > from && held < to) start = Math.max(start, end);
  }
  if (start >= to) return undefined;
  if (start === from) return change;
  return { ...change, start: formatLocalTime(start) };
}

/**
 * Per day of the week, the first minute at or after `cutoffMs` (an instant), on the wall clock of
 * `timeZone`. Scans the 5-minute grid, so a DST day is handled like any other.
 *
 * @example
 * ```ts
 * const opensAt = firstOpenMinutes(compiled.dates, compiled.timeZone, recordCutoff(previous, changes, asOf));
 * ```
 */
export function firstOpenMinutes(dates: readonly string[], timeZone: string, cutoffMs: number): number[] {
  return dates.map((date) => {
    if (!Number.isFinite(cutoffMs)) return 0;
    if (zonedInstant(date, '00:00', timeZone).getTime() >= cutoffMs) return 0;
    for (let minute = SLOT_MINUTES; minute <= 1440; minute += SLOT_MINUTES) {
      if (zonedInstant(date, formatLocalTime(minute), timeZone).getTime() >= cutoffMs) return minute;
    }
    return 1441;
  });
}
