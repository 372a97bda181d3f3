/**
 * `npm run bench`: scaling benchmark. Each (size, seed) runs in its own child process
 * (`tsx bench/run-one.ts`), so peak RSS belongs to that run. Writes bench/RESULTS.md and
 * bench/results.json; rows of sizes not run this time are kept from the previous results.json.
 * A whole run ends with bench/bound.ts (bench/BOUND.md; with `--iterations`, BOUND-ITERATIONS.md).
 *
 *   npm run bench                              # 30 .. 10,000 patients, 3 seeds each, then the bound rows
 *   npm run bench -- --sizes 30,100 --runs 1   # a quick check, no bound rows (or BENCH_SIZES / BENCH_RUNS)
 *   npm run bench -- --no-bound                # every size, no bound rows
 *   npm run bench -- --no-replan --fresh       # skip the re-planning row / forget old rows
 *   npm run bench -- --render                  # rewrite RESULTS.md from results.json only
 *   npm run bench -- --iterations 20000        # quality by a fixed iteration budget (any machine, any load)
 *   npm run bench -- --no-anytime              # skip the anytime row (bench/anytime.ts)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fitExponent, median } from './measure.js';
import { argument } from './args.js';
import { runMarked } from './child.js';
import { calibrate, calibrationLine, type Calibration } from './calibrate.js';
import { anytimeRows, anytimeText, type AnytimeRow } from './anytime.js';

const SIZES = [30, 100, 300, 1000, 3000, 10000];
/** Solver budget per size, in ms: the targets are 2 s at 1,000 and 30 s at 10,000 patients. */
const TIME_LIMIT_MS = new Map([
  [30, 1000],
  [100, 1000],
  [300, 1500],
  [1000, 2000],
  [3000, 8000],
  [10000, 30000],
]);

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');

const renderOnly = process.argv.includes('--render');
const sizes = renderOnly ? [] : (argument('sizes') ?? process.env.BENCH_SIZES)?.split(',').map(Number).filter((n) => n > 0) ?? SIZES;
const runs = Math.max(1, Number(argument('runs') ?? process.env.BENCH_RUNS ?? 3));
const withReplan = !renderOnly && !process.argv.includes('--no-replan');
const fresh = process.argv.includes('--fresh');
const iterations = argument('iterations') === undefined ? undefined : Number(argument('iterations'));
// Timed first, before the children load the machine: the header says how fast it was.
const calibration: Calibration | undefined = renderOnly ? undefined : calibrate();
if (calibration) console.log(calibrationLine(calibration));

type RunResult = Record<string, unknown> & {
  patients: number;
  wallMs: number;
  firstCompleteMs: number | null;
  timeToBestMs: number | null;
  peakRssMb: number;
  hardViolations: number;
  served: number;
  possible: number;
  staffedMinutes: number;
  staffedLowerBound: number;
  replan?: Record<string, unknown>;
};

function runChild(patients: number, seed: number, extra: string[] = []): Promise<RunResult> {
  // With an iteration budget the time limit only guards against a hang.
  const timeLimit = iterations === undefined ? TIME_LIMIT_MS.get(patients) ?? Math.max(1000, Math.round(patients * 3)) : 3_600_000;
  const budget = iterations === undefined ? [] : ['--max-iterations', String(iterations)];
  const args = ['--patients', String(patients), '--seed', String(seed), '--time-limit', String(timeLimit), ...budget, ...extra];
  return runMarked<RunResult>(join(here, 'run-one.ts'), args, 'BENCH_RESULT', root);
}

interface SizeRow {
  patients: number;
  runs: number;
  timeLimitMs: number;
  medianWallMs: number;
  /** Median process CPU time (user + system) of the solve call; absent in rows from before it was measured. */
  medianCpuMs?: number;
  /** The iteration budget, when quality was measured by iterations rather than time. */
  maxIterations?: number;
  medianFirstCompleteMs: number;
  medianTimeToBestMs: number;
  medianPeakRssMb: number;
  medianIterations: number;
  maxHardViolations: number;
  served: number;
  possible: number;
  medianStaffedMinutes: number;
  staffedLowerBound: number;
  medianStaffedRatio: number;
  date: string;
  results: RunResult[];
}

