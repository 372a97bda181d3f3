/**
 * Wall-clock time in the clinic's zone to instants, through `Intl` only.
 *
 * Policy, documented for callers (it is Temporal's `disambiguation: 'compatible'` and RFC 5545's):
 * - a wall-clock time that does not exist (skipped when DST starts) moves forward by the length
 *   of the gap: 02:30 on 2026-03-08 in Los Angeles is 03:30 PDT (-07:00);
 * - a wall-clock time that happens twice (repeated when DST ends) is the EARLIER of the two
 *   instants: 01:30 on 2026-11-01 in Los Angeles is 01:30 PDT (-07:00), not PST;
 * - `'24:00'` is midnight at the end of the date, i.e. 00:00 of the next day.
 *
 * date-fns-tz 3.2 is not used here: its `fromZonedTime` moves gap times backward (02:30 becomes
 * 01:30 PST) and resolves repeated times by the HOST's zone (PST under TZ=Asia/Tokyo, PDT under
 * TZ=UTC), and its `formatInTimeZone` goes through host-local dates (date-fns-tz issue #258).
 * `@date-fns/tz` 1.5 (`TZDate`) was checked too and also resolves some repeated times to the
 * later instant depending on the host's zone (Europe/London 2026-10-25 01:30 under TZ=UTC,
 * Australia/Lord_Howe 2026-04-05 01:45 everywhere), so neither library meets the policy; the
 * property test against Temporal (test/time) holds this module to it under three host zones.
 */
import type { LocalDate, LocalTime } from '../model/problem.js';
import { dayNumber, MINUTES_PER_DAY, parseLocalTime } from './week.js';

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * Whether `timeZone` is a time zone this runtime knows (IANA names such as `'America/Los_Angeles'`).
 *
 * @example
 * isValidTimeZone('America/Los_Angeles'); // true
 * isValidTimeZone('Mars/Olympus_Mons');   // false
 */
