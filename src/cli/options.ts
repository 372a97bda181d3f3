/**
 * The command line's options: what each command takes, and every check on them, made before any
 * file is read or any solve starts, so a typo costs no wait.
 */
import { existsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import type { Triage } from '../model/options.js';
import { CliError } from './io.js';

/** Every option `parseArgs` knows, for every command. */
export const OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
  seed: { type: 'string' },
  'time-limit': { type: 'string' },
  'max-iterations': { type: 'string' },
  'as-of': { type: 'string' },
  out: { type: 'string' },
  report: { type: 'string' },
  ics: { type: 'string' },
  recurring: { type: 'boolean' },
  stamp: { type: 'string' },
  html: { type: 'string' },
  text: { type: 'string' },
  json: { type: 'boolean' },
  explain: { type: 'boolean' },
  quiet: { type: 'boolean' },
  triage: { type: 'string' },
} as const;

/** The parsed options, as `parseArgs` gives them. */
export type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true; strict: true }>>['values'];

type Option = keyof typeof OPTIONS;

const OUTPUTS: readonly Option[] = ['out', 'report', 'ics', 'recurring', 'stamp', 'html', 'text', 'explain', 'quiet'];
const SOLVING: readonly Option[] = ['seed', 'time-limit', 'max-iterations'];

/** The options each command takes (besides --help and --version). */
const TAKES: Readonly<Record<string, readonly Option[]>> = {
  solve: [...SOLVING, 'triage', ...OUTPUTS],
  check: OUTPUTS,
  diagnose: ['json', 'quiet'],
  replan: [...SOLVING, 'as-of', ...OUTPUTS],
};

// An instant with an offset or Z, as replan's asOf and the calendar's stamp require: a bare
// date or local time would be read in the host's zone.
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** The checked settings of one run. */
export interface Settings {
  seed?: number;
  timeLimitMs?: number;
  maxIterations?: number;
  /** `--as-of`: replan's "now". */
  asOf?: string;
  /** `--stamp`: the calendars' DTSTAMP. */
  stamp?: string;
  /** `--triage`: what an over-full week gives up (solve's `triage`). */
  triage?: Triage;
}

/**
 * Checks `values` for `command` and returns its settings, or throws a usage {@link CliError}
 * (exit 2): an option the command does not take, a bad number or instant, two outputs on
 * stdout, an output whose folder does not exist.
 *
 * @example
 * ```ts
 * const settings = checkOptions('replan', { 'as-of': '2026-12-02T07:00:00-08:00' }); // { asOf: '2026-12-02T07:00:00-08:00' }
 * ```
 */
export function checkOptions(command: string, values: Values): Settings {
  const takes = TAKES[command] ?? [];
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined || name === 'help' || name === 'version') continue;
    if (!takes.includes(name as Option)) throw new CliError(`Usage: ${command} does not take --${name}.`);
  }
  const dashes = [values.out, values.report, values.text].filter((v) => v === '-').length;
  if (dashes > 1) throw new CliError('Usage: only one of --out, --report and --text can be - (stdout).');
  if (values.html === '-') throw new CliError('Usage: --html needs a file name.');
  if (values.ics === '-') throw new CliError('Usage: --ics needs a folder name.');
  for (const name of ['out', 'report', 'html', 'text'] as const) {
    const path = values[name];
    if (path !== undefined && path !== '-') checkWritable(`--${name}`, path);
  }
  if (values.ics !== undefined && existsSync(values.ics) && !statSync(values.ics).isDirectory()) {
    throw new CliError(`Usage: --ics ${values.ics} is a file, not a folder.`);
  }
  const seed = integerOption(values.seed, '--seed', 0);
  const timeLimitMs = integerOption(values['time-limit'], '--time-limit', 1);
  const maxIterations = integerOption(values['max-iterations'], '--max-iterations', 0);
  const asOf = instantOption(values['as-of'], '--as-of');
  const stamp = instantOption(values.stamp, '--stamp');
  const triage = triageOption(values.triage);
  return {
    ...(seed !== undefined ? { seed } : {}),
    ...(timeLimitMs !== undefined ? { timeLimitMs } : {}),
    ...(maxIterations !== undefined ? { maxIterations } : {}),
    ...(asOf !== undefined ? { asOf } : {}),
    ...(stamp !== undefined ? { stamp } : {}),
    ...(triage !== undefined ? { triage } : {}),
  };
}

function checkWritable(name: string, path: string): void {
  const folder = dirname(path);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new CliError(`Usage: ${name} ${path}: the folder ${folder} does not exist.`);
  if (existsSync(path) && statSync(path).isDirectory()) throw new CliError(`Usage: ${name} ${path} is a folder, not a file.`);
}

function integerOption(value: string | undefined, name: string, min: number): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(number) || number < min) {
    throw new CliError(`Usage: ${name} must be a whole number of at least ${min} (got '${value}').`);
  }
  return number;
}

function instantOption(value: string | undefined, name: string): string | undefined {
  if (value === undefined) return undefined;
  if (!ISO_INSTANT.test(value) || Number.isNaN(Date.parse(value))) {
    throw new CliError(`Usage: ${name} must be an ISO 8601 instant with an offset, e.g. 2026-12-02T07:00:00-08:00 (got '${value}').`);
  }
  return value;
}

const TRIAGES: readonly Triage[] = ['whole-patients', 'spread'];

function triageOption(value: string | undefined): Triage | undefined {
  if (value === undefined) return undefined;
  const triage = TRIAGES.find((t) => t === value);
  if (triage === undefined) throw new CliError(`Usage: --triage must be whole-patients or spread (got '${value}').`);
  return triage;
}