const date = new Date().toISOString().slice(0, 10);
const previous: { sizes?: SizeRow[]; replan?: unknown } =
  !fresh && existsSync(join(here, 'results.json')) ? (JSON.parse(readFileSync(join(here, 'results.json'), 'utf8')) as { sizes?: SizeRow[] }) : {};
const rows = new Map<number, SizeRow>((previous.sizes ?? []).map((row) => [row.patients, row]));

const failures: Array<{ patients: number; seed: number; error: string }> = [];
for (const patients of sizes) {
  const results: RunResult[] = [];
  for (let seed = 1; seed <= runs; seed++) {
    let result: RunResult;
    try {
      result = await runChild(patients, seed);
    } catch (error) {
      const lines = String(error).split('\n');
      console.error(`${lines[0]?.slice(0, 200)} ${lines.find((line) => /^\w*Error\b/.test(line)) ?? ''}`);
      failures.push({ patients, seed, error: String(error).slice(0, 500) });
      continue;
    }
    results.push(result);
    console.log(
      `${patients} patients, seed ${seed}: ${Math.round(result.wallMs)} ms (first complete ${Math.round(result.firstCompleteMs ?? 0)} ms), ` +
        `${Math.round(result.peakRssMb)} MB, hard ${result.hardViolations}, served ${result.served}/${result.possible}`,
    );
  }
  if (results.length === 0) continue;
  const numbers = (pick: (r: RunResult) => number | null): number => median(results.map(pick).filter((v): v is number => v !== null));
  rows.set(patients, {
    patients,
    runs: results.length,
    timeLimitMs: TIME_LIMIT_MS.get(patients) ?? 0,
    medianWallMs: numbers((r) => r.wallMs),
    medianCpuMs: numbers((r) => (typeof r.cpuMs === 'number' ? r.cpuMs : null)),
    ...(iterations === undefined ? {} : { maxIterations: iterations }),
    medianFirstCompleteMs: numbers((r) => r.firstCompleteMs),
    medianTimeToBestMs: numbers((r) => r.timeToBestMs),
    medianPeakRssMb: numbers((r) => r.peakRssMb),
    medianIterations: numbers((r) => (typeof r.iterations === 'number' ? r.iterations : null)),
    maxHardViolations: Math.max(...results.map((r) => r.hardViolations)),
    served: results.reduce((s, r) => s + r.served, 0),
    possible: results.reduce((s, r) => s + r.possible, 0),
    medianStaffedMinutes: numbers((r) => r.staffedMinutes),
    staffedLowerBound: numbers((r) => r.staffedLowerBound),
    medianStaffedRatio: numbers((r) => (r.staffedLowerBound > 0 ? r.staffedMinutes / r.staffedLowerBound : null)),
    date,
    results,
  });
}

let replanRow: Record<string, unknown> | undefined = previous.replan as Record<string, unknown> | undefined;
if (withReplan) {
  if (existsSync(join(root, 'src', 'replan', 'replan.ts'))) {
    try {
      const result = await runChild(1000, 1, ['--replan']);
      // `date` in the scenario is the call-out's; the run's own date is `ranOn`.
      replanRow = { ...(result.replan ?? { available: false }), ranOn: date };
    } catch (error) {
      replanRow = { available: true, error: `the re-planning run failed: ${String(error).slice(0, 300)}`, ranOn: date };
    }
    console.log(`re-planning: ${JSON.stringify(replanRow)}`);
  } else {
    replanRow = { available: false, ranOn: date };
  }
}

// The anytime row (bench/anytime.ts): 1,000 patients cut at fractions of their first-complete time.
let anytime: AnytimeRow[] = (previous as { anytime?: AnytimeRow[] }).anytime ?? [];
if (!renderOnly && !process.argv.includes('--no-anytime')) anytime = await anytimeRows(1000, runs);

