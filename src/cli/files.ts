/**
 * Reading the command line's JSON inputs and writing its outputs, with errors that name the file.
 */
import { readFileSync } from 'node:fs';
import { validateProblem } from '../input/validate.js';
import type { Problem } from '../model/problem.js';
import type { Schedule } from '../model/schedule.js';
import { writeFileAtomic, writeFilesAtomic } from './atomic.js';
import { CliError, type CliIo } from './io.js';
import { terminalSafe } from './terminal.js';

/**
 * The parsed JSON of `path`, or a {@link CliError} naming the file.
 *
 * @example
 * ```ts
 * readJson('changes.json');
 * ```
 */
export function readJson(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new CliError(`Cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new CliError(`${path} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * The valid problem in `path`, or a {@link CliError} listing every issue as `path: message`.
 * Validation warnings (the problem is valid, but e.g. a caseload is exceeded) go to `io.stderr`
 * as `path: message (code)`: the messages name ids only, never patient data.
 *
 * @example
 * ```ts
 * const problem = readProblem('problem.json', io);
 * ```
 */
export function readProblem(path: string, io?: Pick<CliIo, 'stderr'>): Problem {
  const result = validateProblem(readJson(path));
  const warnings = result.warnings ?? [];
  if (io !== undefined && warnings.length > 0) {
    const lines = warnings.map((w) => `  ${terminalSafe(w.path || '(root)')}: ${terminalSafe(w.message)} (${terminalSafe(w.code)})`);
    io.stderr(`iop-scheduler: ${path}: ${warnings.length} warning${warnings.length === 1 ? '' : 's'}:\n${lines.join('\n')}\n`);
  }
  if (result.ok) return result.problem;
  throw new CliError(
    [`${path} is not a valid problem (${result.issues.length} issue${result.issues.length === 1 ? '' : 's'}):`, ...result.issues.map((i) => `  ${terminalSafe(i.path || '(root)')}: ${terminalSafe(i.message)}`)].join('\n'),
  );
}

/**
 * The schedule in `path`: a schedule, or an object holding one under `schedule` (as `solve --out`
 * with `--report -` or an app might save `{ schedule, report }`). Its meetings are checked by
 * `checkSchedule`; only the shape (each field's JSON type) is checked here, so that a number
 * where an id belongs is bad input, not a crash of an export.
 *
 * @example
 * ```ts
 * const schedule = readSchedule('week.json');
 * ```
 */
export function readSchedule(path: string): Schedule {
  const json = readJson(path);
  const candidate = isObject(json) && isObject(json['schedule']) ? json['schedule'] : json;
  if (!isObject(candidate)) throw new CliError(`${path} is not a schedule: expected an object with timeZone, weekStart and meetings.`);
  if (!Array.isArray(candidate['meetings'])) throw new CliError(`${path}: meetings: must be an array of meetings.`);
  if (!candidate['meetings'].every(isObject)) throw new CliError(`${path}: meetings: every meeting must be an object.`);
  const wrong = candidate['meetings'].flatMap((meeting, index) => meetingShapeErrors(meeting, `meetings[${index}]`));
  if (wrong.length > 0) {
    const shown = wrong.slice(0, MAX_SHAPE_ERRORS).map((line) => `  ${line}`);
    if (wrong.length > MAX_SHAPE_ERRORS) shown.push(`  ... and ${wrong.length - MAX_SHAPE_ERRORS} more.`);
    throw new CliError([`${path} is not a schedule (${wrong.length} field${wrong.length === 1 ? '' : 's'} of the wrong type):`, ...shown].join('\n'));
  }
  return candidate as unknown as Schedule;
}

const MAX_SHAPE_ERRORS = 20;
const MEETING_TEXT = ['id', 'service', 'date', 'day', 'start', 'end', 'startsAt', 'endsAt', 'mode'] as const;
const MEETING_TEXT_OR_NULL = ['track', 'room'] as const;
const MEETING_LISTS = ['staff', 'patients'] as const;

/** The fields of a meeting whose JSON type is wrong: the exports and the report print them as text. */
function meetingShapeErrors(meeting: Record<string, unknown>, at: string): string[] {
  const errors: string[] = [];
  for (const key of MEETING_TEXT) if (typeof meeting[key] !== 'string') errors.push(`${at}.${key}: must be a string.`);
  for (const key of MEETING_TEXT_OR_NULL) if (typeof meeting[key] !== 'string' && meeting[key] !== null) errors.push(`${at}.${key}: must be a string or null.`);
  for (const key of MEETING_LISTS) {
    const list = meeting[key];
    if (!Array.isArray(list) || !list.every((item) => typeof item === 'string')) errors.push(`${at}.${key}: must be an array of strings.`);
  }
  return errors;
}

/**
 * Writes `text` to `path` atomically (the old file or the new one, never a part), or to stdout
 * when `path` is `-`.
 *
 * @example
 * ```ts
 * writeOutput('-', JSON.stringify(schedule), io);
 * ```
 */
export function writeOutput(path: string, text: string, io: CliIo): void {
  if (path === '-') {
    io.stdout(text.endsWith('\n') ? text : `${text}\n`);
    return;
  }
  try {
    writeFileAtomic(path, text);
  } catch (error) {
    throw new CliError(`Cannot write ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * Creates `dir` (and parents) and writes `files` into it as one set: on failure none of them is
 * written (see {@link writeFilesAtomic}).
 *
 * @example
 * ```ts
 * writeFiles('calendars', [{ name: 'week.ics', text: ics }]);
 * ```
 */
export function writeFiles(dir: string, files: ReadonlyArray<{ name: string; text: string }>): void {
  try {
    writeFilesAtomic(dir, files);
  } catch (error) {
    throw new CliError(`Cannot write into ${dir}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
