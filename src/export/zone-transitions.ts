/**
 * UTC offsets and their changes in an IANA zone, read from the runtime's own time-zone data
 * (`Intl`), so they are as current as the runtime and never depend on the host's zone.
 */
import { zoneOffsetMs } from '../time/zone.js';

/** A change of UTC offset: at `atMs` (an instant), the offset goes from `fromMinutes` to `toMinutes`. */
export interface OffsetTransition {
  atMs: number;
  fromMinutes: number;
  toMinutes: number;
}

const MS_PER_MINUTE = 60_000;
const SAMPLE_MS = 12 * 60 * MS_PER_MINUTE;
/**
 * The zone's UTC offset in minutes at the instant `ms`.
 *
 * @example
 * ```ts
 * offsetMinutesAt('America/Los_Angeles', Date.parse('2026-11-23T12:00:00Z')); // -480
 * ```
 */
export function offsetMinutesAt(timeZone: string, ms: number): number {
  return Math.round(zoneOffsetMs(ms, timeZone) / MS_PER_MINUTE);
}

/**
 * Every offset change in `[fromMs, toMs)`, in order, to the minute. Samples twice a day, then
 * bisects: zones do not change their offset twice within twelve hours.
 *
 * @example
 * ```ts
 * offsetTransitions('America/Los_Angeles', Date.UTC(2026, 0, 1), Date.UTC(2027, 0, 1)).length; // 2
 * ```
 */
export function offsetTransitions(timeZone: string, fromMs: number, toMs: number): OffsetTransition[] {
  const transitions: OffsetTransition[] = [];
  let previousMs = fromMs;
  let previousOffset = offsetMinutesAt(timeZone, fromMs);
  for (let sampleMs = fromMs + SAMPLE_MS; previousMs < toMs; sampleMs += SAMPLE_MS) {
    const atMs = Math.min(sampleMs, toMs);
    const offset = offsetMinutesAt(timeZone, atMs);
    if (offset !== previousOffset) {
      let low = previousMs;
      let high = atMs;
      while (high - low > MS_PER_MINUTE) {
        const middle = low + Math.max(1, Math.floor((high - low) / 2 / MS_PER_MINUTE)) * MS_PER_MINUTE;
        if (offsetMinutesAt(timeZone, middle) === previousOffset) low = middle;
        else high = middle;
      }
      transitions.push({ atMs: high, fromMinutes: previousOffset, toMinutes: offset });
    }
    previousMs = atMs;
    previousOffset = offset;
  }
  return transitions;
}

/**
 * The zone's short name at `ms` when it is an abbreviation such as `PST`, else `undefined`.
 *
 * @example
 * ```ts
 * zoneAbbreviation('America/Los_Angeles', Date.parse('2026-07-01T00:00:00Z')); // 'PDT'
 * ```
 */
export function zoneAbbreviation(timeZone: string, ms: number): string | undefined {
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'short' })
    .formatToParts(ms)
    .find((part) => part.type === 'timeZoneName')?.value;
  return name !== undefined && /^[A-Z]{2,5}$/.test(name) ? name : undefined;
}
