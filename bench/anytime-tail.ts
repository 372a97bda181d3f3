/**
 * What the report reserve (`reportReserveMs`) must cover, after a construction cut at a time
 * limit and after a complete one (issue 22 item 2): per clinic size and seed, `solve`'s steps run
 * one by one on the sources (as bench/floor.ts does), each cut in its own process (cold, as a
 * first call is). Construction gets a budget of its own; the rows say, in process CPU:
 * - floor: validation, compilation and the engine's tables (what `solve` measures as the floor);
 * - overshoot: wall time from construction's deadline to its return (its last poll, then the
 *   commit that evaluates the rules it deferred);
 * - tail: back to the best week and optional sessions, export, report, and causes with a spent
 *   budget (only what cannot be cut), and tail / floor, the multiple the reserve keeps (2).
 * Cuts are fractions of the uncut run's construction time. Ids and figures only.
 *
 *   tsx bench/anytime-tail.ts                                   # 1,000 (seeds 1-3) and 5,000 (seed 1)
 *   tsx bench/anytime-tail.ts --sizes 1000 --seeds 2 --fractions 0.25,0.5
 */
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { allRules } from '../src/rules/catalogue.js';
import { assertValidProblem } from '../src/input/validate.js';
import { buildReportFromBoard } from '../src/check/report.js';
import { resolveWeights, withTriage } from '../src/check/weights.js';
import { compileProblem } from '../src/compiled/compile.js';
import { exportWithSlots } from '../src/compiled/export.js';
import { scheduleContext } from '../src/compiled/schedule-context.js';
import { withCauses } from '../src/diagnose/attach-causes.js';
import { construct, createEngine, placeOptional, search } from '../src/engine/index.js';
import { Budget } from '../src/time/budget.js';
import { argument } from './args.js';
import { calibrate, calibrationLine, cpuMsSince } from './calibrate.js';
import { runMarked } from './child.js';
import { generateProgram } from './generate.js';

const MARKER = 'TAIL_RESULT';
const here = dirname(fileURLToPath(import.meta.url));

/** One cut (or the uncut run) of one clinic. */
interface TailRun {
  patients: number;
  seed: number;
  /** Construction's budget in ms (`Infinity`: uncut). */
  cutMs: number;
  complete: boolean;
  meetings: number;
  served: number;
  floorCpuMs: number;
  constructCpuMs: number;
  constructWallMs: number;
  overshootWallMs: number;
  restoreCpuMs: number;
  exportCpuMs: number;
  reportCpuMs: number;
  causesCpuMs: number;
  tailCpuMs: number;
  load: number;
}

function measure(patients: number, seed: number, cutMs: number): TailRun {
  const problem = generateProgram({ patients, seed });
  let at = process.cpuUsage();
  const lap = (): number => {
    const ms = cpuMsSince(at);
    at = process.cpuUsage();
    return ms;
  };
  const valid = assertValidProblem(problem);
  const compiled = compileProblem(valid, {});
  const rules = allRules();
  const engine = createEngine(compiled, rules, withTriage(resolveWeights(rules, undefined), undefined), seed, {});
  const floorCpuMs = lap();
  const state = engine.state;
  engine.budget = new Budget({ timeLimitMs: cutMs });
  const reached = new Set<number>();
  const startedAt = performance.now();
  const complete = construct(engine, reached);
  const returnedAt = performance.now();
  const constructCpuMs = lap();
  const meetings = state.meetings.filter((m) => m !== undefined).length;
  // solve's steps after construction, in its order (src/pipeline/solve.ts).
  state.score();
  const result = search(engine, { maxIterations: 0, patience: 1, settledPatience: 1 });
  state.restoreTo(result.best);
  state.commit();
  placeOptional(engine);
  state.commit();
  const restoreCpuMs = lap();
  const { schedule, slots } = exportWithSlots(compiled, state.meetings.slice());
  const ctx = scheduleContext(compiled, schedule, undefined);
  const exportCpuMs = lap();
  const scored = buildReportFromBoard(ctx, state.board, ctx.integrity, slots);
  const reportCpuMs = lap();
  const spent = new Budget({ timeLimitMs: 0 });
  const notReached = complete ? undefined : new Set(compiled.patients.filter((p) => !reached.has(p.index)).map((p) => p.id));
  const report = withCauses(ctx, scored, engine.conflicts, notReached ? { proofs: false, budget: spent, notReached } : { proofs: false, budget: spent });
  const causesCpuMs = lap();
  return {
    patients,
    seed,
    cutMs,
    complete,
    meetings,
    served: report.patients.filter((row) => row.met).length,
    floorCpuMs,
    constructCpuMs,
    constructWallMs: returnedAt - startedAt,
    overshootWallMs: Number.isFinite(cutMs) ? returnedAt - engine.budget.deadline : 0,
    restoreCpuMs,
    exportCpuMs,
    reportCpuMs,
    causesCpuMs,
    tailCpuMs: restoreCpuMs + exportCpuMs + reportCpuMs + causesCpuMs,
    load: loadavg()[0]!,
  };
}

const one = argument('one');
if (one !== undefined) {
  const cut = Number(argument('cut') ?? 'Infinity');
  process.stdout.write(`${MARKER} ${JSON.stringify(measure(Number(one), Number(argument('seed') ?? '1'), cut))}\n`);
} else {
  const list = (text: string | undefined, fallback: number[]): number[] => text?.split(',').map(Number).filter((n) => n > 0) ?? fallback;
  const sizes = list(argument('sizes'), [1000, 5000]);
  const seeds = argument('seeds');
  const fractions = list(argument('fractions'), [0.125, 0.25, 0.5, 0.75]);
  const runOne = (patients: number, seed: number, cut: number): Promise<TailRun> =>
    runMarked<TailRun>(join(here, 'anytime-tail.ts'), ['--one', String(patients), '--seed', String(seed), '--cut', String(cut)], MARKER, join(here, '..'));
  process.stdout.write(
    [
      `Node ${process.version}; load at start ${loadavg().map((l) => l.toFixed(2)).join(', ')}; ${calibrationLine(calibrate())}`,
      '',
      '| patients | seed | cut ms | complete | meetings | served | floor CPU | construct CPU | overshoot wall | restore | export | report | causes | tail CPU | tail / floor | load |',
      '|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
      '',
    ].join('\n'),
  );
  const row = (r: TailRun): string =>
    `| ${r.patients} | ${r.seed} | ${Number.isFinite(r.cutMs) ? r.cutMs : 'none'} | ${r.complete ? 'yes' : 'no'} | ${r.meetings} | ${r.served} | ${[r.floorCpuMs, r.constructCpuMs, r.overshootWallMs, r.restoreCpuMs, r.exportCpuMs, r.reportCpuMs, r.causesCpuMs, r.tailCpuMs].map((ms) => ms.toFixed(0)).join(' | ')} | ${(r.tailCpuMs / r.floorCpuMs).toFixed(2)} | ${r.load.toFixed(1)} |\n`;
  for (const patients of sizes) {
    for (let seed = 1; seed <= Number(seeds ?? (patients <= 1000 ? 3 : 1)); seed++) {
      const full = await runOne(patients, seed, Infinity);
      process.stdout.write(row(full));
      for (const fraction of fractions) process.stdout.write(row(await runOne(patients, seed, Math.max(1, Math.round(fraction * full.constructWallMs)))));
    }
  }
}
