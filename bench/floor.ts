/**
 * The fixed floor of a call (issue 22 item 1, issue 20's limits at scale): what `solve` costs when
 * it does no construction and no search. Per clinic size (bench/generate.ts, seed 1), in its own
 * process so that each size's time and heap are its own:
 * - `validateProblem` alone;
 * - a pre-aborted `solve` (signal already aborted): validation, compilation, the engine's tables,
 *   the export and the report of an empty week;
 * - `solve` with `timeLimitMs: 1`: the same, reached by the clock instead of the signal;
 * - `solve` with `maxIterations: 0` (a generous limit): construction, then what follows it (back to
 *   the best, optional sessions, export, report, causes), split at `stats.firstCompleteMs`.
 * Each call is made `--calls` times in a row (the first is cold); CPU from `process.cpuUsage`, wall
 * from `performance.now`, and the load average beside every row.
 *
 *   tsx bench/floor.ts                                  # 1,000, 5,000 and 10,000 patients
 *   tsx bench/floor.ts --sizes 1000 --calls 3 --no-full # the floor only, quick
 *   node --cpu-prof --cpu-prof-dir /tmp/prof --import tsx bench/floor.ts --one 5000 --no-full
 *
 * Reads the sources (not dist/), so that a profile names the functions. Prints ids and figures
 * only, nothing about patients.
 */
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SolveOptions } from '../src/model/options.js';
import type { Problem } from '../src/model/problem.js';
import { solve, validateProblem } from '../src/index.js';
import { argument } from './args.js';
import { calibrate, calibrationLine, cpuMsSince } from './calibrate.js';
import { runMarked } from './child.js';
import { generateProgram } from './generate.js';

const MARKER = 'FLOOR_RESULT';
const here = dirname(fileURLToPath(import.meta.url));

interface Call {
  call: string;
  round: number;
  wallMs: number;
  cpuMs: number;
  load: number;
  /** For `maxIterations: 0`: the wall time after construction (export, report, causes). */
  afterConstructionMs?: number;
  stoppedBecause?: string;
  unmet?: number;
}

interface SizeResult {
  patients: number;
  calls: Call[];
}

function timed(call: string, round: number, run: () => { stoppedBecause?: string; firstCompleteMs?: number; elapsedMs?: number; unmet?: number } | void): Call {
  const cpu = process.cpuUsage();
  const startedAt = performance.now();
  const info = run() ?? {};
  const wallMs = performance.now() - startedAt;
  const row: Call = { call, round, wallMs, cpuMs: cpuMsSince(cpu), load: loadavg()[0]! };
  if (info.stoppedBecause !== undefined) row.stoppedBecause = info.stoppedBecause;
  if (info.unmet !== undefined) row.unmet = info.unmet;
  if (info.firstCompleteMs !== undefined && info.elapsedMs !== undefined) row.afterConstructionMs = info.elapsedMs - info.firstCompleteMs;
  return row;
}

function solved(problem: Problem, options: SolveOptions): { stoppedBecause?: string; firstCompleteMs?: number; elapsedMs?: number; unmet: number } {
  const { report } = solve(problem, options);
  const stats = report.stats;
  return { ...(stats ? { stoppedBecause: stats.stoppedBecause, firstCompleteMs: stats.firstCompleteMs, elapsedMs: stats.elapsedMs } : {}), unmet: report.unmet.length };
}

/** One size, in this process. */
function measureSize(patients: number, rounds: number, full: boolean): SizeResult {
  const problem = generateProgram({ patients, seed: 1 });
  const calls: Call[] = [];
  const aborted = AbortSignal.abort();
  for (let round = 0; round < rounds; round++) {
    calls.push(timed('validateProblem', round, () => void validateProblem(problem)));
    calls.push(timed('solve pre-aborted', round, () => solved(problem, { seed: 1, timeLimitMs: 60_000, signal: aborted })));
    calls.push(timed('solve timeLimitMs 1', round, () => solved(problem, { seed: 1, timeLimitMs: 1 })));
  }
  if (full) {
    for (let round = 0; round < Math.min(rounds, 2); round++) {
      calls.push(timed('solve maxIterations 0', round, () => solved(problem, { seed: 1, maxIterations: 0, timeLimitMs: 120_000 })));
    }
  }
  return { patients, calls };
}

const rounds = Number(argument('calls') ?? '3');
const full = !process.argv.includes('--no-full');
const one = argument('one');

if (one !== undefined) {
  const result = measureSize(Number(one), rounds, full);
  process.stdout.write(`${MARKER} ${JSON.stringify(result)}\n`);
} else {
  const sizes = (argument('sizes') ?? '1000,5000,10000').split(',').map(Number).filter((n) => n > 0);
  const calibration = calibrate();
  const lines: string[] = [
    `Node ${process.version}; load at start ${loadavg().map((l) => l.toFixed(2)).join(', ')}; ${calibrationLine(calibration)}`,
    '',
    '| patients | call | round | wall ms | CPU ms | after construction ms | stopped | unmet | load |',
    '|---:|---|---:|---:|---:|---:|---|---:|---:|',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  for (const patients of sizes) {
    const args = ['--one', String(patients), '--calls', String(rounds), ...(full ? [] : ['--no-full'])];
    const result = await runMarked<SizeResult>(join(here, 'floor.ts'), args, MARKER, join(here, '..'));
    for (const c of result.calls) {
      const after = c.afterConstructionMs === undefined ? '' : c.afterConstructionMs.toFixed(0);
      process.stdout.write(
        `| ${patients} | ${c.call} | ${c.round + 1} | ${c.wallMs.toFixed(0)} | ${c.cpuMs.toFixed(0)} | ${after} | ${c.stoppedBecause ?? ''} | ${c.unmet ?? ''} | ${c.load.toFixed(2)} |\n`,
      );
    }
  }
}
