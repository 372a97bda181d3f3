/**
 * JSON Schema (draft 2020-12) of a `Problem`, shipped as `problem.schema.json` at the package root and exported
 * as `iop-scheduler/problem.schema.json` for apps in other languages and form builders.
 *
 * The schema is built here, from the same `LIMITS` the validator reads, so its bounds cannot drift
 * from `validateProblem`'s; `npm run schema` writes the file and a test fails when the file and
 * this source disagree. It is never stricter than `validateProblem`: what it cannot express (ids
 * that must exist and be unique, real IANA zones, RRULE syntax, Mondays, minimum below maximum,
 * template starts on the grid) it leaves to the validator, which stays the full check.
 *
 * @module
 */
import { PRIORITY_BOUND } from '../input/ledger.js';
import { LIMITS } from '../input/limits.js';
import { MINUTES_PER_DAY, SLOT_MINUTES } from '../time/week.js';
import { MAX_NOTES_MINUTES } from '../input/staff-work.js';

/** A JSON Schema, as plain JSON data. */
export type JsonSchema = { [key: string]: unknown };

/**
 * Where the shipped schemas say they live: identifiers (`$id`), not necessarily served URLs.
 *
 * @example
 * ```ts
 * const id = `${SCHEMA_BASE}problem.schema.json`;
 * ```
 */
export const SCHEMA_BASE = 'https://iop-scheduler.dev/schema/';

const HOURS_PER_WEEK = 168;
const HOURS_PER_DAY = 24;
const MAX_SESSIONS_PER_DAY = 288;

/** `schema` with `description` first, as form builders show it. */
export function described(description: string, schema: JsonSchema): JsonSchema {
  return { description, ...schema };
}

const ref = (name: string): JsonSchema => ({ $ref: `#/$defs/${name}` });
const refDescribed = (name: string, description: string): JsonSchema => described(description, ref(name));
const text = (description: string, maxLength: number = LIMITS.textLength): JsonSchema => described(description, { type: 'string', minLength: 1, maxLength });
const id = (description: string): JsonSchema => text(description, LIMITS.idLength);
const list = (description: string, items: JsonSchema, maxItems: number, minItems = 0): JsonSchema =>
  described(description, { type: 'array', items, ...(minItems > 0 ? { minItems } : {}), maxItems });
const textList = (description: string, minItems = 0): JsonSchema => list(description, ref('Text'), LIMITS.listItems, minItems);
const idList = (description: string): JsonSchema => list(description, ref('Id'), LIMITS.listItems);
const integer = (description: string, minimum: number, maximum: number, extra: JsonSchema = {}): JsonSchema => described(description, { type: 'integer', minimum, maximum, ...extra });
const number = (description: string, minimum: number, maximum: number): JsonSchema => described(description, { type: 'number', minimum, maximum });
const boolean = (description: string, extra: JsonSchema = {}): JsonSchema => described(description, { type: 'boolean', ...extra });
const object = (description: string, properties: Record<string, JsonSchema>, required: readonly string[] = [], extra: JsonSchema = {}): JsonSchema =>
  described(description, { type: 'object', properties, ...(required.length > 0 ? { required: [...required] } : {}), additionalProperties: false, ...extra });

/** Minutes of a duration: a positive multiple of the 5-minute slot, at most a day. */
const duration = (description: string): JsonSchema =>
  described(description, { type: 'number', exclusiveMinimum: 0, maximum: MINUTES_PER_DAY, multipleOf: SLOT_MINUTES });

/** Divisors of a day that are multiples of the 5-minute slot: the granularities `validateProblem` accepts. */
function granularities(): number[] {
  const values: number[] = [];
  for (let minutes = SLOT_MINUTES; minutes <= MINUTES_PER_DAY; minutes += SLOT_MINUTES) if (MINUTES_PER_DAY % minutes === 0) values.push(minutes);
  return values;
}

