/**
 * `npm run bench:limits`: whether every public call keeps its time limit and how fast an abort
 * stops it, on the built package. Writes bench/LIMITS.md.
 *
 * For each clinic size (bench/generate.ts) and each limit: the wall and CPU time of `solve`,
 * `replan` (a call-out and three admissions on the solved week) and `checkSchedule` (of an empty
 * and of a half-solved week), how far past the limit each returned, and whether it met the target
 * (1.1 x limit + 100 ms). Per size: abort rows (an abort inside `onProgress` at about 50 ms, a
 * pre-aborted `solve`, `solveInWorker` aborted from a timer at 50 ms; target 50 ms, worker
 * 100 ms), the floor no call can go below (validation and compilation: a pre-aborted `solve`),
 * and the longest gap between two `onProgress` calls per phase.
 *
 *   npm run bench:limits                                 # 100 .. 10,000 patients, 300/1,000/3,000 ms
 *   npm run bench:limits -- --sizes 100,1000 --limits 300  # a quick check
 *   /work/shared/tools/with-load.sh npm run bench:limits -- --loaded   # beside two busy processes
 *
 * Ids only: nothing about patients is printed.
 */
import { execSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Change, Progress } from '../src/model/options.js';
import type { Problem } from '../src/model/problem.js';
import type { Schedule } from '../src/model/schedule.js';
import { argument } from './args.js';
import { generateProgram } from './generate.js';
import { builtAt, loadLibrary } from './library.js';

const here = dirname(fileURLToPath(import.meta.url));
const list = (text: string | undefined, fallback: number[]): number[] => text?.split(',').map(Number).filter((n) => n > 0) ?? fallback;
const sizes = list(argument('sizes'), [100, 1000, 5000, 10000]);
const limits = list(argument('limits'), [300, 1000, 3000]);
const loaded = process.argv.includes('--loaded') || process.env.BENCH_LOADED === '1';
const out = argument('out') ?? join(here, 'LIMITS.md');
/** When the abort inside `onProgress` is made, and when the worker's timer fires. */
const ABORT_AT_MS = 50;

const lib = await loadLibrary();

const target = (limit: number): number => 1.1 * limit + 100;

interface Timed<T> {
  value: T;
  wallMs: number;
  cpuMs: number;
}

function timed<T>(run: () => T): Timed<T> {
  const cpu = process.cpuUsage();
  const startedAt = performance.now();
  const value = run();
  const wallMs = performance.now() - startedAt;
  const used = process.cpuUsage(cpu);
  return { value, wallMs, cpuMs: (used.user + used.system) / 1000 };
}

/** Longest gap between two `onProgress` calls, by the phase that ran in between. */
class Gaps {
  readonly byPhase = new Map<string, number>();
  #last: { at: number; phase: string } | undefined;

  readonly onProgress = (progress: Progress): void => {
    const at = performance.now();
    if (this.#last) {
      const gap = at - this.#last.at;
      const phase = this.#last.phase;
      this.byPhase.set(phase, Math.max(this.byPhase.get(phase) ?? 0, gap));
    }
    this.#last = { at, phase: progress.phase };
  };

  merge(other: Gaps): void {
    for (const [phase, gap] of other.byPhase) this.byPhase.set(phase, Math.max(this.byPhase.get(phase) ?? 0, gap));
  }
}

interface CallRow {
  patients: number;
  limitMs: number;
  call: string;
  wallMs: number;
  cpuMs: number;
  stopped: string;
  /** The same call on the same input, pre-aborted (warm): what it costs when it builds nothing. */
  floorMs: number;
}

interface AbortRow {
  patients: number;
  kind: string;
  /** From the abort (or the call, when pre-aborted) to the return. */
  latencyMs: number;
  wallMs: number;
  targetMs: number;
  outcome: string;
}

const calls: CallRow[] = [];
const aborts: AbortRow[] = [];
const floors: Array<{ patients: number; validateMs: number; validateCpuMs: number; preAbortedMs: number; preAbortedCpuMs: number; coldMs: number }> = [];
const gaps = new Map<number, Gaps>();

