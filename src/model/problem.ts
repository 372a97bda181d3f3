/**
 * The problem: what a clinic knows before the week is built. Plain JSON-serialisable data.
 *
 * Every id is an opaque string chosen by the caller and never a patient's name: ids carry
 * no protected health information. Every clock time is wall-clock time in
 * {@link Problem.timeZone}; weekdays use the RFC 5545 two-letter names.
 *
 * @module
 */

/** A weekday as RFC 5545 names it: `'MO'` is Monday, `'SU'` is Sunday. */
export type Weekday = 'MO' | 'TU' | 'WE' | 'TH' | 'FR' | 'SA' | 'SU';

/** A wall-clock time, `'HH:mm'` on the 24-hour clock, e.g. `'18:30'`. `'24:00'` is allowed as an end. */
export type LocalTime = string;

/** A calendar date, `'YYYY-MM-DD'`, e.g. `'2026-11-23'`. */
export type LocalDate = string;

/**
 * When something is possible: the union of weekly windows and RRULE occurrences, minus exceptions.
 * Absent means always available.
 *
 * @example
 * ```ts
 * // Free Tuesday and Thursday evenings, and every other Saturday morning, but not on 2026-11-26.
 * const availability: Availability = {
 *   weekly: [{ days: ['TU', 'TH'], start: '17:30', end: '21:30' }],
 *   rrule: [{ rule: 'DTSTART:20261107T090000\nRRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=SA', durationMinutes: 180 }],
 *   except: [{ date: '2026-11-26' }],
 * };
 * ```
 */
export interface Availability {
  /** Windows that repeat every week, on the given days, from `start` to `end` (wall clock). */
  weekly?: Array<{
    /** The weekdays on which the window opens. */
    days: Weekday[];
    /** Opening time (inclusive), wall clock. */
    start: LocalTime;
    /** Closing time (exclusive), wall clock; `'24:00'` runs to midnight. Must be after `start`. */
    end: LocalTime;
  }>;
  /**
   * RFC 5545 recurrences: a `DTSTART` line (floating local time, no `Z`, no `TZID`) and an `RRULE`
   * line; each occurrence opens a window of `durationMinutes` minutes.
   */
  rrule?: Array<{
    /** The `DTSTART` and `RRULE` lines, separated by a newline. */
    rule: string;
    /** How long each occurrence stays open, in minutes (positive). */
    durationMinutes: number;
  }>;
  /** Dates (or parts of dates, from `start` to `end`) taken out of the windows above. */
  except?: Array<{
    /** The date taken out. */
    date: LocalDate;
    /** Start of the part taken out, wall clock. Absent: from midnight. */
    start?: LocalTime;
    /** End of the part taken out, wall clock. Absent: to midnight. */
    end?: LocalTime;
  }>;
}

/**
 * Weekly intensity rules. Hours count only services with `countsTowardHours`.
 * They resolve most specific first: patient, then track, then program, then the defaults below.
 */
export interface HoursRules {
  /** Minimum hours of care a week. Default 9 (use 6 for adolescents, as ASAM 2.1 does). */
  minWeeklyHours?: number;
  /** Maximum hours of care a week. Default 19: 20 or more is partial hospitalization, not IOP. */
  maxWeeklyHours?: number;
  /** Minimum days attended in the week. Default 3. */
  minDays?: number;
  /** Maximum days attended in the week. Default 5. */
  maxDays?: number;
  /** Maximum hours of care on one day. Default none: the track windows bound it. */
  maxDailyHours?: number;
  /** Per-diem threshold: every attended day must hold at least this many minutes of care (e.g. 180). Default none. */
  minDailyMinutes?: number;
  /** Per-diem threshold: every attended day must hold at least this many counting sessions (e.g. 3). Default none. */
  minDailyServices?: number;
  /**
   * A patient admitted or discharged mid-week (a partial week): `'prorate'` (the default) scales
   * `minWeeklyHours` and `minDays`, and the curriculum and `requires` session minimums, by the share
   * of the track's programme days the patient is enrolled on (days and sessions rounded up);
   * `'full'` keeps the whole week's minimums; `'exempt'` drops them for that week.
   */
  partialWeek?: 'prorate' | 'full' | 'exempt';
}