/** Shapes shared by the problem and the schedule schemas. */
export function sharedDefinitions(): Record<string, JsonSchema> {
  return {
    Id: id('An id, or a reference to one: opaque, chosen by the caller, never a patient name.'),
    Text: text('A non-empty string: a name, tag, credential or feature.'),
    Weekday: described('A weekday as RFC 5545 names it: MO is Monday, SU is Sunday.', { type: 'string', enum: ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] }),
    LocalDate: described("A calendar date 'YYYY-MM-DD', e.g. '2026-11-23'.", {
      type: 'string',
      format: 'date',
      pattern: '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$',
    }),
    StartTime: described("A wall-clock time 'HH:mm' on the 24-hour clock, 00:00 to 23:59, e.g. '18:30'.", {
      type: 'string',
      pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$',
    }),
    EndTime: described("A wall-clock end time 'HH:mm', 00:00 to 23:59, or '24:00' for midnight at the end of the day.", {
      type: 'string',
      pattern: '^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$',
    }),
    Meta: described(
      `The caller's own data (an EHR id, a billing code): any JSON object of at most ${LIMITS.metaLength} characters as JSON and ${LIMITS.metaDepth} levels. Never read, never logged, never printed in an export.`,
      { type: 'object' },
    ),
  };
}

/** Every definition of the problem schema, in the order the shipped file lists them. */
function problemDefinitions(): Record<string, JsonSchema> {
  return {
    ...sharedDefinitions(),
    ...availabilityDefinitions(),
    ...programmeRuleDefinitions(),
    ...trackDefinitions(),
    ...serviceDefinitions(),
    ...staffDefinitions(),
    ...roomDefinitions(),
    ...patientDefinitions(),
  };
}

/** When something is possible: availability windows, recurrences and exceptions. */
function availabilityDefinitions(): Record<string, JsonSchema> {
  return {
    Availability: object('When something is possible: the union of weekly windows and RRULE occurrences, minus exceptions. Absent means always available.', {
      weekly: list('Windows that repeat every week, on the given days, from start to end (wall clock).', ref('WeeklyWindow'), LIMITS.windows),
      rrule: list('RFC 5545 recurrences: a DTSTART line (floating local time, no Z, no TZID) and an RRULE line; each occurrence opens a window of durationMinutes minutes.', ref('Recurrence'), LIMITS.windows),
      except: list('Dates (or parts of dates, from start to end) taken out of the windows above.', ref('Exception'), LIMITS.windows),
    }),
    WeeklyWindow: object('A window that opens every week on the given days.', {
      days: list('The weekdays on which the window opens.', ref('Weekday'), LIMITS.listItems, 1),
      start: refDescribed('StartTime', 'Opening time (inclusive), wall clock.'),
      end: refDescribed('EndTime', "Closing time (exclusive), wall clock; '24:00' runs to midnight. Must be after start."),
    }, ['days', 'start', 'end']),
    Recurrence: object('An RFC 5545 recurrence and how long each occurrence stays open.', {
      rule: text('The DTSTART and RRULE lines, separated by a newline, e.g. "DTSTART:20261107T090000\\nRRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=SA". Floating local time; FREQ finer than DAILY is refused.', LIMITS.ruleLength),
      durationMinutes: duration('How long each occurrence stays open, in minutes: a positive multiple of 5, at most 1440.'),
    }, ['rule', 'durationMinutes']),
    Exception: object('A date, or part of one, taken out of an availability.', {
      date: refDescribed('LocalDate', 'The date taken out.'),
      start: refDescribed('StartTime', 'Start of the part taken out, wall clock. Absent: from midnight.'),
      end: refDescribed('EndTime', 'End of the part taken out, wall clock. Absent: to midnight. Must be after start.'),
    }, ['date']),
  };
}

