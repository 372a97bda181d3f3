/**
 * Patients: tracks, availability, rules, requirements, admission dates and preferences as
 * written. The ids they name (tracks, services, staff, avoided patients) are checked by
 * `references.ts` once everything has been read.
 */
import type { Patient } from '../model/problem.js';
import { readAvailability } from './availability.js';
import { readDate, readWeekdays } from './clock.js';
import type { Context, Draft } from './context.js';
import { readHoursRules } from './hours-rules.js';
import { ISSUE_CODES } from './issue-codes.js';
import { LIMITS } from './limits.js';
import { readMeta } from './meta.js';
import { readArray, readRecord } from './read.js';
import { readBoolean, readId, readNumber, readTextList } from './scalars.js';
import { readSessionCounts } from './session-counts.js';
import { readHistory, readPriority } from './ledger.js';

const PATIENT_KEYS: ReadonlySet<string> = new Set([
  'id', 'tracks', 'availability', 'familyAvailability', 'tags', 'rules', 'requires', 'primaryStaff', 'avoid',
  'telehealth', 'admittedOn', 'dischargedOn', 'preferences', 'meta',
  'history', 'priority',
  'makeUpTracks',
]);
const PREFERENCE_KEYS: ReadonlySet<string> = new Set(['days', 'avoidDays']);

/**
 * A patient, with `telehealth` defaulting to false.
 *
 * @example
 * ```ts
 * const patient = readPatient({ id: 'p1', tracks: ['evening'] }, 'patients[0]', context); // telehealth: false added
 * ```
 */
export function readPatient(value: unknown, path: string, context: Context): Draft<Patient> | undefined {
  const fields = readRecord(value, path, context, PATIENT_KEYS, 'A patient');
  if (fields === undefined) return undefined;
  const patient: Draft<Patient> = {};
  const id = readId(fields.required('id'), fields.at('id'), context);
  if (id !== undefined) patient.id = id;
  const tracks = readIdList(fields.required('tracks'), fields.at('tracks'), context, 'tracks');
  if (tracks !== undefined) patient.tracks = tracks;
  const availability = readAvailability(fields.optional('availability'), fields.at('availability'), context, 'availability');
  if (availability !== undefined) patient.availability = availability;
  const family = readAvailability(fields.optional('familyAvailability'), fields.at('familyAvailability'), context, 'familyAvailability');
  if (family !== undefined) patient.familyAvailability = family;
  const tags = readTextList(fields.optional('tags'), fields.at('tags'), context, 'tags');
  if (tags !== undefined) patient.tags = tags;
  const rules = readHoursRules(fields.optional('rules'), fields.at('rules'), context);
  if (rules !== undefined) patient.rules = rules;
  const requires = readSessionCounts(fields.optional('requires'), fields.at('requires'), context, 'requires', true);
  if (requires !== undefined) patient.requires = requires;
  const primaryStaff = readId(fields.optional('primaryStaff'), fields.at('primaryStaff'), context, 'primaryStaff');
  if (primaryStaff !== undefined) patient.primaryStaff = primaryStaff;
  const avoid = readIdList(fields.optional('avoid'), fields.at('avoid'), context, 'avoid');
  if (avoid !== undefined) patient.avoid = avoid;
  patient.telehealth = readBoolean(fields.optional('telehealth'), fields.at('telehealth'), context, 'telehealth') ?? false;
  const admitted = readDate(fields.optional('admittedOn'), fields.at('admittedOn'), context, 'admittedOn');
  const discharged = readDate(fields.optional('dischargedOn'), fields.at('dischargedOn'), context, 'dischargedOn');
  if (admitted !== undefined) patient.admittedOn = admitted.text;
  if (discharged !== undefined) patient.dischargedOn = discharged.text;
  if (admitted !== undefined && discharged !== undefined && admitted.day > discharged.day) {
    context.report(fields.at('dischargedOn'), ISSUE_CODES.invalidRange, `dischargedOn (${discharged.text}) is before admittedOn (${admitted.text}).`);
  }
  const preferences = readRecord(fields.optional('preferences'), fields.at('preferences'), context, PREFERENCE_KEYS, 'preferences');
  if (preferences !== undefined) {
    patient.preferences = {};
    const days = readWeekdays(preferences.optional('days'), preferences.at('days'), context, 'days', false);
    if (days !== undefined) patient.preferences.days = days;
    const avoidDays = readWeekdays(preferences.optional('avoidDays'), preferences.at('avoidDays'), context, 'avoidDays', false);
    if (avoidDays !== undefined) patient.preferences.avoidDays = avoidDays;
  }
  const meta = readMeta(fields.optional('meta'), fields.at('meta'), context);
  if (meta !== undefined) patient.meta = meta;
  const history = readHistory(fields.optional('history'), fields.at('history'), context);
  if (history !== undefined) patient.history = history;
  const priority = readPriority(fields.optional('priority'), fields.at('priority'), context);
  if (priority !== undefined) patient.priority = priority;
  const makeUpTracks = readIdList(fields.optional('makeUpTracks'), fields.at('makeUpTracks'), context, 'makeUpTracks');
  if (makeUpTracks !== undefined) patient.makeUpTracks = makeUpTracks;
  return patient;
}

/** A list of ids (references), positions kept so reference issues can name each item. */
function readIdList(value: unknown, path: string, context: Context, what: string): Array<string | undefined> | undefined {
  return readArray(value, path, context, LIMITS.listItems, what, (item, itemPath) => readId(item, itemPath, context, `Each item of ${what}`));
}
