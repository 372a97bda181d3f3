/**
 * iCalendar (RFC 5545) export of a week: the whole clinic's, or one patient's, staff member's or
 * room's, as one event per meeting or as weekly series.
 *
 * ical-generator writes the calendar (properties, escaping, 75-octet UTF-8-safe folding). Two
 * things it cannot do as required, and what happens instead:
 * - with a `TZID`, it prints a plain `Date` with the HOST's local getters (`getHours`...), so the
 *   host's zone would leak into the file. Start and end are given as {@link WallClock} values
 *   instead, which implement ical-generator's own date interface (`ICalDayJsStub`) and print the
 *   meeting's wall-clock time exactly.
 * - it writes the calendar's NAME unescaped: the name is escaped here.
 * - its VTIMEZONE hook is tied to a calendar-wide zone, which also makes it print `DTSTAMP` in
 *   floating local time (RFC 5545 wants UTC). The VTIMEZONE is built from the runtime's zone data
 *   (see `vtimezone.ts`) and placed before the first event.
 */
import { ICalCalendar, ICalCalendarMethod, ICalEventRepeatingFreq, ICalEventStatus, escape, type ICalDayJsStub } from 'ical-generator';
import type { LocalDate, Problem } from '../model/problem.js';
import type { Meeting, Schedule } from '../model/schedule.js';
import { addDays, dayNumber, formatLocalTime, parseLocalTime } from '../time/week.js';
import { zonedInstant } from '../time/zone.js';
import { toWellFormed } from '../input/unicode.js';
import { icsText } from './ical-text.js';
import { namesOf, type Names } from './names.js';
import { meetingsOf, type Subject } from './select.js';
import { seriesUntil } from './series-end.js';
import { vtimezone } from './vtimezone.js';

/** Options of {@link toICalendar}. */
export interface ICalendarOptions {
  /** Whose calendar: one patient's, staff member's or room's. Default: every meeting of the week. */
  for?: Subject;
  /**
   * `true`: each meeting becomes a weekly series (`RRULE:FREQ=WEEKLY`) starting this week, with a
   * UID derived from the meeting id alone, so importing next week's export updates the series.
   * Default `false`: one event per meeting, UID derived from the meeting id and the week.
   */
  recurring?: boolean;
  /** Domain part of every UID, so two clinics' calendars never collide. Default `'iop-scheduler'`. */
  uidDomain?: string;
  /**
   * `DTSTAMP` of every event: when this version was published, an ISO 8601 instant with an
   * offset or `Z` (`'2026-11-25T07:05:00-08:00'`). Default: now. Pass it to get the same text
   * from the same week (tests, diffs).
   */
  stamp?: string;
  /**
   * Meetings no longer held (what `replan` reports as cancelled, as they were published): each
   * becomes a `STATUS:CANCELLED` event with the UID it was published under and a `SEQUENCE`
   * one above its last (`revision + 1`), so calendar apps remove it. With `recurring`, this
   * cancels the meeting's series. Only those of the calendar's subject are written.
   */
  cancelled?: readonly Meeting[];
}

/**
 * The week as iCalendar text (RFC 5545): the whole week, or the calendar of one patient, staff
 * member or room. Times are wall-clock times with the clinic's `TZID` and a VTIMEZONE, so every
 * client shows them right, including across a DST change. `SUMMARY` is the service's name,
 * `LOCATION` the room (or "Telehealth"); `DESCRIPTION` names the track, staff and, on staff and
 * whole-week calendars only, the patients by id. Nothing else about patients is written.
 *
 * Re-published calendars update in Google, Outlook and Apple clients (RFC 5545 3.8.7.4): each
 * event's `SEQUENCE` is the meeting's `revision`, `DTSTAMP` the publication instant (`stamp`),
 * meetings passed as `cancelled` are `STATUS:CANCELLED` under the same UID, and a weekly series
 * ends (`UNTIL`, in UTC) at the discharge of the patients it is for.
 *
 * @throws {RangeError} when `options.for` names an unknown id, a meeting has a malformed date, time
 * or revision, `stamp` is not an instant with an offset, or a cancelled meeting is still held.
 *
 * @example
 * ```ts
 * import { writeFileSync } from 'node:fs';
 * const { schedule } = solve(problem, { seed: 1 });
 * writeFileSync('clin-1.ics', toICalendar(problem, schedule, { for: { staff: 'clin-1' } }));
 * writeFileSync('p-01-series.ics', toICalendar(problem, schedule, { for: { patient: 'p-01' }, recurring: true }));
 * // After a re-plan: moved sessions carry a higher SEQUENCE, cancelled ones are withdrawn.
 * const replanned = replan(problem, schedule, changes, { asOf: '2026-11-25T07:00:00-08:00' });
 * const cancelled = replanned.changed.meetings.flatMap((m) => (m.kinds.includes('cancelled') && m.before ? [m.before] : []));
 * writeFileSync('week.ics', toICalendar(replanned.problem, replanned.schedule, { cancelled, stamp: new Date().toISOString() }));
 * ```
 */
