/**
 * `iop-scheduler`: the command line. {@link main} takes the arguments and the output writers and
 * returns the exit code, so tests run it in-process; `src/cli.ts` wires it to the process.
 */
import { parseArgs } from 'node:util';
import { checkSchedule } from '../pipeline/check-schedule.js';
import { diagnose } from '../diagnose/diagnose.js';
import { explain } from '../pipeline/explain.js';
import { DEFAULT_TIME_LIMIT_MS, solve } from '../pipeline/solve.js';
import { toICalendar, type ICalendarOptions } from '../export/ical.js';
import { renderHtml } from '../export/html.js';
import { renderText } from '../export/text.js';
import { ProblemError } from '../model/issue.js';
import type { Change, SolveOptions } from '../model/options.js';
import type { Problem } from '../model/problem.js';
import type { Report } from '../model/report.js';
import type { Meeting, Schedule } from '../model/schedule.js';
import { calendarFileName } from './file-names.js';
import { readJson, readProblem, readSchedule, writeFiles, writeOutput } from './files.js';
import { HELP } from './help.js';
import { checkOptions, OPTIONS, type Settings, type Values } from './options.js';
import { CliError, EXIT, type CliIo } from './io.js';
import { progressBar } from './progress.js';
import { replan } from '../replan/replan.js';
import type { ReplanResult } from '../replan/types.js';
import { summarise } from './summary.js';
import { terminalIo, terminalSafe } from './terminal.js';
import packageJson from '../../package.json' with { type: 'json' };

/**
 * Runs `iop-scheduler` with `argv` (the arguments after the program name) and returns the exit
 * code: 0 all met, 1 some requirement unmet (or hard rules broken), 2 bad input, 3 internal error.
 * Never throws, never calls `process.exit`.
 *
 * @example
 * ```ts
 * const out: string[] = [];
 * const code = await main(['solve', 'problem.json', '--seed', '7', '--out', 'week.json'], {
 *   stdout: (text) => out.push(text),
 *   stderr: (text) => process.stderr.write(text),
 * });
 * ```
 */
export async function main(argv: readonly string[], unsafeIo: CliIo): Promise<number> {
  // Everything printed passes terminalSafe: ids and messages come from files.
  const io = terminalIo(unsafeIo);
  try {
    return await run(argv, io);
  } catch (error) {
    if (error instanceof CliError) {
      io.stderr(`iop-scheduler: ${error.message}\n`);
      if (error.exitCode === EXIT.badInput && error.message.startsWith('Usage:')) io.stderr("Run 'iop-scheduler --help' for usage.\n");
      return error.exitCode;
    }
    if (error instanceof ProblemError) {
      io.stderr(`iop-scheduler: invalid problem (${error.issues.length} issues):\n${error.issues.map((i) => `  ${terminalSafe(i.path || '(root)')}: ${terminalSafe(i.message)}\n`).join('')}`);
      return EXIT.badInput;
    }
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.stderr(`iop-scheduler: internal error, please report it:\n${message}\n`);
    return EXIT.internal;
  }
}

async function run(argv: readonly string[], io: CliIo): Promise<number> {
  let parsed: { values: Values; positionals: string[] };
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new CliError(`Usage: ${error instanceof Error ? error.message : String(error)}`);
  }
  const { values, positionals } = parsed;
  if (values.version === true) {
    io.stdout(`${packageJson.version}\n`);
    return EXIT.allMet;
  }
  const [command, ...files] = positionals;
  if (values.help === true || command === undefined || command === 'help') {
    io.stdout(HELP);
    return command === undefined && values.help !== true ? EXIT.badInput : EXIT.allMet;
  }
  const names = FILES[command];
  if (names === undefined) throw new CliError(`Usage: unknown command '${command}' (expected solve, check, diagnose or replan).`);
  // Every argument is checked before a file is read or a solve starts.
  const paths = expectFiles(command, files, names);
  const settings = checkOptions(command, values);
  switch (command) {
    case 'solve':
      return solveCommand(paths, values, settings, io);
    case 'check':
      return checkCommand(paths, values, settings, io);
    case 'diagnose':
      return diagnoseCommand(paths, values, io);
    default:
      return replanCommand(paths, values, settings, io);
  }
}

