/**
 * A realistic adult IOP for examples, documentation and solver tests: one week, built from
 * constants (no randomness), so every call returns the same problem.
 *
 * Capacity, checked by hand and by a constructed timetable in the tests:
 * - Day track (MO/WE/FR 09:00-12:00) holds 18 patients, evening track (TU/WE/TH 18:00-21:00) 22.
 *   Each track has 9 group hours a week; three group rooms seat 12 + 12 + 10 = 34, so a track
 *   offers 306 seat-hours against 162 (day) and 198 (evening) needed for 9 hours each.
 * - Two cohorts per track run side by side: 36 group hours a week, led by three licensed
 *   clinicians and the CADC counsellor in the morning, three licensed clinicians and the
 *   counsellor in the evening.
 * - 40 individual sessions (each with the patient's primary clinician, in an office or by
 *   telehealth) and 9 medication reviews of 30 minutes fit the clinicians' free hours.
 * - Humane work (`workRules`, default on): every group leaves its facilitator 10 minutes of
 *   notes, so nobody leads two groups back to back and a block of two cohorts' three
 *   back-to-back groups needs four facilitators (two at the first and last hour, two at the
 *   middle one); every clinician has a 30-minute meal break, at lunch (11:30-13:30) or, on the
 *   evening shift, before the evening block (16:30-18:00). The morning's fourth facilitator is a
 *   part-time LPC (s-08) who also sees the two parents free only until 13:00, after their last
 *   group: their primary must not lead the 11:00 group, whose notes run past noon.
 *
 * @module
 */
import type { Patient, Problem, Service, Staff, StaffBreak, Track } from '../model/problem.js';

/** Options of {@link sampleClinic}. */
export interface SampleClinicOptions {
  /**
   * `'base'` (default): a feasible week. `'overbooked'`: 16 more evening patients than the group
   * rooms seat, and one of them free only two evenings: an example of a week that cannot meet
   * every requirement, for the conflict report.
   */
  variant?: 'base' | 'overbooked';
  /**
   * Close Thanksgiving (Thursday 2026-11-26) and hold the Thursday evening block on Monday
   * evening instead, as many clinics do. The week then cannot be fully met: the three patients
   * free only Tuesday to Thursday evenings can get at most 8 hours, and the clinicians' free
   * evening hours no longer hold every individual session. An example of a holiday week's
   * report. Default false.
   */
  thanksgiving?: boolean;
  /**
   * Staff breaks and notes time (rules `staff-breaks`, `staff-notes-time`): 10 minutes of notes
   * after every group and a 30-minute meal break for every clinician. Default true; false gives
   * the same clinic without them (to measure what humane schedules cost).
   */
  workRules?: boolean;
}

const LICENSED = ['LCSW', 'LMFT', 'LPC', 'PsyD'];
const GROUP_ROOM = { features: ['group-room'] };
const OFFICE = { features: ['office'] };

function groupService(id: string, name: string, credentials: string[]): Service {
  return { id, name, kind: 'group', durationMinutes: 60, minSize: 3, maxSize: 12, staff: [{ credentials }], room: GROUP_ROOM };
}

const SERVICES: readonly Service[] = [
  groupService('process-group', 'Process group', LICENSED),
  groupService('skills-group', 'CBT/DBT skills group', LICENSED),
  // Substance-use psychoeducation and relapse prevention: a certified counsellor may lead it.
  groupService('psychoeducation', 'Psychoeducation and relapse prevention', [...LICENSED, 'CADC']),
  {
    id: 'individual-therapy',
    name: 'Individual therapy',
    kind: 'individual',
    durationMinutes: 60,
    staff: [{ credentials: LICENSED }],
    primaryOnly: true,
    room: OFFICE,
    telehealth: 'allowed',
  },
  {
    id: 'medication-management',
    name: 'Medication management',
    kind: 'individual',
    durationMinutes: 30,
    staff: [{ credentials: ['PMHNP', 'MD'] }],
    room: OFFICE,
    telehealth: 'allowed',
  },
];

const CURRICULUM: NonNullable<Track['curriculum']> = [
  { service: 'process-group', min: 3, max: 4 },
  { service: 'skills-group', min: 3, max: 4 },
  { service: 'psychoeducation', min: 3, max: 4 },
];

