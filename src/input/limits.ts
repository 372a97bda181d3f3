/**
 * Size limits of the input. Past these, validation reports `too-large` or `too-long` instead of
 * working on: they bound the time and memory of validation and of everything after it.
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
  /** Patients in one problem. */
  readonly patients: number;
  /** Tracks, services, staff or rooms in one problem. */
  readonly entities: number;
  /** Weekly windows, RRULEs or exceptions in one availability; entries of a curriculum, template or `requires`. */
  readonly windows: number;
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
} = {
  patients: 100_000,
  entities: 10_000,
  windows: 1_000,
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
};
