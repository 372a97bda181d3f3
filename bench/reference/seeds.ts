/**
 * The library over many seeds against the HiGHS answers already stored in
 * bench/reference-results.json, at a fixed iteration budget:
 *   npm run bench:seeds -- [--iterations 30000] [--seeds 1-10] [--instances 20:1,35:1,120:2]
 *
 * For comparing two versions of the search. With the time limit out of the way, every run is a
 * pure function of (instance, seed, iterations, build), so two builds differ only by what was
 * changed, on any machine and under any load; a time-limited run also measures the machine.
 * Single runs of the over-full instances scatter widely between seeds (one seed at the optimum,
 * the next 3% away), so judge a change on a hundred runs or more, not on one table.
 *
 * An instance of `--instances` with no stored HiGHS answer (held out: 80:2, 120:3) is run too and
 * judged against the library itself: its median objective over the seeds, to compare between two
 * builds. Each row also says how the runs ended: the median iteration of the last new best and how
 * many stopped for want of one (`no-improvement`, the patience of solve.ts) before the budget, so
 * a reader sees whether more iterations would help (budget) or the search had stopped finding
 * anything (stuck), and the median CPU a run took, to turn iterations into seconds.
 * Prints a table and a last line `SEEDS_RESULT {json}`; writes nothing.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { referenceInstance } from './instance.js';
import { coreObjective, coreWeights, gapTo } from './compare.js';
import { argument } from '../args.js';
import { cpuMsSince } from '../calibrate.js';
import { loadLibrary } from '../library.js';
import { median } from '../measure.js';

interface StoredRow {
  patients: number;
  seed: number;
  highs: { status: string; objective: { value: number } | null };
}

/** One instance to run: its stored HiGHS answer, or null when held out. */
interface Target {
  patients: number;
  seed: number;
  reference: number | null;
  status: string;
}

const stored = JSON.parse(readFileSync(fileURLToPath(new URL('../reference-results.json', import.meta.url)), 'utf8')) as { rows: StoredRow[] };
const iterations = Math.max(1, Math.trunc(Number(argument('iterations') ?? 30_000)));
const [firstSeed, lastSeed] = (argument('seeds') ?? '1-10').split('-').map(Number) as [number, number];
const wanted = argument('instances')?.split(',');
const answered: Target[] = stored.rows
  .filter((row) => row.highs.objective !== null)
  .map((row) => ({ patients: row.patients, seed: row.seed, reference: row.highs.objective!.value, status: row.highs.status === 'Optimal' ? 'optimal' : 'incumbent' }));
const heldOut = (wanted ?? [])
  .filter((name) => !answered.some((row) => `${row.patients}:${row.seed}` === name))
  .map((name): Target => {
    const [patients, seed] = name.split(':').map(Number) as [number, number];
    return { patients, seed, reference: null, status: 'held out' };
  })
  .filter((row) => Number.isInteger(row.patients) && row.patients > 0 && Number.isInteger(row.seed));
const rows = [...answered.filter((row) => !wanted || wanted.includes(`${row.patients}:${row.seed}`)), ...heldOut];
if (rows.length === 0 || !(lastSeed >= firstSeed)) {
  console.error('bench:seeds: no instance matches (give --instances patients:seed,...), or the seed range is empty.');
  process.exit(2);
}

const { solve } = await loadLibrary();
const results: Array<{
  instance: string;
  optimum: number | null;
  runs: number;
  atOptimum: number | null;
  meanGap: number | null;
  worstGap: number | null;
  medianObjective: number;
  medianBestIteration: number;
  stoppedNoImprovement: number;
  medianCpuMs: number;
  /** Each run's objective, seed by seed (for paired comparisons between two builds). */
  objectives: number[];
}> = [];
const percent = (value: number | null): string => (value === null ? '-' : `${(value * 100).toFixed(3)}%`);
console.log(`Library (dist/) at ${iterations} iterations, seeds ${firstSeed}-${lastSeed}, against HiGHS's stored answers (held out: against itself).`);
console.log('| patients | seed | HiGHS | runs at the optimum | mean gap | worst gap | median objective | median iteration of the best | stopped, no new best | median CPU a run (ms) |');
console.log('|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|');
for (const row of rows) {
  const values: number[] = [];
  const bestIterations: number[] = [];
  const cpu: number[] = [];
  let stuck = 0;
  for (let seed = firstSeed; seed <= lastSeed; seed++) {
    const since = process.cpuUsage();
    // The time limit only guards against a hang: the iteration budget ends every run.
    const { report } = solve(referenceInstance(row.patients, row.seed), { seed, maxIterations: iterations, timeLimitMs: 600_000, weights: coreWeights(), triage: 'spread' });
    cpu.push(cpuMsSince(since));
    const stats = report.stats!;
    if (stats.stoppedBecause === 'time-limit') throw new Error(`bench:seeds: ${row.patients}:${row.seed} seed ${seed} hit the time limit; the run is not reproducible`);
    if (stats.stoppedBecause === 'no-improvement') stuck += 1;
    values.push(coreObjective(report).value);
    // The search's share of the run, read from the times solve reports (an estimate: iterations are not timed one by one).
    const searchMs = Math.max(1, stats.elapsedMs - stats.firstCompleteMs);
    bestIterations.push(Math.round(stats.iterations * Math.min(1, Math.max(0, stats.timeToBestMs - stats.firstCompleteMs) / searchMs)));
  }
  const gaps = row.reference === null ? null : values.map((value) => gapTo(value, row.reference!));
  const result = {
    instance: `${row.patients}:${row.seed}`,
    optimum: row.reference,
    runs: values.length,
    atOptimum: gaps && gaps.filter((gap) => gap <= 0).length,
    meanGap: gaps && gaps.reduce((sum, gap) => sum + gap, 0) / gaps.length,
    worstGap: gaps && Math.max(...gaps),
    medianObjective: median(values),
    medianBestIteration: Math.round(median(bestIterations)),
    stoppedNoImprovement: stuck,
    medianCpuMs: Math.round(median(cpu)),
    objectives: values,
  };
  results.push(result);
  const atOptimum = result.atOptimum === null ? '-' : `${result.atOptimum}/${result.runs}`;
  console.log(
    `| ${row.patients} | ${row.seed} | ${row.status} | ${atOptimum} | ${percent(result.meanGap)} | ${percent(result.worstGap)} | ${result.medianObjective} | ` +
      `${result.medianBestIteration} | ${stuck}/${result.runs} | ${result.medianCpuMs} |`,
  );
}
const judged = results.filter((r) => r.atOptimum !== null);
const runs = judged.reduce((sum, r) => sum + r.runs, 0);
const atOptimum = judged.reduce((sum, r) => sum + r.atOptimum!, 0);
const meanGap = runs === 0 ? 0 : judged.reduce((sum, r) => sum + r.meanGap! * r.runs, 0) / runs;
console.log(`All with a HiGHS answer: ${atOptimum}/${runs} runs at the optimum, mean gap ${(meanGap * 100).toFixed(3)}%.`);
console.log(`SEEDS_RESULT ${JSON.stringify({ iterations, seeds: [firstSeed, lastSeed], runs, atOptimum, meanGap, instances: results })}`);
