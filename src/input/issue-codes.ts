/**
 * Every code `validateProblem` can put on an issue, with what it means. Codes are stable: clinic
 * apps may switch on them. A new check gets a new code here; an existing code never changes meaning.
 *
 * @module
 */

/**
 * The codes of the issues `validateProblem` reports (errors: the problem is rejected).
 *
 * @example
 * ```ts
 * const result = validateProblem(input);
 * if (!result.ok && result.issues.some((issue) => issue.code === ISSUE_CODES.duplicateId)) askForUniqueIds();
 * ```
 */
export const ISSUE_CODES: {
  /** The value has the wrong JSON type (e.g. a number where a string is expected, or the input is not an object). */
  readonly invalidType: 'invalid-type';
  /** A required property is absent. */
  readonly missingField: 'missing-field';
  /** A property the model does not define (often a typo, e.g. `minWeeklyHour`). */
  readonly unknownProperty: 'unknown-property';
  /** Reading the value threw (a throwing getter, a revoked proxy). */
  readonly unreadable: 'unreadable';
  /** A collection is larger than the library accepts (see `LIMITS`). */
  readonly tooLarge: 'too-large';
  /** A string is longer than the library accepts (see `LIMITS`). */
  readonly tooLong: 'too-long';
  /** A string that is not well-formed Unicode: it holds a lone UTF-16 surrogate, which no file, URI or calendar can carry. */
  readonly illFormedUnicode: 'ill-formed-unicode';
  /** An empty string or list where at least one character or item is needed. */
  readonly empty: 'empty';
  /** A value outside its allowed set (e.g. `kind` other than group or individual). */
  readonly invalidValue: 'invalid-value';
  /** A number that is NaN or infinite. */
  readonly notFinite: 'not-finite';
  /** A count or size that is not a whole number. */
  readonly notInteger: 'not-integer';
  /** A number below its minimum or above its maximum. */
  readonly outOfRange: 'out-of-range';
  /** A minimum above its maximum, or a start date after its end date. */
  readonly invalidRange: 'invalid-range';
  /** A duration that is not a positive multiple of 5 minutes up to 24 hours. */
  readonly invalidDuration: 'invalid-duration';
  /** A granularity that is not a positive multiple of 5 minutes dividing a day. */
  readonly invalidGranularity: 'invalid-granularity';
  /** An individual service with `minSize` or `maxSize` other than 1. */
  readonly individualSize: 'individual-size';
  /** A time zone the runtime does not know as an IANA zone. */
  readonly invalidTimeZone: 'invalid-time-zone';
  /** A date that is not a real 'YYYY-MM-DD' calendar date. */
  readonly invalidDate: 'invalid-date';
  /** `weekStart` is not a Monday. */
  readonly notMonday: 'not-monday';
  /** A clock time that is not 'HH:mm' between 00:00 and 23:59 ('24:00' only as an end). */
  readonly invalidTime: 'invalid-time';
  /** A weekday that is not one of MO, TU, WE, TH, FR, SA, SU. */
  readonly invalidWeekday: 'invalid-weekday';
  /** A window that ends before or at its start. */
  readonly emptyWindow: 'empty-window';
  /** An RRULE text the expander refuses: it does not parse, has lines other than DTSTART, RRULE, RDATE, EXDATE, or uses parts RFC 5545 forbids. */
  readonly invalidRecurrence: 'invalid-recurrence';
  /** An RRULE text without a DTSTART line. */
  readonly missingDtstart: 'missing-dtstart';
  /** A recurrence with a UTC (`Z`) or `TZID` time: times must be floating local time. */
  readonly notFloating: 'not-floating';
  /** A recurrence every hour, minute or second: too many occurrences to expand. */
  readonly unsupportedRecurrence: 'unsupported-recurrence';
  /** A recurrence, or the recurrences of one availability, too costly to expand for the week (see `LIMITS.rruleOccurrences` and `LIMITS.rruleExpansion`). */
  readonly tooCostly: 'too-costly';
  /** A template start that is not on the granularity grid. */
  readonly offGrid: 'off-grid';
  /** A template session that would run past midnight. */
  readonly pastMidnight: 'past-midnight';
  /** Two items of the same kind share an id. */
  readonly duplicateId: 'duplicate-id';
  /** The same service or track listed twice in one list. */
  readonly duplicateEntry: 'duplicate-entry';
  /** An id that names no track, service, staff member or patient. */
  readonly unknownReference: 'unknown-reference';
  /** A patient who avoids themselves. */
  readonly selfReference: 'self-reference';
  /** A track template names an individual service: templates hold group sessions. */
  readonly notAGroup: 'not-a-group';
  /** Hours rules that, resolved with the layers above them, ask for a minimum above the maximum. */
  readonly conflictingRules: 'conflicting-rules';
  /** Validation stopped recording issues after `LIMITS.issues`; fix these and validate again. */
  readonly tooManyIssues: 'too-many-issues';
  /** A bug in the validator itself: please report it with the input that caused it. */
  readonly internalError: 'internal-error';
  /** A `meta` that is not JSON data: a function, `undefined`, NaN, a class instance (a Date, a Map) or a cycle. */
  readonly notJson: 'not-json';
  /** A history entry dated on or after `weekStart`: the history holds what happened before the week (and the week's no-shows and cancellations so far). */
  readonly historyInWeek: 'history-in-week';
  /** A `requires` entry with both a `cadence` and `min` or `max`: with a cadence, each week derives them. */
  readonly cadenceWithCounts: 'cadence-with-counts';
} = {
  invalidType: 'invalid-type',
  missingField: 'missing-field',
  unknownProperty: 'unknown-property',
  unreadable: 'unreadable',
  tooLarge: 'too-large',
  tooLong: 'too-long',
  illFormedUnicode: 'ill-formed-unicode',
  empty: 'empty',
  invalidValue: 'invalid-value',
  notFinite: 'not-finite',
  notInteger: 'not-integer',
  outOfRange: 'out-of-range',
  invalidRange: 'invalid-range',
  invalidDuration: 'invalid-duration',
  invalidGranularity: 'invalid-granularity',
  individualSize: 'individual-size',
  invalidTimeZone: 'invalid-time-zone',
  invalidDate: 'invalid-date',
  notMonday: 'not-monday',
  invalidTime: 'invalid-time',
  invalidWeekday: 'invalid-weekday',
  emptyWindow: 'empty-window',
  invalidRecurrence: 'invalid-recurrence',
  missingDtstart: 'missing-dtstart',
  notFloating: 'not-floating',
  unsupportedRecurrence: 'unsupported-recurrence',
  tooCostly: 'too-costly',
  offGrid: 'off-grid',
  pastMidnight: 'past-midnight',
  duplicateId: 'duplicate-id',
  duplicateEntry: 'duplicate-entry',
  unknownReference: 'unknown-reference',
  selfReference: 'self-reference',
  notAGroup: 'not-a-group',
  conflictingRules: 'conflicting-rules',
  tooManyIssues: 'too-many-issues',
  internalError: 'internal-error',
  notJson: 'not-json',
  historyInWeek: 'history-in-week',
  cadenceWithCounts: 'cadence-with-counts',
};

