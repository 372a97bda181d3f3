/**
 * How long `explain` takes (issue 26 item 5): the sample clinic's overbooked week (56 patients)
 * and a generated over-full week (1,000 patients, tightness 1.3), each solved first with a fixed
 * iteration budget, then explained with the default fixed verifying iterations. Per run: CPU and
 * wall time of the whole call, the 1-minute load average, and the time in each phase (from the
 * call's progress), so the row says what dominates. Writes bench/EXPLAIN.md.
 *
 * Run: `npm run bench:explain` or `npx tsx bench/explain.ts [--runs 3] [--patients 1000] [--tightness 1.3] [--iterations 10000]`
 * (one process, runs one after another: never in parallel with another bench).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { argument } from './args.js';
import { generateProgram } from './generate.js';
import { explain } from '../src/pipeline/explain.js';
import { solveDetailed } from '../src/pipeline/solve.js';
import { sampleClinic } from '../src/sample/clinic.js';
import type { Problem } from '../src/model/problem.js';
import type { Progress } from '../src/model/options.js';
import type { Report } from '../src/model/report.js';
import type { Schedule } from '../src/model/schedule.js';

const runs = Number(argument('runs') ?? '3');
const patients = Number(argument('patients') ?? '1000');
const tightness = Number(argument('tightness') ?? '1.3');
const iterations = Number(argument('iterations') ?? '10000');

interface Row {
  week: string;
  run: number;
  short: number;
  cpuMs: number;
  wallMs: number;
  load: number;
  phases: Record<string, number>;
  verified: number;
}

/** Solves once with a fixed budget (the same week every run). */
function solved(problem: Problem, solveIterations: number): { schedule: Schedule; report: Report } {
  const { schedule, report } = solveDetailed(problem, { seed: 1, maxIterations: solveIterations, timeLimitMs: 3_600_000 });
  return { schedule, report };
}

/** Explains the solved week once, timing the call and each phase. */
function measure(week: string, problem: Problem, solution: { schedule: Schedule; report: Report }, run: number): Row {
  const phases: Record<string, number> = {};
  let phase = 'start';
  let since = performance.now();
  const onProgress = (progress: Progress): void => {
    if (progress.phase === phase) return;
    const now = performance.now();
    phases[phase] = (phases[phase] ?? 0) + (now - since);
    phase = progress.phase;
    since = now;
  };
  const load = loadavg()[0] ?? 0;
  const cpu = process.cpuUsage();
  const started = performance.now();
  const report = explain(problem, solution, { seed: 1, timeLimitMs: 600_000, onProgress });
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  phases[phase] = (phases[phase] ?? 0) + (performance.now() - since);
  delete phases.start;
  const verified = new Set(report.unmet.flatMap((u) => u.repairs.filter((r) => r.verified).map((r) => r.message))).size;
  const row: Row = {
    week,
    run,
    short: new Set(report.unmet.map((u) => u.patient)).size,
    cpuMs: Math.round((used.user + used.system) / 1000),
    wallMs: Math.round(wallMs),
    load: Math.round(load * 100) / 100,
    phases: Object.fromEntries(Object.entries(phases).map(([k, v]) => [k, Math.round(v)])),
    verified,
  };
  console.log(JSON.stringify(row));
  return row;
}

const rows: Row[] = [];
const sample = sampleClinic({ variant: 'overbooked' });
const sampleWeek = solved(sample, 8_000);
for (let run = 1; run <= runs; run++) rows.push(measure('sample overbooked (56)', sample, sampleWeek, run));
const generated = generateProgram({ patients, seed: 1, tightness });
const generatedWeek = solved(generated, iterations);
for (let run = 1; run <= runs; run++) rows.push(measure(`generated ${patients} @ ${tightness}`, generated, generatedWeek, run));

const phaseText = (phases: Record<string, number>): string =>
  Object.entries(phases)
    .map(([name, ms]) => `${name} ${(ms / 1000).toFixed(2)}`)
    .join(', ');
const lines = [
  '# explain: time of the whole call',
  '',
  `Written by \`npm run bench:explain\` (bench/explain.ts) on ${new Date().toISOString().slice(0, 10)}. Each week is solved once`,
  `(seed 1; the sample at 8,000 iterations as in the example, the generated week at ${iterations.toLocaleString('en-US')}), then explained ${runs} times with`,
  'the defaults (a start polished where the candidates change the week, then re-solves of a fixed 300 iterations each:',
  'the baseline, 6 candidates, the best pair; for the five best that left someone worse off, their construction alone). CPU is the',
  "process's user+system time during the call; load is the 1-minute load average when it began (2 cores, shared).",
  'Phases are wall seconds from the call\'s progress (validate, compile, causes, explain = the re-solves).',
  '',
  '| week | run | patients short | CPU s | wall s | load | repairs verified | phases (wall s) |',
  '|---|---|---|---|---|---|---|---|',
  ...rows.map(
    (r) =>
      `| ${r.week} | ${r.run} | ${r.short} | ${(r.cpuMs / 1000).toFixed(2)} | ${(r.wallMs / 1000).toFixed(2)} | ${r.load.toFixed(2)} | ${r.verified} | ${phaseText(r.phases)} |`,
  ),
  '',
];
// Notes written by hand below the marker survive a new run.
const file = new URL('./EXPLAIN.md', import.meta.url);
const MARKER = '<!-- notes: kept by bench/explain.ts -->';
const notes = existsSync(file) ? readFileSync(file, 'utf8').split(MARKER)[1] : undefined;
writeFileSync(file, [...lines, MARKER, notes?.trimStart() ?? ''].join('\n'));
console.log(lines.join('\n'));
