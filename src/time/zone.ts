/**
 * Wall-clock time in the clinic's zone to instants.
 *
 * Policy, documented for callers: a wall-clock time that does not exist (the hour skipped when
 * DST starts) moves forward by the gap, as RFC 5545 does; a wall-clock time that happens twice
 * (the hour repeated when DST ends) is the earlier of the two instants.
 */
import { fromZonedTime, formatInTimeZone } from 'date-fns-tz';
import type { LocalDate, LocalTime } from '../model/problem.js';

/** Whether `timeZone` is an IANA zone this runtime knows. */
export function isValidTimeZone(timeZone: string): boolean {
  if (timeZone.length === 0) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone }).format(0);
    return true;
  } catch {
    return false;
  }
}

/** The instant of a wall-clock `date` and `time` in `timeZone`, as a `Date`. */
export function zonedInstant(date: LocalDate, time: LocalTime, timeZone: string): Date {
  // Strings, not Dates, go into fromZonedTime so the host's zone never takes part.
  return fromZonedTime(`${date}T${time === '24:00' ? '00:00' : time}:00`, timeZone) as Date;
}

/** ISO 8601 with the zone's offset, e.g. `'2026-11-23T18:00:00-08:00'`. */
export function toOffsetIso(date: LocalDate, time: LocalTime, timeZone: string): string {
  return formatInTimeZone(zonedInstant(date, time, timeZone), timeZone, "yyyy-MM-dd'T'HH:mm:ssXXX");
}
