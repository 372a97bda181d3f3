/**
 * A warm re-plan of the bench scenario (replan-scenario.ts), profiled: CPU and wall per call,
 * the time of each phase (from `onProgress`, with `--phases`), and a hash of the timetable, the
 * change log and the unmet list, so a change meant only to be faster shows it keeps the result:
 *   tsx bench/replan-profile.ts --patients 1000 --seed 1 --runs 9 --lib dist/index.js [--phases]
 *   node --import tsx --cpu-prof bench/replan-profile.ts ...   (a CPU profile of the same calls)
 * The week is solved with 200 iterations and each re-plan bounded by 20,000 iterations (and a
 * generous time limit), so the hash does not depend on the machine's load. Ids only are printed.
 */
import { createHash } from 'node:crypto';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ProgressPhase } from '../src/model/options.js';
import { argument } from './args.js';
import { generateProgram } from './generate.js';
import type { Library } from './library.js';
import { median } from './measure.js';
import { scenarioChanges } from './replan-scenario.js';

const patients = Number(argument('patients') ?? '1000');
const seed = Number(argument('seed') ?? '1');
const runs = Math.max(3, Number(argument('runs') ?? '9'));
const phases = process.argv.includes('--phases');
const library = (await import(pathToFileURL(resolve(argument('lib') ?? 'dist/index.js')).href)) as Library;

const problem = generateProgram({ patients, seed });
const { schedule } = library.solve(problem, { seed, timeLimitMs: 600_000, maxIterations: 200 });
const scenario = scenarioChanges(problem, schedule);
if (!scenario) throw new Error('replan-profile: the week has no group meeting');

const walls: number[] = [];
const cpus: number[] = [];
let first = '';
let same = true;
for (let run = 0; run < runs; run++) {
  const entered: Array<[ProgressPhase, number]> = [];
  const onProgress = (p: { phase: ProgressPhase; elapsedMs: number }): void => {
    if (entered.at(-1)?.[0] !== p.phase) entered.push([p.phase, p.elapsedMs]);
  };
  const cpu = process.cpuUsage();
  const startedAt = performance.now();
  const result = library.replan(problem, schedule, scenario.changes, { seed: 1, timeLimitMs: 60_000, maxIterations: 20_000, ...(phases ? { onProgress } : {}) });
  const ms = performance.now() - startedAt;
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000;
  const key = JSON.stringify([result.schedule, result.changed, result.report.unmet]);
  if (run === 0) first = key;
  else same &&= key === first;
  // The first two calls compile the code (cold); the rest is what a long-running service sees.
  if (run >= 2) {
    walls.push(ms);
    cpus.push(cpuMs);
  }
  const split = entered.map(([phase, at], k) => `${phase} ${((entered[k + 1]?.[1] ?? ms) - at).toFixed(0)}`).join(', ');
  process.stdout.write(`run ${run}: ${ms.toFixed(0)} ms wall, ${cpuMs.toFixed(0)} ms CPU, ${result.report.stats?.iterations ?? 0} iterations${split ? ` (${split})` : ''}\n`);
}
const hash = createHash('sha1').update(first).digest('hex').slice(0, 12);
process.stdout.write(
  `REPLAN_PROFILE ${JSON.stringify({ patients, seed, runs, warmWallMs: median(walls), warmCpuMs: median(cpus), leastCpuMs: Math.min(...cpus), loadAverage: loadavg()[0], sameEveryRun: same, hash })}\n`,
);
