/**
 * The programme's own staff fields: `maxCaseload` and `preferences` as written, then, once every
 * collection has been read, the services preferences name and the caseloads the primary
 * assignments already make (a warning: the problem stays valid, but the `staff-caseload` rule
 * will be broken whatever the timetable).
 */
import type { Problem, Staff } from '../model/problem.js';
import { enrolledDays } from '../time/week.js';
import { readAvailability } from './availability.js';
import { readWeekdays } from './clock.js';
import { type Context, type Draft, quote } from './context.js';
import { ISSUE_CODES, WARNING_CODES } from './issue-codes.js';
import { LIMITS } from './limits.js';
import { type Fields, readArray, readRecord } from './read.js';
import { readId, readNumber } from './scalars.js';

/**
 * The staff properties read here, for the staff reader's list of known keys.
 *
 * @example
 * ```ts
 * const keys = new Set(['id', 'name', ...STAFF_PROGRAMME_KEYS]);
 * ```
 */
export const STAFF_PROGRAMME_KEYS: readonly string[] = ['maxCaseload', 'preferences'];

const PREFERENCE_KEYS: ReadonlySet<string> = new Set(['days', 'avoidDays', 'avoid', 'services']);

/**
 * Reads `maxCaseload` and `preferences` of one staff member into `staff`.
 *
 * @example
 * ```ts
 * readStaffProgramme(fields, staff, context); // staff.maxCaseload = 24, staff.preferences = { avoidDays: ['FR'] }
 * ```
 */
export function readStaffProgramme(fields: Fields, staff: Draft<Staff>, context: Context): void {
  const maxCaseload = readNumber(fields.optional('maxCaseload'), fields.at('maxCaseload'), context, 'maxCaseload', { integer: true, min: 0, max: LIMITS.patients });
  if (maxCaseload !== undefined) staff.maxCaseload = maxCaseload;
  const preferences = readRecord(fields.optional('preferences'), fields.at('preferences'), context, PREFERENCE_KEYS, 'preferences');
  if (preferences === undefined) return;
  const read: Draft<NonNullable<Staff['preferences']>> = {};
  const days = readWeekdays(preferences.optional('days'), preferences.at('days'), context, 'days', false);
  if (days !== undefined) read.days = days;
  const avoidDays = readWeekdays(preferences.optional('avoidDays'), preferences.at('avoidDays'), context, 'avoidDays', false);
  if (avoidDays !== undefined) read.avoidDays = avoidDays;
  const avoid = readAvailability(preferences.optional('avoid'), preferences.at('avoid'), context, 'avoid');
  if (avoid !== undefined) read.avoid = avoid;
  const services = readArray(preferences.optional('services'), preferences.at('services'), context, LIMITS.listItems, 'services', (item, itemPath) =>
    readId(item, itemPath, context, 'Each item of services'),
  );
  if (services !== undefined) read.services = services;
  staff.preferences = read;
}

/**
 * Checks what the staff fields name once everything is read: each preferred service exists
 * (`unknown-reference`), and no member is already primary to more patients enrolled this week
 * than `maxCaseload` (a `caseload-exceeded` warning at `staff[i].maxCaseload`).
 *
 * @example
 * ```ts
 * checkStaffProgramme(read.problem, context); // warning at staff[0].maxCaseload: 30 patients, at most 24
 * ```
 */
export function checkStaffProgramme(problem: Draft<Problem>, context: Context): void {
  const serviceIds = new Set((problem.services ?? []).map((service) => service?.id));
  const weekStart = problem.weekStart;
  const primaries = new Map<string, number>();
  for (const patient of problem.patients ?? []) {
    if (patient?.primaryStaff === undefined) continue;
    if (weekStart !== undefined) {
      // As the staff-caseload rule counts: patients enrolled on at least one day of the week.
      const { firstDay, endDay } = enrolledDays(weekStart, patient.admittedOn, patient.dischargedOn);
      if (endDay <= firstDay) continue;
    }
    primaries.set(patient.primaryStaff, (primaries.get(patient.primaryStaff) ?? 0) + 1);
  }
  (problem.staff ?? []).forEach((member, index) => {
    if (member === undefined) return;
    const path = `staff[${index}]`;
    if (problem.services !== undefined) {
      (member.preferences?.services ?? []).forEach((service, s) => {
        if (service !== undefined && !serviceIds.has(service)) {
          context.report(`${path}.preferences.services[${s}]`, ISSUE_CODES.unknownReference, `No service has id ${quote(service)}.`);
        }
      });
    }
    const limit = member.maxCaseload;
    const count = member.id === undefined ? 0 : (primaries.get(member.id) ?? 0);
    if (limit !== undefined && count > limit) {
      context.warn(
        `${path}.maxCaseload`,
        WARNING_CODES.caseloadExceeded,
        `Staff ${member.id ?? '?'} is the primary therapist of ${count} patients enrolled this week; maxCaseload is ${limit}, so the staff-caseload rule is broken whatever the timetable.`,
      );
    }
  });
}