const sorted = [...rows.values()].sort((a, b) => a.patients - b.patients);
const large = sorted.filter((row) => row.patients >= 1000);
const exponents = {
  wall: fitExponent(large.map((row) => ({ n: row.patients, t: row.medianWallMs }))),
  firstComplete: fitExponent(large.map((row) => ({ n: row.patients, t: row.medianFirstCompleteMs }))),
  timeToBest: fitExponent(large.map((row) => ({ n: row.patients, t: row.medianTimeToBestMs }))),
};
const machine = { cores: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', node: process.version, date };
const shownCalibration = calibration ?? (previous as { calibration?: Calibration }).calibration;
writeFileSync(join(here, 'results.json'), `${JSON.stringify({ machine, calibration: shownCalibration, sizes: sorted, exponents, replan: replanRow, failures, anytime }, null, 2)}\n`);

const at = (n: number): SizeRow | undefined => rows.get(n);
const verdict = (row: SizeRow | undefined, limitMs: number): string => {
  if (!row) return 'not measured';
  // Time and memory alone say nothing if the budget ran out before local search and the week is
  // half built: the target counts as met only when local search ran (iterations > 0).
  const fast = row.medianWallMs <= limitMs && row.medianPeakRssMb < 1536;
  const searched = (row.medianIterations ?? 0) > 0;
  // The target is a week that serves every patient diagnose does not prove impossible, in time.
  const servedAll = row.served === row.possible;
  const ok = fast && searched && servedAll && row.maxHardViolations === 0;
  const figures = `median ${(row.medianWallMs / 1000).toFixed(2)} s, peak RSS ${Math.round(row.medianPeakRssMb)} MB, hard ${row.maxHardViolations}; ${row.served} of ${row.possible} possible patients fully served, ${fixed(row.medianStaffedRatio)} x the staffed bound`;
  const why = ok
    ? ''
    : fast && !searched
      ? ': time and memory are within the target, but 0 local-search iterations ran (the budget was spent before the first move), so the week is a cut-short construction'
      : fast && !servedAll
        ? `: time and memory are within the target, but ${row.possible - row.served} patients that diagnose does not prove impossible are not fully served`
        : '';
  return `**${ok ? 'met' : 'missed'}** (${figures})${why}`;
};
const fixed = (value: number | null, digits = 2): string => (value === null || !Number.isFinite(value) ? '-' : value.toFixed(digits));
const scalingVerdict = (): string => {
  if (exponents.firstComplete === null) return 'not measured';
  if (large.some((row) => (row.medianIterations ?? 0) === 0)) return 'not measurable: at some sizes the budget ran out before local search began (0 iterations), so first complete follows the budget too';
  return `${exponents.firstComplete <= 1.3 ? 'met' : 'missed'} on first complete`;
};
const replanText = (): string[] => {
  if (!replanRow || replanRow.available === false) return ['Re-planning: not available (src/replan/replan.ts does not export `replan` yet).'];
  if (replanRow.error) return [`Re-planning: ${String(replanRow.error)}`];
  const r = replanRow as Record<string, number | string>;
  const warm = r.replanWarmMs === undefined ? '-' : String(Math.round(Number(r.replanWarmMs)));
  // The run bounded by iterations: what re-planning finds when the clock does not cut it.
  const b = replanRow.bounded as { maxIterations: number; ms: number; cpuMs: number; hardViolations: number; admittedServed: number; admittedPossible: number; madeShort: number; unchanged: number } | undefined;
  return [
    '| scenario | replan time, first call / warm median of 5 (ms; warm CPU ms) | hard violations | admitted fully served | fully served before, made short | others with an unchanged week |',
    '|---|---:|---:|---:|---:|---:|',
    `| 1,000 patients; ${String(r.staffOut)} out on ${String(r.date)}; 10 admissions | ${Math.round(Number(r.replanMs))} / ${warm}${r.replanWarmCpuMs === undefined ? '' : ` (${Math.round(Number(r.replanWarmCpuMs))} CPU)`} | ${r.hardViolations} | ${r.admittedServed}/${r.admitted} (${r.admittedPossible} not proven impossible) | ${r.servedBeforeMadeShort ?? '-'} | ${fixed(Number(r.unchangedShare) * 100, 1)}% (${r.othersUnchanged}/${r.others}) |`,
    ...(b
      ? [`| the same, bounded by ${b.maxIterations} iterations (not the clock) | ${Math.round(b.ms)} (${Math.round(b.cpuMs)} CPU) | ${b.hardViolations} | ${b.admittedServed}/${r.admitted} (${b.admittedPossible} not proven impossible) | ${b.madeShort} | ${fixed((b.unchanged / Number(r.others)) * 100, 1)}% (${b.unchanged}/${r.others}) |`]
      : []),
    '',
    'First call: the first re-plan in a process that has just solved the week (JIT warm-up included); warm: the median',
    `of 5 more of the same call, as a service that re-plans during the day sees it (load average ${r.loadAverage ?? '-'}). Target: 100 ms or less.${replanRow.warmSameSchedule === false ? ' The warm calls did NOT return the same timetable as the first.' : ''}${replanRow.deterministicWithMaxIterations === false ? ' Two runs with maxIterations did NOT return the same timetable.' : ''}`,
  ];
};

/** How to rerun the benchmarks and compare with these tables: the same text on every run. */
const REPRODUCING = [
  '## Reproducing these figures',
  '',
  '- Run on a quiet machine (`uptime`: load average below the number of cores); every table gives the load or the CPU time',
  '  beside the wall time, and CPU time / wall time near 1 means the run had a core to itself.',
  '- Scale: each results file starts with a calibration line (bench/calibrate.ts, a fixed integer and sort workload).',
  '  Run `npx tsx bench/calibrate.ts` on your machine; times here times (your CPU figure / the one printed) are what to',
  '  expect. On the same machine and load, a rerun matches within 20%: the workloads are fixed, the instances',
  '  generated from seeds, and times are medians.',
  '- Quality (served, staffed, the objective) depends on how much search a time limit buys, so it moves with the',
  '  machine. To compare two versions of the library, or two machines, fix the search instead of the time:',
  '  `npm run bench -- --iterations 20000`, `npm run bench:bound -- --iterations 10000 --name BOUND-ITERATIONS`,',
  '  `npm run bench:seeds -- --iterations 30000`: each run is then a pure function of (instance, seed, iterations,',
  '  build), and equal builds give equal figures anywhere.',
  '- Instances: many generated clinics rather than a few (the search must not be tuned to one seed):',
  '  `npm run bench:bound -- --seeds 1-20` runs 20 instances per size and tightness; bench/BOUND.md has the',
  '  served-against-the-bound rows at tightness 0.9 to 1.5 for 1,000 and 10,000 patients.',
  '- Exact references: `npm run bench:reference` (bench/REFERENCE.md) compares with HiGHS; `--instances 60:1,80:1 --merge`',
  '  reruns some instances and keeps the others.',
  '',
];

const lines = [
  '# Benchmarks',
  '',
  `Machine: ${machine.cores} cores, ${machine.cpu}, Node ${machine.node}; written ${date}. The machine was shared with other`,
  'work while these ran (2 cores), so times are noisy, and larger sizes were run fewer times (see "runs").',
  ...(shownCalibration ? [calibrationLine(shownCalibration)] : []),
  '',
  'Generated by `npm run bench` (bench/run.ts). Each run is a child process (`tsx bench/run-one.ts --patients N --seed S`):',
  'it generates the clinic with `generateProgram({ patients, seed })` (bench/generate.ts), solves it with `solve(problem,',
  '{ seed, timeLimitMs })`, then checks the timetable from scratch with `checkSchedule` and runs `diagnose`. The library',
  'is the built package (dist/, as users install it; `npm run bench` builds first), not the sources through tsx.',
  '',
  '- **wall**: wall time of the `solve` call (the final timetable); **first complete**: `stats.firstCompleteMs`',
  '  (construction done); **best**: `stats.timeToBestMs`; **iterations**: local-search iterations. Medians over the runs.',
  '- **peak RSS**: `process.resourceUsage().maxRSS` in the child right after `solve` (generation + solve).',
  '- **hard**: hard violations `checkSchedule` finds (the most over the runs; must be 0).',
  '- **served**: patients with every requirement met / patients `diagnose` does not prove impossible (summed over runs).',
  '- **staffed**: staff-minutes (meeting minutes x staff), median, against a lower bound for serving the possible patients:',
  '  required individual minutes x seats, plus ceil(group seat-minutes demanded x min over group services of',
  '  staff seats / effective max size), where a patient demands max(weekly minimum - counting individual minutes,',
  '  curriculum and `requires` group minutes) and the effective max size is the group max capped by the largest',
  '  eligible room. It ignores windows and availability, so the ratio overstates the waste on tight clinics.',
  '',
  '| patients | runs | budget (ms) | wall (ms) | CPU (ms) | first complete (ms) | best (ms) | iterations | peak RSS (MB) | hard | served / possible | staffed (h) | bound (h) | ratio |',
  '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ...sorted.map(
    (row) =>
      `| ${row.patients} | ${row.runs} | ${row.maxIterations === undefined ? row.timeLimitMs : `${row.maxIterations} iterations`} | ${Math.round(row.medianWallMs)} | ${row.medianCpuMs === undefined || Number.isNaN(row.medianCpuMs) ? '-' : Math.round(row.medianCpuMs)} | ${Math.round(row.medianFirstCompleteMs)} | ${Math.round(row.medianTimeToBestMs)} | ${fixed(row.medianIterations ?? null, 0)} | ${Math.round(row.medianPeakRssMb)} | ${row.maxHardViolations} | ${row.served} / ${row.possible} | ${fixed(row.medianStaffedMinutes / 60, 1)} | ${fixed(row.staffedLowerBound / 60, 1)} | ${fixed(row.medianStaffedRatio)} |`,
  ),
  '',
  ...(failures.length ? ['', `Failed runs this time: ${failures.map((f) => `${f.patients}/${f.seed}: ${f.error.split('\n')[0]}`).join('; ')}`] : []),
  '',
  '## Targets',
  '',
  `- 1,000 patients <= 2 s: ${verdict(at(1000), 2000)}.`,
  `- 10,000 patients <= 30 s with peak RSS < 1.5 GB: ${verdict(at(10000), 30000)}.`,
  `- Scaling, 1,000 to 10,000 patients (log-log least squares over the sizes measured): wall n^${fixed(exponents.wall)}, first complete n^${fixed(exponents.firstComplete)}, best n^${fixed(exponents.timeToBest)}; target n^1.3: ` +
    `${scalingVerdict()}. The wall time is mostly the budget the runner gives (2 s at 1,000, 8 s at 3,000, 30 s at 10,000), so its exponent measures the budgets, not the solver; first complete is budget-free only when construction finishes inside the budget.`,
  '',
  '## Re-planning',
  '',
  ...replanText(),
  '',
  ...anytimeText(anytime),
  ...REPRODUCING,
];
writeFileSync(join(here, 'RESULTS.md'), lines.join('\n'));
console.log(`exponents ${JSON.stringify(exponents)}`);

// The bound rows close a whole run (run here, not chained in package.json: npm appends a script's
// arguments to its last command only, so `npm run bench -- --sizes 30` reached bench/bound.ts and
// ran every size here). A partial rerun leaves them; `npm run bench:bound` runs them alone.
const partial = renderOnly || argument('sizes') !== undefined || process.env.BENCH_SIZES !== undefined || process.argv.includes('--no-bound');
if (!partial) {
  const fixedSearch = iterations === undefined ? [] : ['--iterations', String(iterations), '--name', 'BOUND-ITERATIONS'];
  const bound = spawnSync(process.execPath, ['--import', 'tsx', join(here, 'bound.ts'), ...fixedSearch], { cwd: root, stdio: 'inherit' });
  if (bound.status !== 0) process.exitCode = bound.status ?? 1;
}
