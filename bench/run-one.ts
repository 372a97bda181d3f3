/**
 * One benchmark run in its own process (so peak RSS is this run's):
 *   tsx bench/run-one.ts --patients N --seed S [--time-limit MS] [--max-iterations N] [--replan]
 * Prints one line `BENCH_RESULT {json}` on stdout. Ids only: nothing about patients is printed.
 */
import type { Problem } from '../src/model/problem.js';
import type { Report } from '../src/model/report.js';
import { loadavg } from 'node:os';
import { cpuMsSince } from './calibrate.js';
import { argument } from './args.js';
import { loadLibrary } from './library.js';
import { generateProgram } from './generate.js';
import { replanScenario } from './replan-scenario.js';
import { provenImpossible, servedCounts, staffedLowerBound, staffedMinutes } from './measure.js';

const patients = Number(argument('patients') ?? '100');
const seed = Number(argument('seed') ?? '1');
const timeLimitMs = Number(argument('time-limit') ?? '2000');
// With an iteration budget the run is a pure function of (instance, seed, iterations, build).
const maxIterations = argument('max-iterations') === undefined ? undefined : Number(argument('max-iterations'));
const maxRssMb = (): number => process.resourceUsage().maxRSS / 1024;

function hardOf(report: Report): { count: number; penalty: number } {
  const hard = report.violations.filter((v) => v.level === 'hard');
  return { count: hard.length, penalty: hard.reduce((sum, v) => sum + v.penalty, 0) };
}

const { solve, checkSchedule, diagnose, replan } = await loadLibrary();

const generatedAt = performance.now();
const problem: Problem = generateProgram({ patients, seed });
const generateMs = performance.now() - generatedAt;

const solvedAt = performance.now();
const solveCpu = process.cpuUsage();
const { schedule, report } = solve(problem, maxIterations === undefined ? { seed, timeLimitMs } : { seed, timeLimitMs, maxIterations });
const wallMs = performance.now() - solvedAt;
const cpuMs = cpuMsSince(solveCpu);
const rssAfterSolveMb = maxRssMb();

const checkedAt = performance.now();
const checked = checkSchedule(problem, schedule);
const checkMs = performance.now() - checkedAt;
const impossible = provenImpossible(diagnose(problem));
const counts = servedCounts(checked, impossible);
const possibleIds = new Set(problem.patients.map((p) => p.id).filter((id) => !impossible.has(id)));
const bound = staffedLowerBound(problem, possibleIds);
const stats = report.stats;

const result: Record<string, unknown> = {
  patients,
  seed,
  timeLimitMs,
  generateMs,
  wallMs,
  cpuMs,
  maxIterations: maxIterations ?? null,
  loadAverage: loadavg()[0],
  elapsedMs: stats?.elapsedMs ?? null,
  firstCompleteMs: stats?.firstCompleteMs ?? null,
  timeToBestMs: stats?.timeToBestMs ?? null,
  iterations: stats?.iterations ?? null,
  stoppedBecause: stats?.stoppedBecause ?? null,
  peakRssMb: rssAfterSolveMb,
  checkMs,
  meetings: schedule.meetings.length,
  hardViolations: hardOf(checked).count,
  hardPenalty: hardOf(checked).penalty,
  score: checked.score,
  solverScoreAgrees: checked.score.hard === report.score.hard && checked.score.requirement === report.score.requirement && checked.score.soft === report.score.soft,
  served: counts.served,
  possible: counts.possible,
  servedAll: counts.servedAll,
  provenImpossible: impossible.size,
  staffedMinutes: staffedMinutes(schedule),
  staffedLowerBound: bound.total,
  staffedLowerBoundGroup: bound.group,
  staffedLowerBoundIndividual: bound.individual,
};

if (process.argv.includes('--replan')) result.replan = replanScenario({ replan, checkSchedule, diagnose }, problem, schedule, checked);
result.peakRssAllMb = maxRssMb();
process.stdout.write(`BENCH_RESULT ${JSON.stringify(result)}\n`);