/** The weekly intensity rules and session counts that program, tracks and patients set. */
function programmeRuleDefinitions(): Record<string, JsonSchema> {
  const sessionCount = object('Sessions of one service a week.', {
    service: refDescribed('Id', 'The service (id) counted.'),
    min: integer('Fewest sessions a week. Default 0.', 0, LIMITS.sessions),
    max: integer('Most sessions a week. Default no limit.', 0, LIMITS.sessions),
  }, ['service']);
  return {
    HoursRules: object('Weekly intensity rules; hours count only services with countsTowardHours. They resolve most specific first: patient, then track, then program, then the defaults.', {
      minWeeklyHours: number('Minimum hours of care a week. Default 9 (use 6 for adolescents, as ASAM 2.1 does).', 0, HOURS_PER_WEEK),
      maxWeeklyHours: number('Maximum hours of care a week. Default 19: 20 or more is partial hospitalization, not IOP (a warning).', 0, HOURS_PER_WEEK),
      minDays: integer('Minimum days attended in the week. Default 3.', 0, 7),
      maxDays: integer('Maximum days attended in the week. Default 5.', 0, 7),
      maxDailyHours: number('Maximum hours of care on one day. Default none: the track windows bound it.', 0, HOURS_PER_DAY),
      minDailyMinutes: integer('Per-diem threshold: every attended day must hold at least this many minutes of care (e.g. 180). Default none.', 0, MINUTES_PER_DAY),
      minDailyServices: integer('Per-diem threshold: every attended day must hold at least this many counting sessions (e.g. 3). Default none.', 0, MAX_SESSIONS_PER_DAY),
      partialWeek: described("A patient admitted or discharged mid-week: 'prorate' scales minWeeklyHours, minDays and the curriculum and requires session minimums by the share of the track's programme days the patient is enrolled on (days and sessions rounded up); 'full' keeps the whole week's minimums; 'exempt' drops them. Default 'prorate'.", {
        type: 'string',
        enum: ['prorate', 'full', 'exempt'],
        default: 'prorate',
      }),
    }),
    SessionCount: sessionCount,
  };
}

/** Tracks and their fixed agendas. */
function trackDefinitions(): Record<string, JsonSchema> {
  return {
    Track: object('A programme of groups that runs in its own windows: a day track, an evening track, a specialised one.', {
      id: refDescribed('Id', 'Unique among tracks.'),
      name: text("Display name, e.g. 'Evening IOP'."),
      windows: refDescribed('Availability', "When this track's group programme runs."),
      rules: refDescribed('HoursRules', "Overrides the program's rules for the patients of this track."),
      curriculum: list('How many sessions of each service a patient of this track receives a week (min default 0, max default none); a service listed at most once.', ref('SessionCount'), LIMITS.windows),
      template: list('An optional fixed agenda: these group sessions, at these times, every week.', ref('TemplateEntry'), LIMITS.windows),
      meta: ref('Meta'),
    }, ['id', 'windows']),
    TemplateEntry: object('A group session of a fixed agenda.', {
      service: refDescribed('Id', 'The group service (id) held.'),
      day: refDescribed('Weekday', 'The weekday it is held on.'),
      start: refDescribed('StartTime', "Its start time, wall clock, on the start grid; it lasts the service's durationMinutes."),
    }, ['service', 'day', 'start']),
  };
}