/** A programme of groups that runs in its own windows: a day track, an evening track, a specialised one. */
export interface Track {
  /** Unique among tracks. */
  id: string;
  /** Display name, e.g. `'Evening IOP'`. */
  name?: string;
  /** When this track's group programme runs. */
  windows: Availability;
  /** Overrides the program's rules for the patients of this track. */
  rules?: HoursRules;
  /** How many sessions of each service a patient of this track receives a week (`min` default 0, `max` default none). */
  curriculum?: Array<{
    /** The service (id) counted. */
    service: string;
    /** Fewest sessions a week each patient of the track must attend. Default 0. */
    min?: number;
    /** Most sessions a week each patient of the track may attend. Default no limit. */
    max?: number;
  }>;
  /** An optional fixed agenda: these group sessions, at these times, every week. */
  template?: Array<{
    /** The group service (id) held. */
    service: string;
    /** The weekday it is held on. */
    day: Weekday;
    /** Its start time, wall clock, on the start grid; it lasts the service's `durationMinutes`. */
    start: LocalTime;
  }>;
  /**
   * The caller's own data (an EHR id, a billing code): any JSON object. The library never reads it,
   * never logs it and never prints it in an export; `validateProblem` checks it is JSON and
   * bounded (`LIMITS.metaLength` characters, `LIMITS.metaDepth` levels) and copies it.
   */
  meta?: Record<string, unknown>;
}

/** A kind of session: a therapy group, individual therapy, medication management, family therapy. */
export interface Service {
  /** Unique among services. */
  id: string;
  /** Display name, e.g. `'DBT skills group'`. */
  name?: string;
  /** `'individual'` sessions hold exactly one patient. */
  kind: 'group' | 'individual';
  /** Length in minutes; a positive multiple of 5. */
  durationMinutes: number;
  /** Groups: fewest participants for the group to be held. Default 2. */
  minSize?: number;
  /** Groups: most participants. Default 12. */
  maxSize?: number;
  /**
   * Staff seats. Each seat is filled by `count` (default 1) members holding any of `credentials`
   * and all of `tags`, e.g. `[{ credentials: ['LCSW', 'LMFT'] }, { credentials: ['RD'] }]` for a
   * co-facilitated eating-disorder group.
   */
  staff: Array<{
    /** Credentials of which a member must hold at least one, e.g. `['LCSW', 'LMFT']`. */
    credentials: string[];
    /** Tags a member must carry, all of them, e.g. `['lang:es']`. Default none. */
    tags?: string[];
    /** How many members fill this seat. Default 1. */
    count?: number;
  }>;
  /** Individual sessions only: only the patient's `primaryStaff` may lead it. Default false. */
  primaryOnly?: boolean;
  /** What the room must offer, e.g. `{ features: ['group-room'] }`. */
  room?: {
    /** Features the room must offer, all of them. Default none: any room. */
    features?: string[];
  };
  /** Whether the session may (or must) be held by telehealth, which needs no room. Default `'never'`. */
  telehealth?: 'never' | 'allowed' | 'only';
  /** Must fall inside the patient's `familyAvailability`. Default false. */
  withFamily?: boolean;
  /** Whether its minutes count toward weekly and daily hours. Default true. */
  countsTowardHours?: boolean;
  /** Who may attend, by patient tags. */
  eligibility?: {
    /** Tags a patient must carry, all of them. Default none. */
    requireTags?: string[];
    /** Tags a patient must not carry, any of them. Default none. */
    excludeTags?: string[];
  };
  /** Tag prefixes every participant shares, e.g. `['age:']` keeps adolescents and adults apart. */
  homogeneousBy?: string[];
  /** Held in a track's windows, for that track's patients. Default true for groups, false for individual sessions. */
  trackBound?: boolean;
  /**
   * The caller's own data (an EHR id, a billing code): any JSON object. The library never reads it,
   * never logs it and never prints it in an export; `validateProblem` checks it is JSON and
   * bounded (`LIMITS.metaLength` characters, `LIMITS.metaDepth` levels) and copies it.
   */
  meta?: Record<string, unknown>;
  /**
   * Minutes each facilitator keeps after every session for its notes (hard, rule
   * `staff-notes-time`): they lead nothing else then; the room is free. Default 0, at most 120.
   */
  notesMinutes?: number;
}

