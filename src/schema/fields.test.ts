/**
 * The model, the schema and the validator name the same fields. Each list below must name every
 * field of its model type and no other (TypeScript checks it), so a field added to the model
 * fails to compile here until it is listed; the tests then ask the schema to define it and the
 * validator to know it.
 */
import { describe, expect, it } from 'vitest';
import { validateProblem } from '../input/validate.js';
import type { Availability, Cadence, HistoryEntry, HoursRules, Patient, Problem, Room, Service, Staff, StaffBreak, Track } from '../model/problem.js';
import type { Meeting, Schedule } from '../model/schedule.js';
import type { Loose } from '../../test/input/support.js';
import { tinyProblem } from '../../test/support/tiny.js';
import { problemSchema } from './problem-schema.js';
import { scheduleSchema } from './schedule-schema.js';

type Fields<T> = Record<keyof T, true>;
type Item<T> = NonNullable<T> extends ReadonlyArray<infer U> ? U : never;

const PROBLEM = {
  $schema: true, timeZone: true, weekStart: true, granularityMinutes: true, closedDates: true, rules: true,
  tracks: true, services: true, staff: true, rooms: true, patients: true, meta: true,
} satisfies Fields<Problem>;
const HOURS_RULES = {
  minWeeklyHours: true, maxWeeklyHours: true, minDays: true, maxDays: true, maxDailyHours: true, minDailyMinutes: true, minDailyServices: true,
  partialWeek: true,
} satisfies Fields<HoursRules>;
const AVAILABILITY = { weekly: true, rrule: true, except: true } satisfies Fields<Availability>;
const WEEKLY_WINDOW = { days: true, start: true, end: true } satisfies Fields<Item<Availability['weekly']>>;
const RECURRENCE = { rule: true, durationMinutes: true } satisfies Fields<Item<Availability['rrule']>>;
const EXCEPTION = { date: true, start: true, end: true } satisfies Fields<Item<Availability['except']>>;
const TRACK = { id: true, name: true, windows: true, rules: true, curriculum: true, template: true, meta: true } satisfies Fields<Track>;
const SESSION_COUNT = { service: true, min: true, max: true } satisfies Fields<Item<Track['curriculum']>>;
const TEMPLATE_ENTRY = { service: true, day: true, start: true } satisfies Fields<Item<Track['template']>>;
const SERVICE = {
  id: true, name: true, kind: true, durationMinutes: true, minSize: true, maxSize: true, staff: true, primaryOnly: true, room: true,
  telehealth: true, withFamily: true, countsTowardHours: true, eligibility: true, homogeneousBy: true, trackBound: true, meta: true,
  notesMinutes: true,
} satisfies Fields<Service>;
const SEAT = { credentials: true, tags: true, count: true } satisfies Fields<Item<Service['staff']>>;
const STAFF = {
  id: true, name: true, credentials: true, tags: true, availability: true, maxWeeklyHours: true, maxDailyHours: true, meta: true,
  maxCaseload: true, preferences: true,
  breaks: true, maxContinuousMinutes: true,
} satisfies Fields<Staff>;
const STAFF_PREFERENCES = { days: true, avoidDays: true, avoid: true, services: true } satisfies Fields<NonNullable<Staff['preferences']>>;
const STAFF_BREAK = { minutes: true, within: true, afterMinutes: true } satisfies Fields<StaffBreak>;
const ROOM = { id: true, name: true, capacity: true, features: true, availability: true, meta: true } satisfies Fields<Room>;
const PATIENT = {
  id: true, tracks: true, availability: true, familyAvailability: true, tags: true, rules: true, requires: true, primaryStaff: true,
  avoid: true, telehealth: true, admittedOn: true, dischargedOn: true, preferences: true, meta: true,
  history: true, priority: true,
  makeUpTracks: true,
} satisfies Fields<Patient>;
const REQUIREMENT = { service: true, min: true, max: true, cadence: true } satisfies Fields<Item<Patient['requires']>>;
const CADENCE = { minDays: true, maxDays: true } satisfies Fields<Cadence>;
const HISTORY_ENTRY = { service: true, date: true, status: true } satisfies Fields<HistoryEntry>;
const SCHEDULE = { timeZone: true, weekStart: true, meetings: true } satisfies Fields<Schedule>;
const MEETING = {
  id: true, service: true, track: true, date: true, day: true, start: true, end: true, startsAt: true, endsAt: true,
  room: true, mode: true, staff: true, patients: true, noShows: true, revision: true, pinned: true, meta: true,
} satisfies Fields<Meeting>;

/** The properties a schema object defines. */
function propertiesOf(schema: unknown): string[] {
  return Object.keys((schema as { properties: object }).properties).sort();
}