/** Services and the staff seats they need. */
function serviceDefinitions(): Record<string, JsonSchema> {
  return {
    Seat: object('A staff seat: filled by count members holding any of credentials and all of tags.', {
      credentials: textList("Credentials of which a member must hold at least one, e.g. ['LCSW', 'LMFT'].", 1),
      tags: textList("Tags a member must carry, all of them, e.g. ['lang:es']. Default none."),
      count: integer('How many members fill this seat. Default 1.', 1, LIMITS.sessions, { default: 1 }),
    }, ['credentials']),
    Service: object('A kind of session: a therapy group, individual therapy, medication management, family therapy.', {
      id: refDescribed('Id', 'Unique among services.'),
      name: text("Display name, e.g. 'DBT skills group'."),
      kind: described("'individual' sessions hold exactly one patient.", { type: 'string', enum: ['group', 'individual'] }),
      durationMinutes: duration('Length in minutes: a positive multiple of 5, at most 1440.'),
      minSize: integer('Groups: fewest participants for the group to be held. Default 2 (1 for individual sessions, which allow only 1).', 1, LIMITS.groupSize),
      maxSize: integer('Groups: most participants. Default 12 (1 for individual sessions, which allow only 1). Not below minSize.', 1, LIMITS.groupSize),
      staff: list("Staff seats, at least one, e.g. [{ credentials: ['LCSW', 'LMFT'] }, { credentials: ['RD'] }] for a co-facilitated group.", ref('Seat'), LIMITS.windows, 1),
      primaryOnly: boolean("Individual sessions only: only the patient's primaryStaff may lead it. Default false.", { default: false }),
      room: object("What the room must offer, e.g. { features: ['group-room'] }.", {
        features: textList('Features the room must offer, all of them. Default none: any room.'),
      }),
      telehealth: described("Whether the session may ('allowed') or must ('only') be held by telehealth, which needs no room. Default 'never'.", {
        type: 'string',
        enum: ['never', 'allowed', 'only'],
        default: 'never',
      }),
      withFamily: boolean("Must fall inside the patient's familyAvailability. Default false.", { default: false }),
      countsTowardHours: boolean('Whether its minutes count toward weekly and daily hours. Default true.', { default: true }),
      eligibility: object('Who may attend, by patient tags.', {
        requireTags: textList('Tags a patient must carry, all of them. Default none.'),
        excludeTags: textList('Tags a patient must not carry, any of them. Default none.'),
      }),
      homogeneousBy: textList("Tag prefixes every participant shares, e.g. ['age:'] keeps adolescents and adults apart."),
      trackBound: boolean("Held in a track's windows, for that track's patients. Default true for groups, false for individual sessions."),
      meta: ref('Meta'),
      notesMinutes: integer('Minutes each facilitator keeps after every session for its notes: they lead nothing else then; the room is free. A multiple of 5. Default 0.', 0, MAX_NOTES_MINUTES, { multipleOf: SLOT_MINUTES, default: 0 }),
    }, ['id', 'kind', 'durationMinutes', 'staff'], {
      if: { properties: { kind: { const: 'individual' } }, required: ['kind'] },
      then: { properties: { minSize: { const: 1 }, maxSize: { const: 1 } } },
    }),
  };
}

/** Staff members and their breaks. */
function staffDefinitions(): Record<string, JsonSchema> {
  return {
    Staff: object('A clinician, counsellor, nurse, technician or peer-support worker.', {
      id: refDescribed('Id', 'Unique among staff.'),
      name: text('Display name.'),
      credentials: textList("Credentials held, e.g. ['LCSW'], ['PMHNP'], ['CADC']."),
      tags: textList("Attributes a service seat may require, e.g. ['gender:female', 'lang:es']."),
      availability: refDescribed('Availability', 'When this member works. Absent: any time.'),
      maxWeeklyHours: number('Most hours of sessions led a week. Default none.', 0, HOURS_PER_WEEK),
      maxDailyHours: number('Most hours of sessions led a day. Default none.', 0, HOURS_PER_DAY),
      maxCaseload: integer('Most patients enrolled this week who name this member as primaryStaff (e.g. 24). Default none. A hard rule; validation warns when the assignments already exceed it.', 0, LIMITS.patients),
      preferences: object('Soft wishes about when to work and what to lead (rule staff-preferences).', {
        days: list('Days the member would rather work; when given, every other day worked costs a soft penalty. Default none.', ref('Weekday'), LIMITS.listItems),
        avoidDays: list('Days the member would rather not work; each one worked costs a soft penalty. Default none.', ref('Weekday'), LIMITS.listItems),
        avoid: refDescribed('Availability', 'Times the member would rather not lead sessions; each session touching them costs a soft penalty. Default none.'),
        services: idList('Services (ids) the member prefers to lead; when given, each session of another service costs a soft penalty. Default none.'),
      }),
      meta: ref('Meta'),
      breaks: list('Breaks: on every day the member works, a free stretch of the given minutes inside a window (no session, no notes time).', ref('StaffBreak'), LIMITS.windows),
      maxContinuousMinutes: duration('Longest run of work in minutes: a run goes on while the gap between the end of one session (its notes time included) and the next is under 15 minutes. Default none.'),
    }, ['id', 'credentials']),
    StaffBreak: object('A floating break: minutes free somewhere inside a window, on every day the member works.', {
      minutes: duration('Length of the break in minutes: a positive multiple of 5, no longer than its window.'),
      within: object('The window the break falls in (wall clock).', {
        start: refDescribed('StartTime', 'Earliest start of the break.'),
        end: refDescribed('EndTime', 'Latest end of the break; after start.'),
      }, ['start', 'end']),
      afterMinutes: integer('Owed only on days the member works more than this many minutes (sessions and notes time). Default: every working day.', 0, MINUTES_PER_DAY),
    }, ['minutes', 'within']),
  };
}