export function isValidTimeZone(timeZone: string): boolean {
  if (typeof timeZone !== 'string' || timeZone.length === 0) return false;
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/**
 * The offset of `timeZone` from UTC, in milliseconds (east positive), at the instant `epochMs`.
 *
 * @example
 * zoneOffsetMs(Date.UTC(2026, 10, 23, 12), 'America/Los_Angeles') / 3_600_000; // -8
 */
export function zoneOffsetMs(epochMs: number, timeZone: string): number {
  const wholeSecond = Math.floor(epochMs / 1000) * 1000;
  const fields = new Map<string, string>();
  for (const part of formatterFor(timeZone).formatToParts(wholeSecond)) fields.set(part.type, part.value);
  const yearOfEra = Number(fields.get('year'));
  const year = fields.get('era') === 'BC' || fields.get('era') === 'B' ? 1 - yearOfEra : yearOfEra;
  const wall = new Date(0);
  wall.setUTCFullYear(year, Number(fields.get('month')) - 1, Number(fields.get('day')));
  wall.setUTCHours(Number(fields.get('hour')), Number(fields.get('minute')), Number(fields.get('second')), 0);
  return wall.getTime() - wholeSecond;
}

/**
 * The instant of floating wall-clock milliseconds `wallMs` (wall clock read as if it were UTC) in
 * `timeZone`, under the gap/overlap policy of this module.
 */
function instantOfWall(wallMs: number, timeZone: string): number {
  // Offsets a day either side bracket any transition near this wall time; the offsets in force
  // at the first guesses catch zones that change twice within a few hours.
  const before = zoneOffsetMs(wallMs - MS_PER_DAY, timeZone);
  const after = zoneOffsetMs(wallMs + MS_PER_DAY, timeZone);
  const candidates = new Set([before, after, zoneOffsetMs(wallMs - before, timeZone), zoneOffsetMs(wallMs - after, timeZone)]);
  let earliest = Number.POSITIVE_INFINITY;
  for (const offset of candidates) {
    const instant = wallMs - offset;
    if (zoneOffsetMs(instant, timeZone) === offset && instant < earliest) earliest = instant;
  }
  if (earliest !== Number.POSITIVE_INFINITY) return earliest;
  // A gap: read the wall clock with the offset in force before it, which lands as far past the
  // gap's end as the time was past its start.
  return wallMs - before;
}

function wallMsOf(date: LocalDate, time: LocalTime): number {
  const day = dayNumber(date);
  const minute = parseLocalTime(time);
  if (day === undefined) throw new RangeError(`Not a date: ${date}`);
  if (minute === undefined) throw new RangeError(`Not a time: ${time}`);
  return (day * MINUTES_PER_DAY + minute) * MS_PER_MINUTE;
}

/**
 * The instant of wall-clock `date` and `time` in `timeZone` (policy in the module comment).
 * Throws a `RangeError` for a malformed date or time or an unknown zone.
 *
 * @example
 * zonedInstant('2026-03-08', '02:30', 'America/Los_Angeles').toISOString(); // '2026-03-08T10:30:00.000Z' (03:30 PDT)
 * zonedInstant('2026-11-01', '01:30', 'America/Los_Angeles').toISOString(); // '2026-11-01T08:30:00.000Z' (01:30 PDT)
 */
export function zonedInstant(date: LocalDate, time: LocalTime, timeZone: string): Date {
  // A week holds few distinct (date, time) pairs, and every meeting asks for two of them:
  // remembering them turns thousands of Intl calls into map look-ups.
  const key = `${timeZone}|${date}|${time}`;
  let instant = instants.get(key);
  if (instant === undefined) {
    instant = instantOfWall(wallMsOf(date, time), timeZone);
    if (instants.size >= MAX_REMEMBERED_INSTANTS) instants.clear();
    instants.set(key, instant);
  }
  return new Date(instant);
}

const MAX_REMEMBERED_INSTANTS = 50_000;
const instants = new Map<string, number>();

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

/**
 * ISO 8601 of the instant `epochMs` as wall clock in `timeZone` with that zone's offset (in UTC,
 * `Z`, when the offset has seconds: local mean time before ~1900, which RFC 3339 cannot write).
 *
 * @example
 * formatInstant(Date.UTC(2026, 10, 24, 2), 'America/Los_Angeles'); // '2026-11-23T18:00:00-08:00'
 */
export function formatInstant(epochMs: number, timeZone: string): string {
  const wholeSecond = Math.floor(epochMs / 1000) * 1000;
  const offset = zoneOffsetMs(wholeSecond, timeZone);
  const offsetSeconds = Math.round(Math.abs(offset) / 1000);
  // Offsets with seconds exist only in local mean time before ~1900; RFC 3339 (and Date.parse,
  // FHIR, the schedule schema) has no form for them: the same instant is printed in UTC instead.
  if (offsetSeconds % 60 !== 0) return `${new Date(wholeSecond).toISOString().slice(0, 19)}Z`;
  const iso = new Date(wholeSecond + offset).toISOString().slice(0, 19);
  const sign = offset < 0 ? '-' : '+';
  return `${iso}${sign}${pad(Math.floor(offsetSeconds / 3600))}:${pad(Math.floor(offsetSeconds / 60) % 60)}`;
}

/**
 * ISO 8601 with the zone's offset of wall-clock `date` and `time` in `timeZone`. A time in a DST
 * gap prints as the wall clock it becomes; `'24:00'` prints as 00:00 of the next day.
 *
 * @example
 * toOffsetIso('2026-11-23', '18:00', 'America/Los_Angeles'); // '2026-11-23T18:00:00-08:00'
 * toOffsetIso('2026-03-08', '02:30', 'America/Los_Angeles'); // '2026-03-08T03:30:00-07:00'
 * toOffsetIso('2026-11-23', '24:00', 'America/Los_Angeles'); // '2026-11-24T00:00:00-08:00'
 */
export function toOffsetIso(date: LocalDate, time: LocalTime, timeZone: string): string {
  return formatInstant(zonedInstant(date, time, timeZone).getTime(), timeZone);
}

/**
 * The `startsAt` and `endsAt` of a meeting held on `date` from `start` to `end` (wall clock in
 * `timeZone`; `end` may be `'24:00'`). On the days the clock changes the two instants can be
 * more or less than `end - start` apart: the wall clock is what the clinic keeps.
 *
 * @example
 * meetingInstants('2026-03-08', '18:00', '19:30', 'America/Los_Angeles');
 * // { startsAt: '2026-03-08T18:00:00-07:00', endsAt: '2026-03-08T19:30:00-07:00' }
 */
export function meetingInstants(date: LocalDate, start: LocalTime, end: LocalTime, timeZone: string): { startsAt: string; endsAt: string } {
  return { startsAt: toOffsetIso(date, start, timeZone), endsAt: toOffsetIso(date, end, timeZone) };
}