const FILES: Readonly<Record<string, readonly string[]>> = {
  solve: ['problem.json'],
  check: ['problem.json', 'schedule.json'],
  diagnose: ['problem.json'],
  replan: ['problem.json', 'schedule.json', 'changes.json'],
};

function expectFiles(command: string, files: readonly string[], names: readonly string[]): string[] {
  if (files.length !== names.length) {
    throw new CliError(`Usage: iop-scheduler ${command} ${names.map((n) => `<${n}>`).join(' ')} (got ${files.length} file${files.length === 1 ? '' : 's'}).`);
  }
  return [...files];
}

function solveCommand([problemFile]: string[], values: Values, settings: Settings, io: CliIo): number {
  const problem = readProblem(problemFile ?? '', io);
  const { options, done } = solveOptions(values, settings, io);
  let result: { schedule: Schedule; report: Report };
  try {
    result = solve(problem, options);
  } finally {
    done();
  }
  return finish(problem, result.schedule, result.report, values, settings, io);
}

function checkCommand([problemFile, scheduleFile]: string[], values: Values, settings: Settings, io: CliIo): number {
  const problem = readProblem(problemFile ?? '', io);
  const schedule = readSchedule(scheduleFile ?? '');
  return finish(problem, schedule, checkSchedule(problem, schedule), values, settings, io);
}

function diagnoseCommand([problemFile]: string[], values: Values, io: CliIo): number {
  const problem = readProblem(problemFile ?? '', io);
  const diagnosis = diagnose(problem);
  if (values.json === true) {
    io.stdout(`${JSON.stringify(diagnosis, null, 2)}\n`);
  } else {
    const lines = [
      diagnosis.impossible.length === 0
        ? 'Nothing is impossible before solving: every requirement can be met as far as the checks see.'
        : `${diagnosis.impossible.length} finding${diagnosis.impossible.length === 1 ? '' : 's'}: no timetable can meet these.`,
      ...diagnosis.impossible.map((f) => `  ${f.code}: ${terminalSafe(f.message)}`),
    ];
    if (diagnosis.bottlenecks.length > 0) lines.push('', 'Bottlenecks:', ...diagnosis.bottlenecks.map((b) => `  ${terminalSafe(b.message)}`));
    io.stdout(`${lines.join('\n')}\n`);
  }
  return diagnosis.impossible.length === 0 ? EXIT.allMet : EXIT.unmet;
}

async function replanCommand([problemFile, scheduleFile, changesFile]: string[], values: Values, settings: Settings, io: CliIo): Promise<number> {
  const problem = readProblem(problemFile ?? '', io);
  const previous = readSchedule(scheduleFile ?? '');
  const changes = readJson(changesFile ?? '');
  if (!Array.isArray(changes) || !changes.every((c) => typeof c === 'object' && c !== null && typeof (c as { kind?: unknown }).kind === 'string')) {
    throw new CliError(`${changesFile ?? ''}: expected an array of changes, each with a 'kind' (admit, discharge, staff-out, room-closed, missed, pin).`);
  }
  const { options, done } = solveOptions(values, settings, io);
  let result: ReplanResult;
  try {
    result = replan(problem, previous, changes as Change[], { ...options, ...(settings.asOf !== undefined ? { asOf: settings.asOf } : {}) });
  } finally {
    done();
  }
  if (values.quiet !== true) {
    const changed = result.changed.meetings;
    io.stderr(`${changed.length} meeting${changed.length === 1 ? '' : 's'} changed; ${result.changed.patients.length} patients and ${result.changed.staff.length} staff affected.\n`);
    for (const change of changed) io.stderr(`  ${terminalSafe(change.meeting)}: ${change.kinds.join(', ')}\n`);
  }
  // Changed meetings as published: each calendar withdraws those it showed and no longer shows.
  const published = result.changed.meetings.flatMap((m) => (m.before !== undefined ? [m.before] : []));
  return finish(result.problem, result.schedule, result.report, values, settings, io, published);
}

