/**
 * One run of the anytime row in its own process (cold, as a first call is):
 *   tsx bench/anytime-one.ts --patients N --seed S [--time-limit MS]
 * Solves the generated clinic with no local search (`maxIterations: 0`), so the week is what
 * construction left when the limit (default: none to speak of) cut it. Prints one line
 * `ANYTIME_RESULT {json}`: ids and counts only, nothing about patients.
 */
import { loadavg } from 'node:os';
import { argument } from './args.js';
import { generateProgram } from './generate.js';
import { loadLibrary } from './library.js';

const patients = Number(argument('patients') ?? '1000');
const seed = Number(argument('seed') ?? '1');
const timeLimitMs = Number(argument('time-limit') ?? '600000');

const { solve } = await loadLibrary();
const problem = generateProgram({ patients, seed });
const cpu = process.cpuUsage();
const startedAt = performance.now();
const { report } = solve(problem, { seed, timeLimitMs, maxIterations: 0 });
const wallMs = performance.now() - startedAt;
const used = process.cpuUsage(cpu);
const result = {
  patients,
  seed,
  timeLimitMs,
  wallMs,
  cpuMs: (used.user + used.system) / 1000,
  firstCompleteMs: report.stats?.firstCompleteMs ?? null,
  constructionComplete: report.stats?.constructionComplete ?? null,
  served: report.patients.filter((row) => row.met).length,
  loadAverage: loadavg()[0],
};
process.stdout.write(`ANYTIME_RESULT ${JSON.stringify(result)}\n`);
