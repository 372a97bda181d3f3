/**
 * First complete in a cold process, by phase, in CPU and wall milliseconds: one `solve` of a
 * generated clinic with `maxIterations: 0`, timed from the phase reports of `onProgress`.
 *   tsx bench/first-complete-cpu.ts --patients N [--seed S]
 * Prints one line; ids only, nothing about patients.
 */
import { loadavg } from 'node:os';
import type { ProgressPhase } from '../src/model/options.js';
import { argument } from './args.js';
import { loadLibrary } from './library.js';
import { generateProgram } from './generate.js';

const patients = Number(argument('patients') ?? '1000');
const seed = Number(argument('seed') ?? '1');
const { solve } = await loadLibrary();
const problem = generateProgram({ patients, seed });
const cpuNow = (): number => {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1000;
};
const marks: { phase: ProgressPhase | 'end'; cpu: number; wall: number }[] = [];
const cpu0 = cpuNow();
const wall0 = performance.now();
const { report } = solve(problem, {
  seed,
  maxIterations: 0,
  timeLimitMs: 60_000,
  onProgress: (progress) => {
    if (marks.at(-1)?.phase !== progress.phase) marks.push({ phase: progress.phase, cpu: cpuNow() - cpu0, wall: performance.now() - wall0 });
  },
});
marks.push({ phase: 'end', cpu: cpuNow() - cpu0, wall: performance.now() - wall0 });
const search = marks.find((m) => m.phase === 'search');
const phases = marks.slice(0, -1).map((m, i) => `${m.phase}=${(marks[i + 1]!.cpu - m.cpu).toFixed(0)}`);
process.stdout.write(
  `patients=${patients} seed=${seed} firstCompleteMs=${report.stats?.firstCompleteMs?.toFixed(0)} firstCompleteCpuMs=${search?.cpu.toFixed(0)} ` +
    `totalCpuMs=${marks.at(-1)!.cpu.toFixed(0)} cpuByPhase ${phases.join(' ')} load=${loadavg()[0]!.toFixed(2)}\n`,
);
