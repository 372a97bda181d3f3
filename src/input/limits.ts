/**
 * Size limits of the input. Past these, validation reports `too-large`, `too-long` or
 * `too-costly` instead of working on: they bound the time and memory of validation and of
 * everything after it. Validation and compilation are proportional to the input and run before
 * any time limit can cut them, so these limits are what keeps a `timeLimitMs` meaningful.
 *
 * @module
 */

/**
 * The largest input the library accepts, far above any real program.
 *
 * @example
 * ```ts
 * if (patients.length > LIMITS.patients) splitTheProgram();
 * ```
 */
export const LIMITS: {
  /**
   * Patients in one problem. Validation and compilation cost grows linearly with them and no
   * time limit cuts it: measured (bench/input-cost.ts, generated clinics) about 0.05 s of CPU
   * at 1,000 patients, 0.3 s at 10,000, 1.3 s at 50,000 and 2.2 s (300 MB) at the limit, before
   * the solver starts. A `timeLimitMs` below that cannot be kept: split such a network by site.
   */
  readonly patients: number;
  /** Tracks, services, staff or rooms in one problem. */
  readonly entities: number;
  /** Weekly windows, RRULEs or exceptions in one availability; entries of a curriculum, template or `requires`. */
  readonly windows: number;
  /**
   * Occurrences one RRULE entry can have in a week, estimated from its parts (BYDAY, BYHOUR x
   * BYMINUTE x BYSECOND, BYSETPOS, RDATEs) without expanding it; past it, `too-costly`. A
   * clinic rule has a few a week; 500 is a start every 20 minutes around the clock, while
   * BYHOUR x BYMINUTE x BYSECOND is 604,800 (about 3 s of CPU to expand, measured).
   */
  readonly rruleOccurrences: number;
  /**
   * Cost of expanding all the RRULE entries of one availability for the week, in candidate
   * occurrences (about 3 us each, measured): parsing (50 per entry), every candidate rrule
   * makes from where its walk starts (a few periods before the week, or DTSTART for MONTHLY,
   * YEARLY and COUNT with day filters) and the periods it walks. Past it, `too-costly` at the
   * entry that crosses it: about 0.15 s of CPU. 500 weekly rules pass, 1,000 do not; one
   * MONTHLY rule of 168 occurrences a week from 1900 (1.1 million candidates, 2.5 s) does not.
   */
  readonly rruleExpansion: number;
  /**
   * Weekly windows, exceptions and RRULE entries (with each distinct RRULE text's expansion
   * cost, as in `rruleExpansion`) over all availabilities of a problem. Past it, `too-large` at
   * the availability that crosses it. A window costs about 2.4 us of validation and compilation
   * (10^6 windows: 2.4 s, 225 MB, measured), so the limit is about 1.2 s; a 100,000-patient
   * clinic with a few windows each stays well inside.
   */
  readonly totalWindows: number;
  /** Items of a list of strings: tags, credentials, days, closed dates, avoided patients. */
  readonly listItems: number;
  /** Characters of an id. */
  readonly idLength: number;
  /** Characters of a name, tag, credential or time zone. */
  readonly textLength: number;
  /** Characters of an RRULE text. */
  readonly ruleLength: number;
  /** Own properties of one object (almost all of them unknown). */
  readonly properties: number;
  /** Issues recorded before validation reports `too-many-issues` and records no more. */
  readonly issues: number;
  /** Patients in one group (`maxSize`), and patient seats in one room. */
  readonly groupSize: number;
  /** Sessions of one service in one week (curriculum and `requires` bounds), and staff in one seat. */
  readonly sessions: number;
  /** Characters of one entity's `meta` written as JSON. */
  readonly metaLength: number;
  /** Nesting levels of one entity's `meta` (the object itself is level 1). */
  readonly metaDepth: number;
  /**
   * Entries of one patient's `history`. A year of a full IOP week (about 15 sessions) is 780;
   * cadence reads only the last attended session per service, so `nextWeek` and `planWeeks`
   * keep the most recent entries when appending would pass this.
   */
  readonly historyEntries: number;
  /** Days of a cadence (`minDays`, `maxDays`): a year. */
  readonly cadenceDays: number;
} = {
  patients: 100_000,
  entities: 10_000,
  windows: 1_000,
  rruleOccurrences: 500,
  rruleExpansion: 50_000,
  totalWindows: 500_000,
  listItems: 1_000,
  idLength: 200,
  textLength: 1_000,
  ruleLength: 2_000,
  properties: 1_000,
  issues: 10_000,
  groupSize: 1_000,
  sessions: 1_000,
  metaLength: 65_536,
  metaDepth: 32,
  historyEntries: 2_000,
  cadenceDays: 366,
};