/** Changes on a solved week: its busiest clinician out on their busiest day, three admissions. */
function changesFor(problem: Problem, schedule: Schedule): Change[] {
  const load = new Map<string, number>();
  for (const meeting of schedule.meetings) for (const staff of meeting.staff) load.set(`${staff} ${meeting.date}`, (load.get(`${staff} ${meeting.date}`) ?? 0) + 1);
  const busiest = [...load].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
  const changes: Change[] = [];
  if (busiest) {
    const [staff, date] = busiest[0].split(' ') as [string, string];
    changes.push({ kind: 'staff-out', staff, date });
  }
  for (let k = 0; k < 3; k++) {
    const { avoid: _avoid, admittedOn: _admitted, dischargedOn: _discharged, ...rest } = problem.patients[(k * 97) % problem.patients.length]!;
    changes.push({ kind: 'admit', patient: { ...structuredClone(rest), id: `bench-admit-${k + 1}` } });
  }
  return changes;
}

async function workerAbort(problem: Problem): Promise<AbortRow> {
  const controller = new AbortController();
  const startedAt = performance.now();
  let abortedAt = Infinity;
  const timer = setTimeout(() => {
    abortedAt = performance.now();
    controller.abort();
  }, ABORT_AT_MS);
  let outcome: string;
  try {
    const { report } = await lib.solveInWorker(problem, { seed: 1, timeLimitMs: 60_000, signal: controller.signal });
    outcome = `resolved: ${report.stats?.stoppedBecause ?? '?'}`;
  } catch (error) {
    outcome = `rejected: ${error instanceof Error || error instanceof DOMException ? error.name : String(error)}`;
  }
  clearTimeout(timer);
  const endedAt = performance.now();
  return { patients: problem.patients.length, kind: 'worker, timer at 50 ms', latencyMs: endedAt - Math.min(abortedAt, endedAt), wallMs: endedAt - startedAt, targetMs: 100, outcome };
}

function syncAbort(problem: Problem, sink: Gaps): AbortRow {
  const controller = new AbortController();
  const startedAt = performance.now();
  let abortedAt = Infinity;
  let phase = '';
  const onProgress = (progress: Progress): void => {
    sink.onProgress(progress);
    if (!controller.signal.aborted && performance.now() - startedAt >= ABORT_AT_MS) {
      abortedAt = performance.now();
      phase = progress.phase;
      controller.abort();
    }
  };
  const { report } = lib.solve(problem, { seed: 1, timeLimitMs: 60_000, signal: controller.signal, onProgress });
  const endedAt = performance.now();
  return {
    patients: problem.patients.length,
    kind: 'sync, onProgress at 50 ms',
    latencyMs: endedAt - Math.min(abortedAt, endedAt),
    wallMs: endedAt - startedAt,
    targetMs: 50,
    outcome: `${report.stats?.stoppedBecause ?? '?'} (aborted in ${phase || 'no progress call'}, at ${(Math.min(abortedAt, endedAt) - startedAt).toFixed(0)} ms)`,
  };
}

const startLoad = loadavg();
const uptime = (() => {
  try {
    return execSync('uptime', { encoding: 'utf8' }).trim();
  } catch {
    return `load average: ${startLoad.map((l) => l.toFixed(2)).join(', ')}`;
  }
})();
console.error(`bench:limits sizes ${sizes.join(',')} limits ${limits.join(',')}${loaded ? ' (loaded)' : ''}; ${uptime}`);

// Warm the JIT on a small clinic first, so the first row is not the cold start of the process.
lib.solve(generateProgram({ patients: 30, seed: 9 }), { seed: 1, maxIterations: 500, timeLimitMs: 2000 });