const STAFF: readonly Staff[] = [
  { id: 's-01', credentials: ['LCSW'], availability: { weekly: [{ days: ['MO', 'TU', 'WE', 'TH', 'FR'], start: '08:00', end: '17:00' }] }, maxWeeklyHours: 32, maxDailyHours: 8 },
  {
    id: 's-02',
    credentials: ['LMFT'],
    availability: { weekly: [{ days: ['MO', 'WE', 'FR'], start: '08:00', end: '16:00' }, { days: ['TU'], start: '08:00', end: '14:00' }] },
    maxWeeklyHours: 24,
  },
  { id: 's-03', credentials: ['PsyD'], availability: { weekly: [{ days: ['MO', 'TU', 'WE', 'TH'], start: '12:00', end: '21:00' }] }, maxWeeklyHours: 28 },
  { id: 's-04', credentials: ['LPC'], availability: { weekly: [{ days: ['TU', 'WE', 'TH', 'FR'], start: '12:00', end: '21:00' }] }, maxWeeklyHours: 24 },
  {
    id: 's-05',
    credentials: ['CADC'],
    availability: { weekly: [{ days: ['MO', 'WE', 'FR'], start: '08:00', end: '12:30' }, { days: ['TU', 'WE', 'TH'], start: '17:30', end: '21:00' }] },
    maxWeeklyHours: 20,
  },
  { id: 's-06', credentials: ['LCSW'], availability: { weekly: [{ days: ['MO', 'TU', 'WE', 'TH'], start: '12:00', end: '21:00' }] }, maxWeeklyHours: 20 },
  {
    id: 's-07',
    credentials: ['PMHNP'],
    availability: { weekly: [{ days: ['MO'], start: '12:00', end: '20:00' }, { days: ['FR'], start: '12:00', end: '16:00' }] },
    maxWeeklyHours: 12,
  },
  // Part-time: the morning's fourth group facilitator, and primary of the two parents free only until 13:00.
  { id: 's-08', credentials: ['LPC'], availability: { weekly: [{ days: ['MO', 'WE', 'FR'], start: '08:00', end: '14:00' }] }, maxWeeklyHours: 16 },
];

/** Notes time after every group, in minutes (rule `staff-notes-time`). */
const GROUP_NOTES_MINUTES = 10;
/** Meal breaks (rule `staff-breaks`): lunch for the day shift, dinner before the evening block for the evening shift. */
const LUNCH: StaffBreak = { minutes: 30, within: { start: '11:30', end: '13:30' } };
const DINNER: StaffBreak = { minutes: 30, within: { start: '16:30', end: '18:00' } };
const EVENING_SHIFT: ReadonlySet<string> = new Set(['s-03', 's-04', 's-06']);

const ROOMS: Problem['rooms'] = [
  { id: 'r-group-1', capacity: 12, features: ['group-room'] },
  { id: 'r-group-2', capacity: 12, features: ['group-room'] },
  { id: 'r-group-3', capacity: 10, features: ['group-room'] },
  { id: 'r-office-1', capacity: 2, features: ['office'] },
  { id: 'r-office-2', capacity: 2, features: ['office'] },
];

const WEEKDAYS_MO_FR = ['MO', 'TU', 'WE', 'TH', 'FR'] as const;

/** Availability patterns of the patients, by life situation. */
const PATTERNS = {
  /** Not working: any time. */
  open: undefined,
  /** Works nights: free weekday mornings and early afternoons. */
  nightShift: { weekly: [{ days: [...WEEKDAYS_MO_FR], start: '08:30', end: '14:00' }] },
  /** Classes in the afternoon. */
  student: { weekly: [{ days: [...WEEKDAYS_MO_FR], start: '08:00', end: '13:00' }] },
  /** Childcare: only the three programme mornings, and one hour after group. */
  narrowDay: { weekly: [{ days: ['MO', 'WE', 'FR'], start: '09:00', end: '13:00' }] },
  /** Works 8 to 4:30. */
  dayWorker: { weekly: [{ days: [...WEEKDAYS_MO_FR], start: '17:00', end: '21:00' }] },
  /** Works 8 to 4:30 and can take a telehealth call over lunch. */
  dayWorkerLunch: {
    weekly: [
      { days: [...WEEKDAYS_MO_FR], start: '12:00', end: '13:00' },
      { days: [...WEEKDAYS_MO_FR], start: '17:00', end: '21:00' },
    ],
  },
  /** Works late shifts and has evening childcare only on programme nights. */
  narrowEvening: { weekly: [{ days: ['TU', 'WE', 'TH'], start: '17:00', end: '21:00' }] },
} as const satisfies Record<string, Patient['availability']>;