/** Rooms. */
function roomDefinitions(): Record<string, JsonSchema> {
  return {
    Room: object('A group room, an office, a family room.', {
      id: refDescribed('Id', 'Unique among rooms.'),
      name: text('Display name.'),
      capacity: integer('Seats for patients (0: a room for staff-only use).', 0, LIMITS.groupSize),
      features: textList("What it offers, e.g. ['group-room', 'whiteboard']."),
      availability: refDescribed('Availability', 'When it can be used. Absent: any time.'),
      meta: ref('Meta'),
    }, ['id', 'capacity']),
  };
}

/** Patients, their requirements, cadences and ledger. */
function patientDefinitions(): Record<string, JsonSchema> {
  return {
    Patient: object('A patient enrolled in the program. The id is opaque: never a name.', {
      id: refDescribed('Id', 'Unique among patients.'),
      tracks: idList('Tracks (ids) the patient may attend, preferred first.'),
      availability: refDescribed('Availability', 'Work, school, childcare: when the patient can come. Absent: any time.'),
      familyAvailability: refDescribed('Availability', "When the patient's family can join withFamily sessions. Absent: never."),
      tags: textList("Attributes, e.g. 'age:adolescent', 'gender:female', 'dx:eating-disorder'."),
      rules: refDescribed('HoursRules', "Overrides the track's and the program's rules for this patient."),
      requires: list("Sessions this patient needs this week beyond the curriculum, e.g. { service: 'individual', min: 1, max: 1 }; a service listed at most once.", ref('Requirement'), LIMITS.windows),
      primaryStaff: refDescribed('Id', "The patient's primary therapist (a staff id)."),
      avoid: idList('Patients (ids) who must never share a group with this one (family, co-workers).'),
      telehealth: boolean('Whether the patient can join sessions by telehealth. Default false.', { default: false }),
      admittedOn: refDescribed('LocalDate', 'First day the patient can be scheduled (inclusive).'),
      dischargedOn: refDescribed('LocalDate', 'First day the patient can no longer be scheduled (exclusive: discharged that day). Not before admittedOn.'),
      preferences: object('Soft wishes about which days to attend.', {
        days: list('Days the patient would rather attend; when given, every other attended day costs a soft penalty. Default none.', ref('Weekday'), LIMITS.listItems),
        avoidDays: list('Days the patient would rather not attend; each one attended costs a soft penalty. Default none.', ref('Weekday'), LIMITS.listItems),
      }),
      meta: ref('Meta'),
      history: list('The ledger: sessions the patient had (or missed) before weekStart. Cadence reads the last attended one per service.', ref('HistoryEntry'), LIMITS.historyEntries),
      priority: integer("Who is served first when the week is over-full (triage 'whole-patients'): higher first. Default 0.", -PRIORITY_BOUND, PRIORITY_BOUND, { default: 0 }),
      makeUpTracks: idList('Tracks (ids) where the patient may make up a missed session (replan only, at most the minutes missed); never used in a regular week, none of them in tracks. Default none.'),
    }, ['id', 'tracks']),
    Requirement: object('Sessions of one service a patient needs: a weekly count, or a cadence across weeks.', {
      service: refDescribed('Id', 'The service (id) counted.'),
      min: integer('Fewest sessions a week. Default 0. Not with cadence.', 0, LIMITS.sessions),
      max: integer('Most sessions a week. Default no limit. Not with cadence.', 0, LIMITS.sessions),
      cadence: refDescribed('Cadence', 'How often the service recurs across weeks; each week derives min and max from the history.'),
    }, ['service']),
    Cadence: object("Days between two attended sessions, e.g. every 2-4 weeks is { minDays: 14, maxDays: 28 }. Due by last + maxDays when that falls in the week; not allowed before last + minDays; optional between; due when there is no attended session in the history.", {
      minDays: integer('Fewest days from one attended session to the next. At most maxDays.', 1, LIMITS.cadenceDays),
      maxDays: integer('Most days from one attended session to the next.', 1, LIMITS.cadenceDays),
    }, ['minDays', 'maxDays']),
    HistoryEntry: object('One session of the ledger, before the week.', {
      service: refDescribed('Id', 'The service (id).'),
      date: refDescribed('LocalDate', 'The day it was held: before weekStart, except a no-show or cancellation, which may fall in the week itself.'),
      status: described("What happened. Default 'attended'. Only attended sessions reset a cadence.", { enum: ['attended', 'no-show', 'cancelled'], default: 'attended' }),
    }, ['service', 'date']),
  };
}