/** A clinician, counsellor, nurse, technician or peer-support worker. */
export interface Staff {
  /** Unique among staff. */
  id: string;
  /** Display name. */
  name?: string;
  /** Credentials held, e.g. `['LCSW']`, `['PMHNP']`, `['CADC']`. */
  credentials: string[];
  /** Attributes a service seat may require, e.g. `['gender:female', 'lang:es']`. */
  tags?: string[];
  /** When this member works. Absent: any time. */
  availability?: Availability;
  /** Most hours of sessions led a week. Default none. */
  maxWeeklyHours?: number;
  /** Most hours of sessions led a day. Default none. */
  maxDailyHours?: number;
  /**
   * Most patients enrolled this week who name this member as `primaryStaff` (a licensing ratio,
   * e.g. 24). Default none. A hard rule (`staff-caseload`); `validateProblem` warns when the
   * primary assignments already exceed it.
   */
  maxCaseload?: number;
  /** Soft wishes about when to work and what to lead (rule `staff-preferences`). */
  preferences?: {
    /** Days the member would rather work; when given, every other day worked costs a soft penalty. Default none. */
    days?: Weekday[];
    /** Days the member would rather not work; each one worked costs a soft penalty. Default none. */
    avoidDays?: Weekday[];
    /** Times the member would rather not lead sessions (e.g. Friday afternoons); each session touching them costs a soft penalty. Default none. */
    avoid?: Availability;
    /** Services (ids) the member prefers to lead; when given, each session of another service costs a soft penalty. Default none. */
    services?: string[];
  };
  /**
   * The caller's own data (an EHR id, a billing code): any JSON object. The library never reads it,
   * never logs it and never prints it in an export; `validateProblem` checks it is JSON and
   * bounded (`LIMITS.metaLength` characters, `LIMITS.metaDepth` levels) and copies it.
   */
  meta?: Record<string, unknown>;
  /**
   * Breaks (hard, rule `staff-breaks`): on every day the member works, a free stretch of
   * `minutes` inside the `within` window, wherever it falls (no session and no notes time in it).
   * With `afterMinutes`, owed only on days they work more than that (sessions plus notes time),
   * e.g. a 30-minute meal break after 5 hours: `{ minutes: 30, within: { start: '11:00', end: '14:00' }, afterMinutes: 300 }`.
   */
  breaks?: StaffBreak[];
  /**
   * Longest run of work in minutes (hard, rule `staff-continuous-work`): a run goes on while the
   * gap between the end of one session (its notes time included) and the start of the next is
   * under 15 minutes. Default none.
   */
  maxContinuousMinutes?: number;
}

/** A floating break of {@link Staff.breaks}. */
export interface StaffBreak {
  /** Length of the break, in minutes (a multiple of 5). */
  minutes: number;
  /** The window the break falls in, wall clock on each working day. */
  within: { start: LocalTime; end: LocalTime };
  /** Owed only on days the member works more than this many minutes. Default: every working day. */
  afterMinutes?: number;
}

/** A group room, an office, a family room. */
export interface Room {
  /** Unique among rooms. */
  id: string;
  /** Display name. */
  name?: string;
  /** Seats for patients. */
  capacity: number;
  /** What it offers, e.g. `['group-room', 'whiteboard']`. */
  features?: string[];
  /** When it can be used. Absent: any time. */
  availability?: Availability;
  /**
   * The caller's own data (an EHR id, a billing code): any JSON object. The library never reads it,
   * never logs it and never prints it in an export; `validateProblem` checks it is JSON and
   * bounded (`LIMITS.metaLength` characters, `LIMITS.metaDepth` levels) and copies it.
   */
  meta?: Record<string, unknown>;
}

/** A patient enrolled in the program. The id is opaque: never a name. */
export interface Patient {
  /** Unique among patients. */
  id: string;
  /** Tracks the patient may attend, preferred first. */
  tracks: string[];
  /** Work, school, childcare: when the patient can come. Absent: any time. */
  availability?: Availability;
  /** When the patient's family can join `withFamily` sessions. Absent: never. */
  familyAvailability?: Availability;
  /** Attributes, e.g. `'age:adolescent'`, `'gender:female'`, `'dx:eating-disorder'`. */
  tags?: string[];
  /** Overrides the track's and the program's rules for this patient. */
  rules?: HoursRules;
  /** Sessions this patient needs this week beyond the curriculum, e.g. `{ service: 'individual', min: 1, max: 1 }`. */
  requires?: Array<{
    /** The service (id) counted. */
    service: string;
    /** Fewest sessions this week. Default 0. */
    min?: number;
    /** Most sessions this week. Default no limit. */
    max?: number;
    /**
     * How often the service recurs across weeks, e.g. psychiatry every 2-4 weeks is
     * `{ minDays: 14, maxDays: 28 }`. With it, `min` and `max` are not given: each week derives
     * them from the last attended session of the service in {@link Patient.history} (see {@link Cadence}).
     */
    cadence?: Cadence;
  }>;
  /**
   * The ledger: sessions the patient had (or missed) before `weekStart`, any order. Cadence reads
   * the last attended one per service; `nextWeek` and `planWeeks` append each week's sessions.
   * At most `LIMITS.historyEntries` entries.
   */
  history?: HistoryEntry[];
  /** The patient's primary therapist (a staff id). */
  primaryStaff?: string;
  /** Patients who must never share a group with this one (family, co-workers). */
  avoid?: string[];
  /** Whether the patient can join sessions by telehealth. Default false. */
  telehealth?: boolean;
  /** First day the patient can be scheduled (inclusive). */
  admittedOn?: LocalDate;
  /** First day the patient can no longer be scheduled (exclusive: discharged that day). */
  dischargedOn?: LocalDate;
  /** Soft wishes about which days to attend. */
  preferences?: {
    /** Days the patient would rather attend; when given, every other attended day costs a soft penalty. Default none. */
    days?: Weekday[];
    /** Days the patient would rather not attend; each one attended costs a soft penalty. Default none. */
    avoidDays?: Weekday[];
  };
  /**
   * The caller's own data (an EHR id, a billing code): any JSON object. The library never reads it,
   * never logs it and never prints it in an export; `validateProblem` checks it is JSON and
   * bounded (`LIMITS.metaLength` characters, `LIMITS.metaDepth` levels) and copies it.
   */
  meta?: Record<string, unknown>;
  /**
   * Who is served first when the week is over-full (`SolveOptions.triage: 'whole-patients'`):
   * higher first. Default 0; a whole number from -1000 to 1000.
   */
  priority?: number;
  /**
   * Tracks (ids) where the patient may make up a missed session, and nowhere else: `replan` adds
   * them, after {@link Patient.tracks}, for a patient with a `missed` change, and gives back at
   * most the minutes missed; a regular solve never uses them. None of them may be in `tracks`.
   * Default none.
   *
   * @example
   * ```ts
   * const dayPatient: Patient = { id: 'p-01', tracks: ['day'], makeUpTracks: ['evening'] };
   * ```
   */
  makeUpTracks?: string[];
}