type PatternName = keyof typeof PATTERNS;

interface PatientSpec {
  pattern: PatternName;
  primary: string;
  telehealth?: boolean;
  psychiatry?: boolean;
}

// Day track: unemployed, night-shift workers, students, two parents with narrow mornings.
const DAY_PATIENTS: readonly PatientSpec[] = [
  { pattern: 'open', primary: 's-01' },
  { pattern: 'nightShift', primary: 's-02', psychiatry: true },
  { pattern: 'student', primary: 's-01', telehealth: true },
  { pattern: 'open', primary: 's-02' },
  { pattern: 'narrowDay', primary: 's-08' },
  { pattern: 'nightShift', primary: 's-02', telehealth: true, psychiatry: true },
  { pattern: 'student', primary: 's-01' },
  { pattern: 'open', primary: 's-02' },
  { pattern: 'nightShift', primary: 's-01' },
  { pattern: 'open', primary: 's-02', psychiatry: true },
  { pattern: 'student', primary: 's-01', telehealth: true },
  { pattern: 'narrowDay', primary: 's-08', telehealth: true },
  { pattern: 'open', primary: 's-01' },
  { pattern: 'nightShift', primary: 's-02', psychiatry: true },
  { pattern: 'open', primary: 's-01' },
  { pattern: 'student', primary: 's-02' },
  { pattern: 'nightShift', primary: 's-01' },
  { pattern: 'open', primary: 's-02' },
];

// Evening track: day workers, some on telehealth over lunch, three with narrow evenings.
const EVENING_PATIENTS: readonly PatientSpec[] = [
  { pattern: 'dayWorker', primary: 's-03' },
  { pattern: 'dayWorker', primary: 's-04', telehealth: true, psychiatry: true },
  { pattern: 'narrowEvening', primary: 's-06' },
  { pattern: 'dayWorkerLunch', primary: 's-03', telehealth: true },
  { pattern: 'dayWorker', primary: 's-04' },
  { pattern: 'dayWorker', primary: 's-06', psychiatry: true },
  { pattern: 'narrowEvening', primary: 's-03' },
  { pattern: 'dayWorker', primary: 's-04' },
  { pattern: 'dayWorkerLunch', primary: 's-06', telehealth: true },
  { pattern: 'dayWorker', primary: 's-03', telehealth: true, psychiatry: true },
  { pattern: 'dayWorker', primary: 's-04' },
  { pattern: 'narrowEvening', primary: 's-04', telehealth: true },
  { pattern: 'dayWorker', primary: 's-06' },
  { pattern: 'dayWorkerLunch', primary: 's-03', telehealth: true },
  { pattern: 'dayWorker', primary: 's-04', psychiatry: true },
  { pattern: 'dayWorker', primary: 's-06' },
  { pattern: 'dayWorker', primary: 's-03' },
  { pattern: 'dayWorkerLunch', primary: 's-04', telehealth: true },
  { pattern: 'dayWorker', primary: 's-06', telehealth: true },
  { pattern: 'dayWorker', primary: 's-03' },
  { pattern: 'dayWorker', primary: 's-06', telehealth: true, psychiatry: true },
  { pattern: 'dayWorker', primary: 's-04' },
];

// Overbooked variant: 16 more evening patients (38 in all: 342 seat-hours against 306), the
// last of them free only Tuesday and Thursday evenings.
const EXTRA_EVENING_PATIENTS: readonly PatientSpec[] = Array.from({ length: 16 }, (_, i) => ({
  pattern: 'dayWorker' as const,
  primary: ['s-03', 's-04', 's-06'][i % 3]!,
  telehealth: i % 2 === 0,
}));