for (const patients of sizes) {
  const problem = generateProgram({ patients, seed: 1 });
  const sink = new Gaps();
  gaps.set(patients, sink);
  const validate = timed(() => lib.validateProblem(problem));
  const preAbortedSolve = (): Timed<ReturnType<typeof lib.solve>> =>
    timed(() => {
      const controller = new AbortController();
      controller.abort();
      return lib.solve(problem, { seed: 1, timeLimitMs: 60_000, signal: controller.signal });
    });
  // The first call at a size pays for a cold start (JIT, first garbage collections): the floor is the second.
  const coldAborted = preAbortedSolve();
  const preAborted = preAbortedSolve();
  floors.push({ patients, validateMs: validate.wallMs, validateCpuMs: validate.cpuMs, preAbortedMs: preAborted.wallMs, preAbortedCpuMs: preAborted.cpuMs, coldMs: coldAborted.wallMs });
  aborts.push({ patients, kind: 'pre-aborted solve', latencyMs: preAborted.wallMs, wallMs: preAborted.wallMs, targetMs: 50, outcome: preAborted.value.report.stats?.stoppedBecause ?? '?' });
  aborts.push(syncAbort(problem, sink));
  aborts.push(await workerAbort(problem));
  for (const limitMs of limits) {
    const callSink = new Gaps();
    const aborted = (): AbortSignal => {
      const controller = new AbortController();
      controller.abort();
      return controller.signal;
    };
    const solved = timed(() => lib.solve(problem, { seed: 1, timeLimitMs: limitMs, onProgress: callSink.onProgress }));
    const solveFloor = preAborted.wallMs;
    calls.push({ patients, limitMs, call: 'solve', wallMs: solved.wallMs, cpuMs: solved.cpuMs, stopped: solved.value.report.stats?.stoppedBecause ?? '', floorMs: solveFloor });
    const schedule = solved.value.schedule;
    const changes = changesFor(problem, schedule);
    const replanned = timed(() => lib.replan(problem, schedule, changes, { seed: 1, timeLimitMs: limitMs, onProgress: callSink.onProgress }));
    const replanFloor = timed(() => lib.replan(problem, schedule, changes, { seed: 1, timeLimitMs: limitMs, signal: aborted() }));
    calls.push({ patients, limitMs, call: 'replan', wallMs: replanned.wallMs, cpuMs: replanned.cpuMs, stopped: replanned.value.report.stats?.stoppedBecause ?? '', floorMs: replanFloor.wallMs });
    const empty: Schedule = { timeZone: problem.timeZone, weekStart: problem.weekStart, meetings: [] };
    const half: Schedule = { ...schedule, meetings: schedule.meetings.filter((_, i) => i % 2 === 0) };
    for (const [call, week] of [['checkSchedule (empty)', empty], ['checkSchedule (half)', half]] as const) {
      const checked = timed(() => lib.checkSchedule(problem, week, { timeLimitMs: limitMs, onProgress: callSink.onProgress }));
      const checkFloor = timed(() => lib.checkSchedule(problem, week, { timeLimitMs: limitMs, signal: aborted() }));
      const cut = checked.value.unmet.filter((entry) => entry.causes.some((cause) => cause.code === 'not-analysed')).length;
      calls.push({ patients, limitMs, call, wallMs: checked.wallMs, cpuMs: checked.cpuMs, stopped: `${cut}/${checked.value.unmet.length} not analysed`, floorMs: checkFloor.wallMs });
    }
    sink.merge(callSink);
    console.error(`  ${patients} patients, ${limitMs} ms: done`);
  }
}

