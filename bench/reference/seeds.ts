/**
 * The library over many seeds against the HiGHS answers already stored in
 * bench/reference-results.json, at a fixed iteration budget:
 *   npm run bench:seeds -- [--iterations 30000] [--seeds 1-10] [--instances 20:1,35:1]
 *
 * For comparing two versions of the search. With the time limit out of the way, every run is a
 * pure function of (instance, seed, iterations, build), so two builds differ only by what was
 * changed, on any machine and under any load; a time-limited run also measures the machine.
 * Single runs of the over-full instances scatter widely between seeds (one seed at the optimum,
 * the next 3% away), so judge a change on a hundred runs or more, not on one table.
 * Prints a table and a last line `SEEDS_RESULT {json}`; writes nothing.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { referenceInstance } from './instance.js';
import { coreObjective, coreWeights, gapTo } from './compare.js';
import { argument } from '../args.js';
import { loadLibrary } from '../library.js';

interface StoredRow {
  patients: number;
  seed: number;
  highs: { status: string; objective: { value: number } | null };
}

const stored = JSON.parse(readFileSync(fileURLToPath(new URL('../reference-results.json', import.meta.url)), 'utf8')) as { rows: StoredRow[] };
const iterations = Math.max(1, Math.trunc(Number(argument('iterations') ?? 30_000)));
const [firstSeed, lastSeed] = (argument('seeds') ?? '1-10').split('-').map(Number) as [number, number];
const wanted = argument('instances')?.split(',');
const rows = stored.rows.filter((row) => row.highs.objective !== null && (!wanted || wanted.includes(`${row.patients}:${row.seed}`)));
if (rows.length === 0 || !(lastSeed >= firstSeed)) {
  console.error('bench:seeds: no instance with a stored HiGHS answer matches, or the seed range is empty (run npm run bench:reference first).');
  process.exit(2);
}

const { solve } = await loadLibrary();
const results: Array<{ instance: string; optimum: number; runs: number; atOptimum: number; meanGap: number; worstGap: number }> = [];
console.log(`Library (dist/) at ${iterations} iterations, seeds ${firstSeed}-${lastSeed}, against HiGHS's stored answers.`);
console.log('| patients | seed | HiGHS | runs at the optimum | mean gap | worst gap |');
console.log('|---:|---:|---|---:|---:|---:|');
for (const row of rows) {
  const reference = row.highs.objective!.value;
  const gaps: number[] = [];
  for (let seed = firstSeed; seed <= lastSeed; seed++) {
    // The time limit only guards against a hang: the iteration budget ends every run.
    const { report } = solve(referenceInstance(row.patients, row.seed), { seed, maxIterations: iterations, timeLimitMs: 600_000, weights: coreWeights(), triage: 'spread' });
    if (report.stats?.stoppedBecause === 'time-limit') throw new Error(`bench:seeds: ${row.patients}:${row.seed} seed ${seed} hit the time limit; the run is not reproducible`);
    gaps.push(gapTo(coreObjective(report).value, reference));
  }
  const result = {
    instance: `${row.patients}:${row.seed}`,
    optimum: reference,
    runs: gaps.length,
    atOptimum: gaps.filter((gap) => gap <= 0).length,
    meanGap: gaps.reduce((sum, gap) => sum + gap, 0) / gaps.length,
    worstGap: Math.max(...gaps),
  };
  results.push(result);
  const status = row.highs.status === 'Optimal' ? 'optimal' : 'incumbent';
  console.log(`| ${row.patients} | ${row.seed} | ${status} | ${result.atOptimum}/${result.runs} | ${(result.meanGap * 100).toFixed(3)}% | ${(result.worstGap * 100).toFixed(3)}% |`);
}
const runs = results.reduce((sum, r) => sum + r.runs, 0);
const atOptimum = results.reduce((sum, r) => sum + r.atOptimum, 0);
const meanGap = results.reduce((sum, r) => sum + r.meanGap * r.runs, 0) / runs;
console.log(`All: ${atOptimum}/${runs} runs at the optimum, mean gap ${(meanGap * 100).toFixed(3)}%.`);
console.log(`SEEDS_RESULT ${JSON.stringify({ iterations, seeds: [firstSeed, lastSeed], runs, atOptimum, meanGap, instances: results })}`);
