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
  readonly invalidType: 'invalid-type';
  readonly missingField: 'missing-field';
  readonly unknownProperty: 'unknown-property';
  readonly unreadable: 'unreadable';
  readonly tooLarge: 'too-large';
  readonly tooLong: 'too-long';
  readonly empty: 'empty';
  readonly invalidValue: 'invalid-value';
  readonly notFinite: 'not-finite';
  readonly notInteger: 'not-integer';
  readonly outOfRange: 'out-of-range';
  readonly invalidRange: 'invalid-range';
  readonly invalidDuration: 'invalid-duration';
  readonly invalidGranularity: 'invalid-granularity';
  readonly individualSize: 'individual-size';
  readonly invalidTimeZone: 'invalid-time-zone';
  readonly invalidDate: 'invalid-date';
  readonly notMonday: 'not-monday';
  readonly invalidTime: 'invalid-time';
  readonly invalidWeekday: 'invalid-weekday';
  readonly emptyWindow: 'empty-window';
  readonly invalidRecurrence: 'invalid-recurrence';
  readonly missingDtstart: 'missing-dtstart';
  readonly notFloating: 'not-floating';
  readonly unsupportedRecurrence: 'unsupported-recurrence';
  readonly offGrid: 'off-grid';
  readonly pastMidnight: 'past-midnight';
  readonly duplicateId: 'duplicate-id';
  readonly duplicateEntry: 'duplicate-entry';
  readonly unknownReference: 'unknown-reference';
  readonly selfReference: 'self-reference';
  readonly notAGroup: 'not-a-group';
  readonly conflictingRules: 'conflicting-rules';
  readonly tooManyIssues: 'too-many-issues';
  readonly internalError: 'internal-error';
} = {
  invalidType: 'invalid-type',
  missingField: 'missing-field',
  unknownProperty: 'unknown-property',
  unreadable: 'unreadable',
  tooLarge: 'too-large',
  tooLong: 'too-long',
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
export const WARNING_CODES: { readonly partialHospitalization: 'partial-hospitalization' } = {
  partialHospitalization: 'partial-hospitalization',
};

/** A code of {@link WARNING_CODES}. */
export type WarningCode = (typeof WARNING_CODES)[keyof typeof WARNING_CODES];
