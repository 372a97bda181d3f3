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
 *
 * @example
 * ```ts
 * const problem = readProblem('problem.json');
 * ```
 */
export function readProblem(path: string): Problem {
  const result = validateProblem(readJson(path));
  if (result.ok) return result.problem;
  throw new CliError(
    [`${path} is not a valid problem (${result.issues.length} issue${result.issues.length === 1 ? '' : 's'}):`, ...result.issues.map((i) => `  ${terminalSafe(i.path || '(root)')}: ${terminalSafe(i.message)}`)].join('\n'),
  );
}

/**
 * The schedule in `path`: a schedule, or an object holding one under `schedule` (as `solve --out`
 * with `--report -` or an app might save `{ schedule, report }`). Its meetings are checked by
 * `checkSchedule`; only the shape is checked here.
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
  return candidate as unknown as Schedule;
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