export function toICalendar(problem: Problem, schedule: Schedule, options: ICalendarOptions = {}): string {
  const subject = options.for ?? {};
  const meetings = meetingsOf(problem, schedule, subject);
  const names = namesOf(problem);
  const timeZone = problem.timeZone;
  const recurring = options.recurring === true;
  const domain = icsText(options.uidDomain ?? 'iop-scheduler');
  const stamp = stampOf(options.stamp);
  const showPatients = subject.patient === undefined && subject.room === undefined;

  const calendar = new ICalCalendar({
    prodId: { company: 'iop-scheduler', product: 'iop-scheduler', language: 'EN' },
    method: ICalCalendarMethod.PUBLISH,
    // ical-generator writes the calendar's name unescaped (its events' text it escapes).
    name: escape(icsText(calendarName(problem, subject, names)), false),
  });
  const cancelled = meetingsOf(problem, { ...schedule, meetings: [...(options.cancelled ?? [])] }, subject);
  const held = new Set(meetings.map((m) => m.id));
  for (const meeting of cancelled) if (held.has(meeting.id)) throw new RangeError(`Meeting '${meeting.id}' is both held and cancelled.`);
  let lastDate: LocalDate = addDays(problem.weekStart, 6);
  for (const [meeting, isCancelled] of [...meetings.map((m) => [m, false] as const), ...cancelled.map((m) => [m, true] as const)]) {
    const { start, end } = wallClocks(meeting, timeZone);
    if (meeting.date > lastDate) lastDate = meeting.date;
    // RFC 5545 3.8.7.4: clients apply an event only when its SEQUENCE rises; a cancellation is a
    // change of its own, so it goes one above the last published revision.
    const revision = revisionOf(meeting);
    const until = recurring ? seriesUntil(problem, meeting, subject.patient) : undefined;
    // A series whose end falls before its first start would have no occurrence at all.
    const repeats = recurring && (until === undefined || until.getTime() >= start.toDate().getTime());
    calendar.createEvent({
      id: recurring ? `${uidPart(meeting.id)}@${domain}` : `${uidPart(meeting.id)}-${schedule.weekStart}@${domain}`,
      sequence: isCancelled ? revision + 1 : revision,
      stamp,
      start,
      end,
      timezone: timeZone,
      // Every text value passes icsText: names and ids may hold control characters RFC 5545 forbids.
      summary: icsText(names.service(meeting.service)),
      location: icsText(meeting.mode === 'telehealth' || meeting.room === null ? 'Telehealth' : names.room(meeting.room)),
      description: icsText(description(meeting, names, showPatients)),
      ...(isCancelled ? { status: ICalEventStatus.CANCELLED } : {}),
      ...(repeats ? { repeating: { freq: ICalEventRepeatingFreq.WEEKLY, ...(until !== undefined ? { until } : {}) } } : {}),
    });
  }
  // Covers the week and (see vtimezone) the years a series runs on into.
  const zone = vtimezone(timeZone, problem.weekStart, lastDate);
  const text = calendar.toString();
  const at = text.indexOf('\r\nBEGIN:VEVENT');
  const insertAt = at >= 0 ? at : text.lastIndexOf('\r\nEND:VCALENDAR');
  return `${text.slice(0, insertAt)}\r\n${zone}${text.slice(insertAt)}\r\n`;
}

// An instant with an offset or Z: a bare date or a local time would be read in the host's zone.
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

