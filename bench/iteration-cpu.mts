/**
 * CPU per local-search iteration on a generated clinic: solves
 * `generateProgram({ patients, seed, tightness })` with a fixed iteration budget and prints the
 * process CPU of the solve, the CPU of its search phase (between the progress reports of its
 * start and of the next phase's) per iteration, and report.stats. Prints counts only, nothing about patients.
 *   tsx bench/iteration-cpu.mts [--patients 1000] [--tightness 1.0] [--seed 1] [--iterations 10000] [--dist DIR]
 * `--dist` loads another build (an old one copied aside) to compare builds under one generator.
 * On a shared machine pair the two builds and quote medians (the figures move 10-20% with load):
 *   farm-bench -n 3 --warmup 0 --timeout 900 \
 *     --vs "sh -c 'exec npx tsx bench/iteration-cpu.mts --dist OLD --seed 1 >>/tmp/old.txt 2>&1'" \
 *     -- sh -c 'exec npx tsx bench/iteration-cpu.mts --seed 1 >>/tmp/new.txt 2>&1'
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { argument } from './args.js';
import { cpuMsSince } from './calibrate.js';
import { generateProgram } from './generate.js';
import type { Library } from './library.js';

const patients = Number(argument('patients') ?? '1000');
const tightness = Number(argument('tightness') ?? '1.0');
const seed = Number(argument('seed') ?? '1');
const maxIterations = Number(argument('iterations') ?? '10000');
const dist = argument('dist') ?? new URL('../dist', import.meta.url).pathname;
const { solve } = (await import(pathToFileURL(resolve(dist, 'index.js')).href)) as Library;

const problem = generateProgram({ patients, seed, tightness });
const started = process.cpuUsage();
// The search's CPU: from the report of its start to the report of the next phase's.
let searchStart: NodeJS.CpuUsage | undefined;
let searchCpuMs = 0;
let phase = '';
const onProgress = ({ phase: now }: { phase: string }): void => {
  if (now === phase) return;
  if (phase === 'search' && searchStart) searchCpuMs = cpuMsSince(searchStart);
  if (now === 'search') searchStart = process.cpuUsage();
  phase = now;
};
const { report } = solve(problem, { seed, maxIterations, timeLimitMs: 600_000, onProgress });
const cpuMs = cpuMsSince(started);
const stats = report.stats!;
const searchMs = searchCpuMs;
const served = report.patients.filter((p) => p.met).length;
process.stdout.write(
  `patients ${patients} t${tightness} seed ${seed}: cpu ${cpuMs.toFixed(0)} ms, search ${searchMs.toFixed(0)} ms CPU, ` +
    `${((1000 * searchMs) / Math.max(1, stats.iterations)).toFixed(1)} us/iteration, served ${served}, ` +
    `score ${JSON.stringify(report.score)}, stats ${JSON.stringify(stats)}\n`,
);
