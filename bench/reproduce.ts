/**
 * `npm run bench:reproduce`: reruns rows of bench/results.json (what RESULTS.md shows) with the
 * same clinics, seeds and budgets, and prints each figure beside the stored one, flagging any that
 * moved more than 20% (issue 22 item 6: "a rerun matches RESULTS.md within 20%"). Times are also
 * shown scaled by the calibration workload (this run's CPU figure / the stored one), which is what
 * to compare on another machine. Writes nothing.
 *
 *   npm run bench:reproduce                        # 30, 100, 300 and 1,000 patients
 *   npm run bench:reproduce -- --sizes 1000 --runs 3
 *
 * Quality figures (iterations, served) follow the time a budget buys: they match only on a
 * machine as fast and as quiet as the stored run's (the load is printed). A row measured with
 * `--iterations` is rerun with the same iteration budget, so its quality figures must match exactly.
 */
import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { argument } from './args.js';
import { calibrate, calibrationLine, type Calibration } from './calibrate.js';
import { runMarked } from './child.js';
import { median } from './measure.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
/** The largest relative change a rerun may show (issue 22 item 6). */
const TOLERANCE = 0.2;

interface StoredRow {
  patients: number;
  runs: number;
  timeLimitMs: number;
  maxIterations?: number;
  medianWallMs: number;
  medianCpuMs?: number;
  medianFirstCompleteMs: number;
  medianPeakRssMb: number;
  medianIterations: number;
  served: number;
  possible: number;
  medianStaffedRatio: number;
}

interface RunResult {
  wallMs: number;
  cpuMs?: number;
  firstCompleteMs: number | null;
  peakRssMb: number;
  iterations?: number;
  served: number;
  possible: number;
  staffedMinutes: number;
  staffedLowerBound: number;
}

const file = join(here, 'results.json');
if (!existsSync(file)) throw new Error('bench/results.json is missing: run `npm run bench` first.');
const stored = JSON.parse(readFileSync(file, 'utf8')) as { calibration?: Calibration; sizes?: StoredRow[] };
const sizes = (argument('sizes') ?? '30,100,300,1000').split(',').map(Number).filter((n) => n > 0);
const runsArgument = argument('runs');

const calibration = calibrate();
console.log(calibrationLine(calibration));
const scale = stored.calibration ? stored.calibration.cpuMs / calibration.cpuMs : 1;
const load = (): string => loadavg().map((l) => l.toFixed(2)).join(', ');
console.log(`load average at start: ${load()}; times scaled by ${scale.toFixed(2)} (stored calibration CPU / this one)`);

/** One figure of a row: stored, rerun, the rerun scaled (times only), and whether it is within the tolerance. */
function figure(name: string, before: number | undefined, after: number, isTime: boolean): string {
  if (before === undefined || !Number.isFinite(before)) return `${name.padEnd(16)} stored -, rerun ${after.toFixed(0)}`;
  const compared = isTime ? after * scale : after;
  const change = before === 0 ? (compared === 0 ? 0 : Infinity) : compared / before - 1;
  const verdict = Math.abs(change) <= TOLERANCE ? 'within 20%' : 'MOVED';
  const scaled = isTime ? ` (scaled ${compared.toFixed(0)})` : '';
  return `${name.padEnd(16)} stored ${before.toFixed(name === 'staffed ratio' ? 2 : 0)}, rerun ${after.toFixed(name === 'staffed ratio' ? 2 : 0)}${scaled}: ${(change * 100).toFixed(0)}% ${verdict}`;
}

let moved = 0;
for (const patients of sizes) {
  const row = stored.sizes?.find((r) => r.patients === patients);
  if (!row) {
    console.log(`${patients} patients: no stored row in bench/results.json`);
    continue;
  }
  const runs = Math.max(1, Number(runsArgument ?? row.runs));
  const results: RunResult[] = [];
  for (let seed = 1; seed <= runs; seed++) {
    const budget = row.maxIterations === undefined ? ['--time-limit', String(row.timeLimitMs)] : ['--time-limit', '3600000', '--max-iterations', String(row.maxIterations)];
    results.push(await runMarked<RunResult>(join(here, 'run-one.ts'), ['--patients', String(patients), '--seed', String(seed), ...budget], 'BENCH_RESULT', root));
  }
  const middle = (pick: (r: RunResult) => number | null | undefined): number => median(results.map(pick).filter((v): v is number => typeof v === 'number'));
  const lines = [
    figure('wall ms', row.medianWallMs, middle((r) => r.wallMs), true),
    figure('CPU ms', row.medianCpuMs, middle((r) => r.cpuMs), true),
    figure('first complete', row.medianFirstCompleteMs, middle((r) => r.firstCompleteMs), true),
    figure('peak RSS MB', row.medianPeakRssMb, middle((r) => r.peakRssMb), false),
    figure('iterations', row.medianIterations, middle((r) => r.iterations), false),
    figure('served', runs === row.runs ? row.served : undefined, results.reduce((s, r) => s + r.served, 0), false),
    figure('staffed ratio', row.medianStaffedRatio, middle((r) => (r.staffedLowerBound > 0 ? r.staffedMinutes / r.staffedLowerBound : null)), false),
  ];
  moved += lines.filter((line) => line.endsWith('MOVED')).length;
  console.log(`\n${patients} patients, ${runs} run(s), ${row.maxIterations === undefined ? `${row.timeLimitMs} ms budget` : `${row.maxIterations} iterations`}; load now ${load()}`);
  for (const line of lines) console.log(`  ${line}`);
}
console.log(`\n${moved} figure(s) moved more than 20%.`);