/**
 * How often a required service recurs across weeks, in days between two attended sessions.
 * Each week, from the last attended session `last` in the patient's history:
 * - **due** (one session, on or before `last + maxDays`) when that date falls on or before the
 *   week's last open day; a session past it no longer keeps the interval, so none is placed
 *   after it (hard rule `cadence-window`); when it is already past (overdue), any day of the week;
 * - **not allowed** while `last + minDays` is after the week;
 * - otherwise **optional**: placed, on or after `last + minDays`, when it costs no requirement
 *   (soft rule `optional-sessions`).
 * No attended session in the history: due this week, any day.
 *
 * @example
 * ```ts
 * const medicationReview: Cadence = { minDays: 14, maxDays: 28 }; // every 2 to 4 weeks
 * ```
 */
export interface Cadence {
  /** Fewest days from one attended session to the next (whole days, at least 1). */
  minDays: number;
  /** Most days from one attended session to the next (whole days, at least `minDays`, at most 366). */
  maxDays: number;
}

/**
 * One session of the ledger: what a patient had (or missed) on a day before the week.
 *
 * @example
 * ```ts
 * const entry: HistoryEntry = { service: 'med-review', date: '2026-11-17', status: 'attended' };
 * ```
 */
export interface HistoryEntry {
  /** The service (id). */
  service: string;
  /**
   * The day it was held: before the problem's `weekStart`, except a no-show or cancellation,
   * which may fall in the week itself (as `replan` records a `missed` change).
   */
  date: LocalDate;
  /** What happened. Default `'attended'`. Only attended sessions reset a cadence. */
  status?: 'attended' | 'no-show' | 'cancelled';
}

/**
 * One week of one program: everything `solve` needs.
 *
 * @example
 * ```ts
 * import { sampleClinic, solve } from 'iop-scheduler';
 * const problem: Problem = sampleClinic();
 * const { schedule, report } = solve(problem, { seed: 1 });
 * ```
 */
export interface Problem {
  /** The JSON Schema this document claims to follow, e.g. the URL of `problem.schema.json`; accepted and kept, never read. */
  $schema?: string;
  /** IANA time zone of the clinic, e.g. `'America/Los_Angeles'`. */
  timeZone: string;
  /** The Monday of the week to schedule. */
  weekStart: LocalDate;
  /** Spacing of start times in minutes; must divide a day. Default 15. Durations are any multiple of 5. */
  granularityMinutes?: number;
  /** Holidays: nothing is scheduled on these dates. */
  closedDates?: LocalDate[];
  /** Program-wide defaults for weekly intensity. */
  rules?: HoursRules;
  /** The program's tracks (day, evening, specialised). */
  tracks: Track[];
  /** Every kind of session the program offers. */
  services: Service[];
  /** Everyone who may lead or co-lead sessions. */
  staff: Staff[];
  /** Rooms sessions may be held in (telehealth sessions need none). */
  rooms: Room[];
  /** The patients enrolled this week (or admitted or discharged during it). */
  patients: Patient[];
  /**
   * The caller's own data (an EHR id, a billing code): any JSON object. The library never reads it,
   * never logs it and never prints it in an export; `validateProblem` checks it is JSON and
   * bounded (`LIMITS.metaLength` characters, `LIMITS.metaDepth` levels) and copies it.
   */
  meta?: Record<string, unknown>;
}