function stampOf(stamp: string | undefined): Date {
  if (stamp === undefined) return new Date();
  const date = new Date(stamp);
  if (typeof stamp !== 'string' || !ISO_INSTANT.test(stamp) || Number.isNaN(date.getTime())) {
    throw new RangeError(`stamp '${String(stamp)}' is not an ISO 8601 instant with an offset, e.g. '2026-11-25T07:05:00-08:00'.`);
  }
  return date;
}

function revisionOf(meeting: Meeting): number {
  const revision = meeting.revision ?? 0;
  if (!Number.isSafeInteger(revision) || revision < 0) throw new RangeError(`Meeting '${meeting.id}' has a revision that is not a whole number of at least 0 (${String(revision)}).`);
  return revision;
}

/**
 * A wall-clock date and time in the clinic's zone, in the shape ical-generator accepts for dates
 * (`ICalDayJsStub`): `format` prints the wall clock itself, `toDate` gives the true instant.
 */
class WallClock implements ICalDayJsStub {
  readonly #date: LocalDate;
  readonly #minutes: number;
  readonly #instant: Date;

  constructor(date: LocalDate, minutes: number, timeZone: string) {
    this.#date = date;
    this.#minutes = minutes;
    this.#instant = zonedInstant(date, formatLocalTime(minutes), timeZone);
  }

  format(format?: string): string {
    if (format === 'YYYYMMDD') return this.#date.replace(/-/g, '');
    if (format === 'HHmmss') return `${formatLocalTime(this.#minutes).replace(':', '')}00`;
    throw new RangeError(`Unsupported date format '${format ?? ''}'.`);
  }

  isValid(): boolean {
    return true;
  }

  toDate(): Date {
    return new Date(this.#instant.getTime());
  }

  toJSON(): string {
    return this.#instant.toISOString();
  }

  /**
   * The same instant on the UTC wall clock. ical-generator drops an event's zone when it is
   * exactly `'UTC'` and then prints the start in UTC through this (a clinic kept in UTC).
   */
  utc(): WallClock {
    const iso = this.#instant.toISOString();
    return new WallClock(iso.slice(0, 10), this.#instant.getUTCHours() * 60 + this.#instant.getUTCMinutes(), 'UTC');
  }
}

function wallClocks(meeting: Meeting, timeZone: string): { start: WallClock; end: WallClock } {
  const startMinutes = parseLocalTime(meeting.start);
  const endMinutes = parseLocalTime(meeting.end);
  if (dayNumber(meeting.date) === undefined || startMinutes === undefined || endMinutes === undefined || startMinutes >= 1440) {
    throw new RangeError(`Meeting '${meeting.id}' has a malformed date or time (${meeting.date} ${meeting.start}-${meeting.end}).`);
  }
  if (endMinutes <= startMinutes) throw new RangeError(`Meeting '${meeting.id}' ends (${meeting.end}) before it starts (${meeting.start}).`);
  const end = endMinutes === 1440 ? new WallClock(addDays(meeting.date, 1), 0, timeZone) : new WallClock(meeting.date, endMinutes, timeZone);
  return { start: new WallClock(meeting.date, startMinutes, timeZone), end };
}

/** A meeting id made safe for a UID: RFC 3986 unreserved characters stay, the rest is percent-encoded. */
function uidPart(id: string): string {
  // A schedule read from a file was never validated: a lone surrogate would make encodeURIComponent throw.
  return encodeURIComponent(toWellFormed(id)).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function description(meeting: Meeting, names: Names, showPatients: boolean): string {
  const lines: string[] = [];
  if (meeting.track !== null) lines.push(`Track: ${names.track(meeting.track)}`);
  if (meeting.staff.length > 0) lines.push(`Staff: ${meeting.staff.map((id) => names.staff(id)).join(', ')}`);
  lines.push(showPatients ? `Patients: ${meeting.patients.join(', ')}` : `Participants: ${meeting.patients.length}`);
  lines.push(`Meeting: ${meeting.id}`);
  return lines.join('\n');
}

function calendarName(problem: Problem, subject: Subject, names: Names): string {
  const who = [
    subject.patient !== undefined ? `patient ${subject.patient}` : undefined,
    subject.staff !== undefined ? names.staff(subject.staff) : undefined,
    subject.room !== undefined ? names.room(subject.room) : undefined,
  ].filter((part) => part !== undefined);
  return `${who.length > 0 ? `${who.join(', ')}: ` : ''}week of ${problem.weekStart}`;
}