function solveOptions(values: Values, settings: Settings, io: CliIo): { options: SolveOptions; done: () => void } {
  const { seed, timeLimitMs, maxIterations, triage } = settings;
  const bar =
    values.quiet === true
      ? { done: () => undefined }
      : progressBar(io, { timeLimitMs: timeLimitMs ?? DEFAULT_TIME_LIMIT_MS, ...(maxIterations !== undefined ? { maxIterations } : {}) });
  const options: SolveOptions = {
    ...(seed !== undefined ? { seed } : {}),
    ...(timeLimitMs !== undefined ? { timeLimitMs } : {}),
    ...(maxIterations !== undefined ? { maxIterations } : {}),
    ...(triage !== undefined ? { triage } : {}),
    ...('onProgress' in bar && bar.onProgress ? { onProgress: bar.onProgress } : {}),
  };
  return { options, done: bar.done };
}

/** Writes the requested outputs and the summary; the exit code says whether everything is met. */
function finish(problem: Problem, schedule: Schedule, solvedReport: Report, values: Values, settings: Settings, io: CliIo, published: readonly Meeting[] = []): number {
  // Causes and repairs (unverified: verifying re-solves each candidate) for every unmet requirement.
  const report = values.explain === true && solvedReport.unmet.length > 0 ? explain(problem, { schedule, report: solvedReport }, { verify: false }) : solvedReport;
  const toStdout = [values.out, values.report, values.text].includes('-');
  if (values.out !== undefined) writeOutput(values.out, `${JSON.stringify(schedule, null, 2)}\n`, io);
  if (values.report !== undefined) writeOutput(values.report, `${JSON.stringify(report, null, 2)}\n`, io);
  if (values.text !== undefined) writeOutput(values.text, renderText(problem, schedule, { report }), io);
  if (values.html !== undefined) writeOutput(values.html, renderHtml(problem, schedule, { report }), io);
  if (values.ics !== undefined) {
    // One stamp for the whole set: every file of one publication carries the same DTSTAMP.
    const options = { recurring: values.recurring === true, stamp: settings.stamp ?? new Date().toISOString() };
    writeFiles(values.ics, calendars(problem, schedule, published, options));
  }
  if (values.quiet !== true) {
    const summary = summarise(report, schedule.meetings.length);
    if (toStdout) io.stderr(summary);
    else io.stdout(summary);
  }
  return report.feasible && report.allMet ? EXIT.allMet : EXIT.unmet;
}

/**
 * The week's calendar, and one per patient, staff member and room that has sessions or had one
 * withdrawn. `published` holds the changed meetings as last published: a calendar that showed one
 * and no longer does (cancelled, or its patient, staff member or room changed) withdraws it.
 */
function calendars(problem: Problem, schedule: Schedule, published: readonly Meeting[], options: ICalendarOptions): Array<{ name: string; text: string }> {
  const calendar = (name: string, keep: (m: Meeting) => boolean, subject: ICalendarOptions['for']): { name: string; text: string } | undefined => {
    const held = schedule.meetings.filter(keep);
    const heldIds = new Set(held.map((m) => m.id));
    const cancelled = published.filter((m) => keep(m) && !heldIds.has(m.id));
    if (held.length === 0 && cancelled.length === 0) return undefined;
    return { name, text: toICalendar(problem, schedule, { ...options, cancelled, ...(subject !== undefined ? { for: subject } : {}) }) };
  };
  const files = [
    calendar('week.ics', () => true, undefined) ?? { name: 'week.ics', text: toICalendar(problem, schedule, options) },
    ...problem.patients.map((p) => calendar(calendarFileName('patient', p.id), (m) => m.patients.includes(p.id), { patient: p.id })),
    ...problem.staff.map((s) => calendar(calendarFileName('staff', s.id), (m) => m.staff.includes(s.id), { staff: s.id })),
    ...problem.rooms.map((r) => calendar(calendarFileName('room', r.id), (m) => m.room === r.id, { room: r.id })),
  ];
  return files.filter((file) => file !== undefined);
}