/**
 * The JSON Schema of a `Problem` (draft 2020-12), as shipped in `problem.schema.json`.
 *
 * @example
 * ```ts
 * writeFileSync('problem.schema.json', `${JSON.stringify(problemSchema(), null, 2)}\n`);
 * ```
 */
export function problemSchema(): JsonSchema {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `${SCHEMA_BASE}problem.schema.json`,
    title: 'iop-scheduler Problem',
    ...object(
      'One week of one Intensive Outpatient Program: everything solve needs. validateProblem remains the full check: this schema cannot tell whether ids are unique and references exist, whether timeZone is a real IANA zone, weekStart a Monday or an RRULE well formed.',
      {
        $schema: text('The JSON Schema this document follows, e.g. this schema\'s $id. Accepted and kept, never read.'),
        timeZone: text("IANA time zone of the clinic, e.g. 'America/Los_Angeles'."),
        weekStart: refDescribed('LocalDate', 'The Monday of the week to schedule.'),
        granularityMinutes: described('Spacing of start times in minutes: a multiple of 5 that divides a day. Default 15. Durations are any multiple of 5.', {
          type: 'integer',
          enum: granularities(),
          default: 15,
        }),
        closedDates: list('Holidays: nothing is scheduled on these dates.', ref('LocalDate'), LIMITS.listItems),
        rules: refDescribed('HoursRules', 'Program-wide defaults for weekly intensity.'),
        tracks: list('The program\'s tracks (day, evening, specialised).', ref('Track'), LIMITS.entities),
        services: list('Every kind of session the program offers.', ref('Service'), LIMITS.entities),
        staff: list('Everyone who may lead or co-lead sessions.', ref('Staff'), LIMITS.entities),
        rooms: list('Rooms sessions may be held in (telehealth sessions need none).', ref('Room'), LIMITS.entities),
        patients: list('The patients enrolled this week (or admitted or discharged during it).', ref('Patient'), LIMITS.patients),
        meta: ref('Meta'),
      },
      ['timeZone', 'weekStart', 'tracks', 'services', 'staff', 'rooms', 'patients'],
    ),
    $defs: problemDefinitions(),
  };
}
