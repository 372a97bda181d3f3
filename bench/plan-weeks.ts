/**
 * Bench row for issue 23: `planWeeks` of 4 weeks against 4 single solves, at 1,000 patients.
 *   npm run build && tsx bench/plan-weeks.ts [--patients 1000] [--seed 1] [--iterations 10000]
 *
 * The generated clinic's weekly medication reviews become a 14-28-day cadence with staggered
 * histories (last review 1 to 4 weeks before). planWeeks chains the weeks through the ledger; the
 * baseline solves each of the 4 weeks alone, as the library did before cadence (a review every
 * week). Both arms run at the same seed and iterations, without the forecast. Prints one line
 * `BENCH_RESULT {json}`: time, requirement score, fully served patients and reviews per week.
 */
import type { Problem } from '../src/model/problem.js';
import type { Report } from '../src/model/report.js';
import type { Schedule } from '../src/model/schedule.js';
import { addDays } from '../src/time/week.js';
import { argument } from './args.js';
import { loadLibrary } from './library.js';
import { generateProgram } from './generate.js';

const patients = Number(argument('patients') ?? '1000');
const seed = Number(argument('seed') ?? '1');
const maxIterations = Number(argument('iterations') ?? '10000');
const WEEKS = 4;
const REVIEW = 'medication-management';

const { planWeeks, solve } = await loadLibrary();

/** The generated clinic with its weekly reviews on a 14-28-day cadence, staggered. */
function withCadence(problem: Problem): Problem {
  const copy = structuredClone(problem);
  copy.patients.forEach((patient, i) => {
    if (!patient.requires?.some((r) => r.service === REVIEW)) return;
    patient.requires = patient.requires.map((r) => (r.service === REVIEW ? { service: REVIEW, cadence: { minDays: 14, maxDays: 28 } } : r));
    patient.history = [{ service: REVIEW, date: addDays(copy.weekStart, -7 * (1 + (i % 4)) + 1) }];
  });
  return copy;
}

function row(schedule: Schedule, report: Report): { requirement: number; soft: number; fullyServed: number; reviews: number; meetings: number } {
  return {
    requirement: report.score.requirement,
    soft: Math.round(report.score.soft),
    fullyServed: report.patients.filter((p) => p.met).length,
    reviews: schedule.meetings.filter((m) => m.service === REVIEW).length,
    meetings: schedule.meetings.length,
  };
}

const base = generateProgram({ patients, seed });
const options = { seed, maxIterations, timeLimitMs: 600_000 };

const plannedAt = performance.now();
const plan = planWeeks(withCadence(base), { ...options, weeks: WEEKS, forecast: { max: 0 } });
const planMs = performance.now() - plannedAt;

const singles: Array<ReturnType<typeof row> & { ms: number }> = [];
for (let week = 0; week < WEEKS; week++) {
  const problem = { ...base, weekStart: addDays(base.weekStart, 7 * week) };
  const at = performance.now();
  const { schedule, report } = solve(problem, options);
  singles.push({ ...row(schedule, report), ms: Math.round(performance.now() - at) });
}
const singleMs = singles.reduce((sum, s) => sum + s.ms, 0);

console.log(
  `BENCH_RESULT ${JSON.stringify({
    patients,
    seed,
    maxIterations,
    weeks: WEEKS,
    planWeeks: { ms: Math.round(planMs), weeks: plan.weeks.map((w) => row(w.schedule, w.report)) },
    singleSolves: { ms: singleMs, weeks: singles },
  })}`,
);