/** A code of {@link ISSUE_CODES}. */
export type IssueCode = (typeof ISSUE_CODES)[keyof typeof ISSUE_CODES];

/**
 * What each code means, for documentation and for apps that show a longer explanation.
 *
 * @example
 * ```ts
 * console.log(ISSUE_CODE_DESCRIPTIONS.get('off-grid'));
 * ```
 */
export const ISSUE_CODE_DESCRIPTIONS: ReadonlyMap<string, string> = new Map<string, string>([
  ['invalid-type', 'The value has the wrong JSON type (e.g. a number where a string is expected, or the input is not an object).'],
  ['missing-field', 'A required property is absent.'],
  ['unknown-property', 'A property the model does not define (often a typo, e.g. `minWeeklyHour`).'],
  ['unreadable', 'Reading the value threw (a throwing getter, a revoked proxy).'],
  ['too-large', 'A collection is larger than the library accepts (see `LIMITS`).'],
  ['too-long', 'A string is longer than the library accepts (see `LIMITS`).'],
  ['ill-formed-unicode', 'A string that is not well-formed Unicode: it holds a lone UTF-16 surrogate, which no file, URI or calendar can carry.'],
  ['empty', 'An empty string or list where at least one character or item is needed.'],
  ['invalid-value', 'A value outside its allowed set (e.g. `kind` other than group or individual).'],
  ['not-finite', 'A number that is NaN or infinite.'],
  ['not-integer', 'A count or size that is not a whole number.'],
  ['out-of-range', 'A number below its minimum or above its maximum.'],
  ['invalid-range', 'A minimum above its maximum, or a start date after its end date.'],
  ['invalid-duration', 'A duration that is not a positive multiple of 5 minutes up to 24 hours.'],
  ['invalid-granularity', 'A granularity that is not a positive multiple of 5 minutes dividing a day.'],
  ['individual-size', 'An individual service with `minSize` or `maxSize` other than 1.'],
  ['invalid-time-zone', 'A time zone the runtime does not know as an IANA zone.'],
  ['invalid-date', "A date that is not a real 'YYYY-MM-DD' calendar date."],
  ['not-monday', '`weekStart` is not a Monday.'],
  ['invalid-time', "A clock time that is not 'HH:mm' between 00:00 and 23:59 ('24:00' only as an end)."],
  ['invalid-weekday', 'A weekday that is not one of MO, TU, WE, TH, FR, SA, SU.'],
  ['empty-window', 'A window that ends before or at its start.'],
  ['invalid-recurrence', 'An RRULE text the expander refuses: it does not parse, has lines other than DTSTART, RRULE, RDATE, EXDATE, or uses parts RFC 5545 forbids.'],
  ['missing-dtstart', 'An RRULE text without a DTSTART line.'],
  ['not-floating', 'A recurrence with a UTC (`Z`) or `TZID` time: times must be floating local time.'],
  ['unsupported-recurrence', 'A recurrence every hour, minute or second: too many occurrences to expand.'],
  ['too-costly', 'A recurrence, or the recurrences of one availability, too costly to expand for the week (see `LIMITS.rruleOccurrences` and `LIMITS.rruleExpansion`).'],
  ['off-grid', 'A template start that is not on the granularity grid.'],
  ['past-midnight', 'A template session that would run past midnight.'],
  ['duplicate-id', 'Two items of the same kind share an id.'],
  ['duplicate-entry', 'The same service or track listed twice in one list.'],
  ['unknown-reference', 'An id that names no track, service, staff member or patient.'],
  ['self-reference', 'A patient who avoids themselves.'],
  ['not-a-group', 'A track template names an individual service: templates hold group sessions.'],
  ['conflicting-rules', 'Hours rules that, resolved with the layers above them, ask for a minimum above the maximum.'],
  ['too-many-issues', 'Validation stopped recording issues after `LIMITS.issues`; fix these and validate again.'],
  ['internal-error', 'A bug in the validator itself: please report it with the input that caused it.'],
  ['not-json', 'A `meta` that is not JSON data: a function, `undefined`, NaN, a class instance (a Date, a Map) or a cycle.'],
  ['history-in-week', "A history entry dated on or after `weekStart`: the history holds what happened before the week (and the week's no-shows and cancellations so far)."],
  ['cadence-with-counts', 'A `requires` entry with both a `cadence` and `min` or `max`: with a cadence, each week derives them.'],
]);

/**
 * The codes of warnings: the problem is valid and accepted, but probably not what was meant.
 *
 * @example
 * ```ts
 * const result = validateProblem(input);
 * if (result.ok) for (const warning of result.warnings ?? []) console.warn(warning.code, warning.path);
 * ```
 */
export const WARNING_CODES: {
  /** A `minWeeklyHours` or `maxWeeklyHours` of 20 or more: that much care is partial hospitalization, not IOP. */
  readonly partialHospitalization: 'partial-hospitalization';
  /** A staff member already named `primaryStaff` by more patients enrolled this week than their `maxCaseload`: rule `staff-caseload` is broken whatever the timetable. */
  readonly caseloadExceeded: 'caseload-exceeded';
} = {
  partialHospitalization: 'partial-hospitalization',
  caseloadExceeded: 'caseload-exceeded',
};

/** A code of {@link WARNING_CODES}. */
export type WarningCode = (typeof WARNING_CODES)[keyof typeof WARNING_CODES];