const problemDefs = problemSchema()['$defs'] as Record<string, unknown>;
const scheduleDefs = scheduleSchema()['$defs'] as Record<string, unknown>;

describe('the schema defines exactly the fields of the model', () => {
  it.each([
    ['Problem', problemSchema(), PROBLEM],
    ['HoursRules', problemDefs['HoursRules'], HOURS_RULES],
    ['Availability', problemDefs['Availability'], AVAILABILITY],
    ['WeeklyWindow', problemDefs['WeeklyWindow'], WEEKLY_WINDOW],
    ['Recurrence', problemDefs['Recurrence'], RECURRENCE],
    ['Exception', problemDefs['Exception'], EXCEPTION],
    ['Track', problemDefs['Track'], TRACK],
    ['SessionCount', problemDefs['SessionCount'], SESSION_COUNT],
    ['TemplateEntry', problemDefs['TemplateEntry'], TEMPLATE_ENTRY],
    ['Service', problemDefs['Service'], SERVICE],
    ['Seat', problemDefs['Seat'], SEAT],
    ['Staff', problemDefs['Staff'], STAFF],
    ['StaffBreak', problemDefs['StaffBreak'], STAFF_BREAK],
    ['Room', problemDefs['Room'], ROOM],
    ['Staff.preferences', (problemDefs['Staff'] as { properties: Record<string, unknown> }).properties['preferences'], STAFF_PREFERENCES],
    ['Patient', problemDefs['Patient'], PATIENT],
    ['Requirement', problemDefs['Requirement'], REQUIREMENT],
    ['Cadence', problemDefs['Cadence'], CADENCE],
    ['HistoryEntry', problemDefs['HistoryEntry'], HISTORY_ENTRY],
    ['Schedule', scheduleSchema(), SCHEDULE],
  ] as const)('%s', (_, schema, fields) => {
    expect(propertiesOf(schema)).toEqual(Object.keys(fields).sort());
  });

  it('Meeting', () => {
    expect(propertiesOf(scheduleDefs['Meeting'])).toEqual(Object.keys(MEETING).sort());
  });
});

describe('the validator knows every field of the model', () => {
  // A field the validator does not know is reported `unknown-property`; a known one set to a
  // symbol is reported for its type instead.
  const cases: Array<[string, (problem: Loose) => Loose, Record<string, true>]> = [
    ['problem', (p) => p, PROBLEM],
    ['rules', (p) => (p.rules = {}), HOURS_RULES],
    ['availability', (p) => (p.staff[0].availability = {}), AVAILABILITY],
    ['weekly window', (p) => p.tracks[0].windows.weekly[0], WEEKLY_WINDOW],
    ['recurrence', (p) => ((p.staff[0].availability = { rrule: [{}] }), p.staff[0].availability.rrule[0]), RECURRENCE],
    ['exception', (p) => ((p.staff[0].availability = { except: [{}] }), p.staff[0].availability.except[0]), EXCEPTION],
    ['track', (p) => p.tracks[0], TRACK],
    ['curriculum entry', (p) => ((p.tracks[0].curriculum = [{}]), p.tracks[0].curriculum[0]), SESSION_COUNT],
    ['requires entry', (p) => ((p.patients[0].requires = [{}]), p.patients[0].requires[0]), REQUIREMENT],
    ['cadence', (p) => ((p.patients[0].requires = [{ service: p.services[0].id, cadence: {} }]), p.patients[0].requires[0].cadence), CADENCE],
    ['history entry', (p) => ((p.patients[0].history = [{}]), p.patients[0].history[0]), HISTORY_ENTRY],
    ['template entry', (p) => ((p.tracks[0].template = [{}]), p.tracks[0].template[0]), TEMPLATE_ENTRY],
    ['service', (p) => p.services[0], SERVICE],
    ['seat', (p) => p.services[0].staff[0], SEAT],
    ['staff', (p) => p.staff[0], STAFF],
    ['staff break', (p) => ((p.staff[0].breaks = [{}]), p.staff[0].breaks[0]), STAFF_BREAK],
    ['room', (p) => p.rooms[0], ROOM],
    ['staff preferences', (p) => ((p.staff[0].preferences = {}), p.staff[0].preferences), STAFF_PREFERENCES],
    ['patient', (p) => p.patients[0], PATIENT],
  ];
  it.each(cases)('%s', (_, objectOf, fields) => {
    const problem: Loose = tinyProblem();
    const target = objectOf(problem);
    for (const key of [...Object.keys(fields), 'notAField']) target[key] = Symbol(key);
    const result = validateProblem(problem);
    const unknown = result.ok ? [] : result.issues.filter((i) => i.code === 'unknown-property').map((i) => i.path.split(/[.[]/).pop());
    expect(unknown).toEqual(['notAField']);
  });
});