const ms = (n: number): string => (Number.isFinite(n) ? n.toFixed(0) : '-');
const floorOf = (patients: number): number => floors.find((f) => f.patients === patients)?.preAbortedMs ?? 0;
const verdict = (row: CallRow): string => {
  if (row.wallMs <= target(row.limitMs)) return 'met';
  return row.floorMs > target(row.limitMs) ? `missed: its floor ${ms(row.floorMs)} ms` : 'missed';
};
const lines: string[] = [];
lines.push('# Time limits and aborts (`npm run bench:limits`)', '');
lines.push(`Built package of ${builtAt()}; ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), Node ${process.version}.`);
lines.push(`Load at start: \`${uptime}\`. Beside load (two busy CPU processes, with-load.sh): **${loaded ? 'yes' : 'no'}**.`);
lines.push(`Clinics: bench/generate.ts, seed 1. Target: every call returns within 1.1 x limit + 100 ms; an abort within 50 ms (worker 100 ms).`, '');
lines.push('## Calls against their limit', '');
lines.push('Floor: the same call on the same input with an aborted signal (warm, right after the call): validation,');
lines.push('compilation, the engine\'s tables (for `replan`, reading and scoring the published week), export, report and');
lines.push('causes, nothing built. A call whose floor is past its target cannot meet it at that size, whatever its limit.', '');
lines.push('| patients | limit ms | call | wall ms | CPU ms | past limit ms | target ms | floor ms | target | stopped / causes | loaded |');
lines.push('|---:|---:|---|---:|---:|---:|---:|---:|---|---|---|');
for (const row of calls) {
  lines.push(`| ${row.patients} | ${row.limitMs} | ${row.call} | ${ms(row.wallMs)} | ${ms(row.cpuMs)} | ${ms(Math.max(0, row.wallMs - row.limitMs))} | ${ms(target(row.limitMs))} | ${ms(row.floorMs)} | ${verdict(row)} | ${row.stopped} | ${loaded ? 'yes' : 'no'} |`);
}
lines.push('', '## Aborts', '');
lines.push('| patients | abort | abort to return ms | call wall ms | target ms | target | outcome | loaded |');
lines.push('|---:|---|---:|---:|---:|---|---|---|');
for (const row of aborts) {
  const floor = floorOf(row.patients);
  const met = row.latencyMs <= row.targetMs ? 'met' : row.kind.startsWith('pre-aborted') || floor > row.targetMs ? `missed: validation+compile+report floor ${ms(floor)} ms` : 'missed';
  lines.push(`| ${row.patients} | ${row.kind} | ${ms(row.latencyMs)} | ${ms(row.wallMs)} | ${row.targetMs} | ${met} | ${row.outcome} | ${loaded ? 'yes' : 'no'} |`);
}
lines.push('', '## Floor: what no call returns below', '');
lines.push('Validation, then a pre-aborted `solve` (validation, compilation, the engine\'s tables, export and report of');
lines.push('an empty week), warm (the second call at the size; the first, cold, beside it).', '');
lines.push('| patients | validateProblem ms | CPU ms | per patient ms | pre-aborted solve ms | CPU ms | per patient ms | cold ms |');
lines.push('|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const f of floors) {
  lines.push(`| ${f.patients} | ${ms(f.validateMs)} | ${ms(f.validateCpuMs)} | ${(f.validateMs / f.patients).toFixed(3)} | ${ms(f.preAbortedMs)} | ${ms(f.preAbortedCpuMs)} | ${(f.preAbortedMs / f.patients).toFixed(3)} | ${ms(f.coldMs)} |`);
}
lines.push('', '## Longest gap between two onProgress calls, by phase (ms; target 250 but validate/compile)', '');
const phases = ['validate', 'compile', 'construct', 'replan', 'search', 'export', 'report', 'causes'];
lines.push(`| patients | ${phases.join(' | ')} |`);
lines.push(`|---:|${phases.map(() => '---:').join('|')}|`);
for (const [patients, sink] of gaps) lines.push(`| ${patients} | ${phases.map((phase) => ms(sink.byPhase.get(phase) ?? Number.NaN)).join(' | ')} |`);
lines.push('', 'The gap of a phase is measured from its last report to the next report, whatever phase that is: the');
lines.push('gap of `report` includes the export and report that cannot be cut, and of `validate` the validation.', '');
writeFileSync(out, `${lines.join('\n')}\n`);
console.error(`bench:limits: wrote ${out}`);
