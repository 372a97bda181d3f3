/**
 * The problem's top level: zone, week, grid, closed dates, program rules and the five
 * collections, read in that order.
 */
import type { Problem } from '../model/problem.js';
import { MINUTES_PER_DAY, SLOT_MINUTES } from '../time/week.js';
import { readDate, readTimeZone, readWeekStart } from './clock.js';
import { type Context, typeName, type Draft } from './context.js';
import { DEFAULT_GRANULARITY_MINUTES } from './defaults.js';
import { readHoursRules } from './hours-rules.js';
import { readMeta } from './meta.js';
import { ISSUE_CODES } from './issue-codes.js';
import { LIMITS } from './limits.js';
import { readPatient } from './patient.js';
import { readArray, readRecord } from './read.js';
import { readRoom, readStaff } from './resources.js';
import { readService } from './service.js';
import { readText } from './scalars.js';
import { readTrack } from './track.js';

const PROBLEM_KEYS: ReadonlySet<string> = new Set([
  'timeZone', 'weekStart', 'granularityMinutes', 'closedDates', 'rules', 'tracks', 'services', 'staff', 'rooms', 'patients',
  '$schema', 'meta',
]);

/**
 * The read problem and its valid granularity (for the grid checks of `references.ts`).
 *
 * @example
 * ```ts
 * const read: ReadProblem | undefined = readProblem(input, context);
 * ```
 */
export interface ReadProblem {
  problem: Draft<Problem>;
  granularity: number | undefined;
}

/**
 * Reads the whole problem; `undefined` when the input is not even an object.
 *
 * @example
 * ```ts
 * const read = readProblem(JSON.parse(text), context);
 * if (read) checkReferences(read.problem, context, read.granularity);
 * ```
 */
export function readProblem(input: unknown, context: Context): ReadProblem | undefined {
  if (input === undefined) {
    context.report('', ISSUE_CODES.invalidType, 'A problem must be an object, not undefined.');
    return undefined;
  }
  const fields = readRecord(input, '', context, PROBLEM_KEYS, 'A problem');
  if (fields === undefined) return undefined;
  const problem: Draft<Problem> = {};
  const schema = readText(fields.optional('$schema'), fields.at('$schema'), context, '$schema');
  if (schema !== undefined) problem.$schema = schema;
  const timeZone = readTimeZone(fields.required('timeZone'), fields.at('timeZone'), context);
  if (timeZone !== undefined) problem.timeZone = timeZone;
  const weekStart = readWeekStart(fields.required('weekStart'), fields.at('weekStart'), context);
  if (weekStart !== undefined) problem.weekStart = weekStart.text;
  // The availabilities read below are costed for this week (an old DTSTART costs more).
  context.tally.weekStartDay = weekStart?.day;
  const granularityValue = fields.optional('granularityMinutes');
  const granularity = granularityValue === undefined ? DEFAULT_GRANULARITY_MINUTES : readGranularity(granularityValue, fields.at('granularityMinutes'), context);
  if (granularity !== undefined) problem.granularityMinutes = granularity;
  const closedDates = readArray(fields.optional('closedDates'), fields.at('closedDates'), context, LIMITS.listItems, 'closedDates', (item, itemPath) =>
    readDate(item, itemPath, context, 'A closed date')?.text,
  );
  if (closedDates !== undefined) problem.closedDates = closedDates;
  const rules = readHoursRules(fields.optional('rules'), fields.at('rules'), context);
  if (rules !== undefined) problem.rules = rules;

  const tracks = readArray(fields.required('tracks'), fields.at('tracks'), context, LIMITS.entities, 'tracks', (item, path) => readTrack(item, path, context));
  if (tracks !== undefined) problem.tracks = tracks;
  const services = readArray(fields.required('services'), fields.at('services'), context, LIMITS.entities, 'services', (item, path) => readService(item, path, context));
  if (services !== undefined) problem.services = services;
  const staff = readArray(fields.required('staff'), fields.at('staff'), context, LIMITS.entities, 'staff', (item, path) => readStaff(item, path, context));
  if (staff !== undefined) problem.staff = staff;
  const rooms = readArray(fields.required('rooms'), fields.at('rooms'), context, LIMITS.entities, 'rooms', (item, path) => readRoom(item, path, context));
  if (rooms !== undefined) problem.rooms = rooms;
  const patients = readArray(fields.required('patients'), fields.at('patients'), context, LIMITS.patients, 'patients', (item, path) => readPatient(item, path, context));
  if (patients !== undefined) problem.patients = patients;
  const meta = readMeta(fields.optional('meta'), fields.at('meta'), context);
  if (meta !== undefined) problem.meta = meta;
  return { problem, granularity };
}

/** Start-time spacing: a positive multiple of 5 minutes that divides a day (5, 10, 15, 20, 30, 60, ...). */
function readGranularity(value: unknown, path: string, context: Context): number | undefined {
  if (typeof value !== 'number') {
    context.report(path, ISSUE_CODES.invalidType, `granularityMinutes must be a number, not ${typeName(value)}.`);
    return undefined;
  }
  if (!Number.isInteger(value) || value <= 0 || value % SLOT_MINUTES !== 0 || MINUTES_PER_DAY % value !== 0) {
    context.report(path, ISSUE_CODES.invalidGranularity, `granularityMinutes must be a positive multiple of ${SLOT_MINUTES} that divides ${MINUTES_PER_DAY}, not ${value}.`);
    return undefined;
  }
  return value;
}