function patientId(n: number): string {
  return `p-${String(n).padStart(2, '0')}`;
}

function makePatient(id: string, track: string, spec: PatientSpec): Patient {
  const availability = PATTERNS[spec.pattern];
  const requires: NonNullable<Patient['requires']> = [{ service: 'individual-therapy', min: 1, max: 1 }];
  if (spec.psychiatry) requires.push({ service: 'medication-management', min: 1, max: 1 });
  return {
    id,
    tracks: [track],
    ...(availability ? { availability: structuredClone(availability) as Patient['availability'] & object } : {}),
    tags: ['age:adult'],
    requires,
    primaryStaff: spec.primary,
    ...(spec.telehealth ? { telehealth: true } : {}),
  };
}

/**
 * A realistic adult IOP week in `America/Los_Angeles`, the week of Monday 2026-11-23: 40 adults,
 * a day track (MO/WE/FR 09:00-12:00) and an evening track (TU/WE/TH 18:00-21:00), three
 * 60-minute groups a block with a curriculum of process, CBT/DBT skills and psychoeducation
 * groups (3 of each: 9 group hours), weekly individual therapy with the primary clinician
 * (office or telehealth), medication management by the psychiatric NP for 9 patients this week,
 * seven clinicians (LCSW, LMFT, PsyD, LPC, CADC), part-timers with weekly limits, 10 minutes of
 * notes after every group and a 30-minute meal break for every clinician (`workRules`), three
 * group rooms and two offices. The base week can be fully met. Every call returns a fresh copy.
 *
 * @example
 * ```ts
 * import { sampleClinic, solve } from 'iop-scheduler';
 * const { schedule, report } = solve(sampleClinic(), { seed: 1 });
 * console.log(report.allMet, schedule.meetings.length);
 * const crowded = sampleClinic({ variant: 'overbooked' });   // for the conflict report
 * ```
 */
export function sampleClinic(options: SampleClinicOptions = {}): Problem {
  const thanksgiving = options.thanksgiving ?? false;
  const workRules = options.workRules ?? true;
  const evening: Track = {
    id: 'evening',
    name: 'Evening IOP',
    windows: {
      weekly: [
        { days: ['TU', 'WE', 'TH'], start: '18:00', end: '21:00' },
        ...(thanksgiving ? [{ days: ['MO' as const], start: '18:00', end: '21:00' }] : []),
      ],
    },
    curriculum: structuredClone(CURRICULUM),
  };
  const day: Track = {
    id: 'day',
    name: 'Day IOP',
    windows: { weekly: [{ days: ['MO', 'WE', 'FR'], start: '09:00', end: '12:00' }] },
    curriculum: structuredClone(CURRICULUM),
  };
  const patients: Patient[] = [];
  for (const spec of DAY_PATIENTS) patients.push(makePatient(patientId(patients.length + 1), 'day', spec));
  for (const spec of EVENING_PATIENTS) patients.push(makePatient(patientId(patients.length + 1), 'evening', spec));
  if (options.variant === 'overbooked') {
    for (const spec of EXTRA_EVENING_PATIENTS) patients.push(makePatient(patientId(patients.length + 1), 'evening', spec));
    patients[patients.length - 1]!.availability = { weekly: [{ days: ['TU', 'TH'], start: '17:00', end: '21:00' }] };
  }
  return {
    timeZone: 'America/Los_Angeles',
    weekStart: '2026-11-23',
    granularityMinutes: 15,
    ...(thanksgiving ? { closedDates: ['2026-11-26'] } : {}),
    tracks: [day, evening],
    services: structuredClone([...SERVICES]).map((service) =>
      workRules && service.kind === 'group' ? { ...service, notesMinutes: GROUP_NOTES_MINUTES } : service,
    ),
    staff: structuredClone([...STAFF]).map((member) =>
      workRules ? { ...member, breaks: [structuredClone(EVENING_SHIFT.has(member.id) ? DINNER : LUNCH)] } : member,
    ),
    rooms: structuredClone(ROOMS),
    patients,
  };
}
