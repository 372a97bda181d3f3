/**
 * Turns a `Schedule` (ids and clock strings, possibly hand-edited) into a rule context. What
 * cannot be compiled (unknown ids, malformed dates and times, inconsistent fields) is reported as
 * `schedule-integrity` breaches instead of crashing; a meeting too broken to place is left out of
 * the other checks. A date outside the week is kept (day -1) for `meeting-outside-week` to report.
 */
import type { Schedule } from '../model/schedule.js';
import type { Violation } from '../model/report.js';
import type { CompiledProblem } from './compile.js';
import { sessionKey, type PlacedMeeting, type PreviousWeek, type RuleContext } from './meetings.js';
import { dayNumber, parseLocalTime, weekdayOf } from '../time/week.js';
import { zonedInstant } from '../time/zone.js';

export interface ScheduleContext extends RuleContext {
  readonly meetings: PlacedMeeting[];
  readonly integrity: Violation[];
}

function integrityViolation(message: string, meetingId: string | undefined): Violation {
  return {
    rule: 'schedule-integrity',
    level: 'hard',
    penalty: 1,
    message,
    meetings: meetingId === undefined ? [] : [meetingId],
    patients: [],
    staff: [],
    rooms: [],
  };
}

/** Builds per-entity meeting lists for a set of meetings. */
export function indexMeetings(
  problem: CompiledProblem,
  meetings: ReadonlyArray<PlacedMeeting | undefined>,
): { patientMeetings: number[][]; staffMeetings: number[][]; roomMeetings: number[][] } {
  const patientMeetings = problem.patients.map(() => [] as number[]);
  const staffMeetings = problem.staff.map(() => [] as number[]);
  const roomMeetings = problem.rooms.map(() => [] as number[]);
  meetings.forEach((meeting, index) => {
    if (!meeting) return;
    for (const patient of meeting.patients) patientMeetings[patient]!.push(index);
    for (const member of meeting.staff) staffMeetings[member]!.push(index);
    if (meeting.room >= 0) roomMeetings[meeting.room]!.push(index);
  });
  return { patientMeetings, staffMeetings, roomMeetings };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Readable text of an untrusted value for a message: strings as they are, the rest by type. */
function shown(value: unknown): string {
  return typeof value === 'string' ? value : value === undefined ? 'nothing' : typeof value;
}

/** Whether an ISO instant names the same moment as a wall-clock date and time in `timeZone`. */
/**
 * What a schedule's meetings repeat (dates, clock times, instants) read once per call: a week has
 * a few dozen of each and thousands of meetings. Same answers as reading each afresh.
 */
class Readings {
  private readonly days = new Map<string, number | undefined>();
  private readonly times = new Map<string, number | undefined>();
  private readonly weekdays = new Map<string, string>();
  private readonly parsed = new Map<string, number>();
  private readonly zoned = new Map<number, number>();

  constructor(private readonly timeZone: string) {}

  day(date: string): number | undefined {
    if (!this.days.has(date)) this.days.set(date, dayNumber(date));
    return this.days.get(date);
  }

  /** The weekday of a date that `day` read. */
  weekday(date: string): string {
    let weekday = this.weekdays.get(date);
    if (weekday === undefined) this.weekdays.set(date, (weekday = weekdayOf(date)));
    return weekday;
  }

  time(text: string): number | undefined {
    if (!this.times.has(text)) this.times.set(text, parseLocalTime(text));
    return this.times.get(text);
  }

  /** Whether `iso` is the instant of `minutes` past midnight on `date` (day number `dateDay`) in the zone. */
  sameInstant(iso: unknown, date: string, dateDay: number, minutes: number): boolean {
    if (typeof iso !== 'string') return false;
    let parsed = this.parsed.get(iso);
    if (parsed === undefined) this.parsed.set(iso, (parsed = Date.parse(iso)));
    if (Number.isNaN(parsed)) return false;
    const key = dateDay * 2000 + minutes;
    let instant = this.zoned.get(key);
    if (instant === undefined) {
      try {
        const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
        const mm = String(minutes % 60).padStart(2, '0');
        instant = zonedInstant(date, `${hh}:${mm}`, this.timeZone).getTime();
      } catch {
        instant = Number.NaN;
      }
      this.zoned.set(key, instant);
    }
    return instant === parsed;
  }
}

interface Compiled {
  meetings: PlacedMeeting[];
  integrity: Violation[];
}

function compileMeetings(problem: CompiledProblem, schedule: unknown): Compiled {
  const reader = new MeetingReader(problem);
  const list = reader.list(schedule);
  if (list !== undefined) {
    list.forEach((raw: unknown, position) => {
      const meeting = reader.meeting(raw, position);
      if (meeting !== undefined) reader.meetings.push(meeting);
    });
  }
  return { meetings: reader.meetings, integrity: reader.integrity };
}

/** When a meeting is held, read from its fields. */
interface When {
  day: number;
  start: number;
  end: number;
}

/** Where a meeting is held, read from its fields. */
interface Place {
  track: number;
  room: number;
  telehealth: boolean;
}

/** Reads a schedule's meetings one by one, recording what does not hold as integrity breaches. */
class MeetingReader {
  readonly meetings: PlacedMeeting[] = [];
  readonly integrity: Violation[] = [];
  private readonly weekDay: number;
  private readonly seenIds = new Set<string>();
  private readonly read: Readings;

  constructor(private readonly problem: CompiledProblem) {
    this.weekDay = dayNumber(problem.weekStart) ?? 0;
    this.read = new Readings(problem.timeZone);
  }

  fail(message: string, id?: string): void {
    this.integrity.push(integrityViolation(message, id));
  }

  /** The schedule's list of meetings, after its zone and week are checked; undefined when it has none. */
  list(schedule: unknown): unknown[] | undefined {
    const problem = this.problem;
    if (!isRecord(schedule)) {
      this.fail('The schedule is not an object with meetings.');
      return undefined;
    }
    if (schedule['timeZone'] !== problem.timeZone) {
      this.fail(`The schedule is in time zone ${shown(schedule['timeZone'])} but the problem in ${problem.timeZone}.`);
    }
    if (schedule['weekStart'] !== problem.weekStart) {
      this.fail(`The schedule is for the week of ${shown(schedule['weekStart'])} but the problem for ${problem.weekStart}.`);
    }
    const list = schedule['meetings'];
    if (!Array.isArray(list)) {
      this.fail('The schedule has no list of meetings.');
      return undefined;
    }
    return list as unknown[];
  }

  /** Meeting number `position + 1`, or undefined when it is too broken to check. */
  meeting(raw: unknown, position: number): PlacedMeeting | undefined {
    const problem = this.problem;
    if (!isRecord(raw)) {
      this.fail(`Meeting number ${position + 1} is not a meeting; it was left out of the check.`);
      return undefined;
    }
    const id = typeof raw['id'] === 'string' && raw['id'] !== '' ? raw['id'] : `#${position + 1}`;
    if (id !== raw['id']) this.fail(`Meeting number ${position + 1} has no id.`, id);
    if (this.seenIds.has(id)) this.fail(`Meeting id ${id} is used by more than one meeting.`, id);
    this.seenIds.add(id);
    const service = typeof raw['service'] === 'string' ? problem.serviceIndex.get(raw['service']) : undefined;
    if (service === undefined) {
      this.fail(`Meeting ${id} holds unknown service ${shown(raw['service'])}; it was left out of the check.`, id);
      return undefined;
    }
    const when = this.when(raw, id);
    if (when === undefined) return undefined;
    const { track, room, telehealth } = this.place(raw, id);
    const staff = this.ids(raw['staff'], problem.staffIndex, 'staff member', id);
    const patients = this.ids(raw['patients'], problem.patientIndex, 'patient', id);
    const meeting: PlacedMeeting = {
      id,
      service,
      track,
      day: when.day,
      start: when.start,
      end: when.end,
      room,
      telehealth,
      staff,
      patients,
      pinned: raw['pinned'] === true,
    };
    if (raw['noShows'] !== undefined) {
      const noShows = this.ids(raw['noShows'], problem.patientIndex, 'no-show patient', id);
      for (const p of noShows) if (patients.includes(p)) this.fail(`Meeting ${id} lists patient ${problem.patients[p]!.id} both as attending and as a no-show.`, id);
      meeting.noShows = noShows.filter((p) => !patients.includes(p));
    }
    return meeting;
  }

  /** The day (-1 outside the week) and clock times; undefined when they cannot be read. */
  private when(raw: Record<string, unknown>, id: string): When | undefined {
    const read = this.read;
    const date = typeof raw['date'] === 'string' ? raw['date'] : '';
    const start = typeof raw['start'] === 'string' ? read.time(raw['start']) : undefined;
    const end = typeof raw['end'] === 'string' ? read.time(raw['end']) : undefined;
    const dateDay = read.day(date);
    if (start === undefined || end === undefined || dateDay === undefined) {
      this.fail(`Meeting ${id} has a malformed date or time (${shown(raw['date'])} ${shown(raw['start'])}-${shown(raw['end'])}); it was left out of the check.`, id);
      return undefined;
    }
    if (end <= start) {
      this.fail(`Meeting ${id} ends at ${shown(raw['end'])}, not after it starts at ${shown(raw['start'])}; it was left out of the check.`, id);
      return undefined;
    }
    let day = dateDay - this.weekDay;
    if (day < 0 || day > 6) day = -1;
    else if (read.weekday(date) !== raw['day']) this.fail(`Meeting ${id} says ${shown(raw['day'])} but ${date} is a ${read.weekday(date)}.`, id);
    if (!read.sameInstant(raw['startsAt'], date, dateDay, start) || !read.sameInstant(raw['endsAt'], date, dateDay, end)) {
      this.fail(`Meeting ${id} has startsAt/endsAt that do not match ${date} ${shown(raw['start'])}-${shown(raw['end'])} in ${this.problem.timeZone}.`, id);
    }
    return { day, start, end };
  }

  /** The track, room and mode, each checked against the others. */
  private place(raw: Record<string, unknown>, id: string): Place {
    const problem = this.problem;
    let track = -1;
    if (raw['track'] !== null && raw['track'] !== undefined) {
      const at = typeof raw['track'] === 'string' ? problem.trackIndex.get(raw['track']) : undefined;
      if (at === undefined) this.fail(`Meeting ${id} names unknown track ${shown(raw['track'])}.`, id);
      else track = at;
    }
    let room = -1;
    const roomId = raw['room'];
    if (roomId !== null && roomId !== undefined) {
      const at = typeof roomId === 'string' ? problem.roomIndex.get(roomId) : undefined;
      if (at === undefined) this.fail(`Meeting ${id} names unknown room ${shown(roomId)}.`, id);
      else room = at;
    }
    const mode = raw['mode'];
    if (mode !== 'telehealth' && mode !== 'in-person') this.fail(`Meeting ${id} has mode ${shown(mode)}; it must be in-person or telehealth.`, id);
    const telehealth = mode === 'telehealth';
    if (telehealth && roomId !== null && roomId !== undefined) this.fail(`Meeting ${id} is held by telehealth but names room ${shown(roomId)}.`, id);
    if (!telehealth && (roomId === null || roomId === undefined)) this.fail(`Meeting ${id} is in person but has no room.`, id);
    if (raw['pinned'] !== undefined && typeof raw['pinned'] !== 'boolean') this.fail(`Meeting ${id} has a pinned flag that is not true or false.`, id);
    return { track, room, telehealth };
  }

  /** The indexes of a list of ids of one kind, each known and listed once. */
  private ids(value: unknown, index: ReadonlyMap<string, number>, kind: string, id: string): number[] {
    const found: number[] = [];
    if (!Array.isArray(value)) {
      this.fail(`Meeting ${id} has no list of ${kind}s.`, id);
      return found;
    }
    for (const item of value as unknown[]) {
      const at = typeof item === 'string' ? index.get(item) : undefined;
      if (at === undefined) this.fail(`Meeting ${id} names unknown ${kind} ${shown(item)}.`, id);
      else if (found.includes(at)) this.fail(`Meeting ${id} lists ${kind} ${shown(item)} twice.`, id);
      else found.push(at);
    }
    return found;
  }
}

/**
 * The rule context of `schedule` (which may be malformed: it is read as untrusted data) with the
 * `schedule-integrity` breaches found while reading it. Never mutates `schedule`.
 */
export function scheduleContext(problem: CompiledProblem, schedule: Schedule, previous?: PreviousWeek): ScheduleContext {
  const { meetings, integrity } = compileMeetings(problem, schedule);
  return { problem, meetings, ...indexMeetings(problem, meetings), previous, integrity };
}

/**
 * A published timetable in the form the `stability` rule compares against. Malformed meetings
 * of it are ignored (they were never a session anyone could attend).
 */
export function previousWeekOf(problem: CompiledProblem, schedule: Schedule): PreviousWeek {
  return previousWeekFrom(problem, compileMeetings(problem, schedule).meetings);
}

/**
 * The published timetable as the `stability` rule compares against, from meetings already read
 * (the first of a repeated id counts; meetings outside the week are ignored).
 *
 * @example
 * ```ts
 * const previous = previousWeekFrom(compiled, readPublished(compiled, schedule).meetings);
 * ```
 */
export function previousWeekFrom(problem: CompiledProblem, meetings: readonly PlacedMeeting[]): PreviousWeek {
  const byId = new Map<string, PlacedMeeting>();
  const patientSessions = problem.patients.map(() => new Set<string>());
  for (const meeting of meetings) {
    if (byId.has(meeting.id) || meeting.day < 0) continue;
    byId.set(meeting.id, meeting);
    for (const patient of meeting.patients) patientSessions[patient]!.add(sessionKey(meeting));
  }
  return { meetings: byId, patientSessions };
}
