import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/check/report.js';
import { scheduleContext } from '../../src/compiled/schedule-context.js';
import { compileProblem } from '../../src/compiled/compile.js';
import { construct } from '../../src/engine/construct/construct.js';
import { settle, type Engine } from '../../src/engine/kernel/engine.js';
import { exportSchedule } from '../../src/compiled/export.js';
import { MOVES } from '../../src/engine/moves/index.js';
import { createEngine } from '../../src/engine/kernel/create.js';
import { assertValidProblem } from '../../src/input/validate.js';
import { allRules } from '../../src/rules/catalogue.js';
import { TRIAGE_OFF } from '../../src/rules/patients-short.js';
import type { Problem } from '../../src/model/problem.js';
import { problemArbitrary } from '../support/arbitraries/random-problem.js';
import { withStaffWork } from '../support/staff-work.js';
import { feasibleProblemArbitrary } from '../support/arbitraries.js';
import { withTemplates } from '../support/templated.js';
import { generousProblemArbitrary } from './generous.js';

/** The per-rule totals the engine keeps must equal a report built from scratch on the exported timetable. */
function expectAgreement(engine: Engine): void {
  const schedule = exportSchedule(engine.problem, engine.state.meetings);
  const ctx = scheduleContext(engine.problem, schedule);
  expect(ctx.integrity).toEqual([]);
  const report = buildReport(ctx, allRules(), weights, ctx.integrity);
  const fromScratch = new Map(report.byRule.map((row) => [row.rule, row]));
  engine.state.board.rules.forEach((rule, index) => {
    const kept = engine.state.board.ruleTotals(index);
    const row = fromScratch.get(rule.code)!;
    expect({ rule: rule.code, penalty: kept.penalty, violations: kept.violations }).toEqual({ rule: rule.code, penalty: row.penalty, violations: row.violations });
    if (kept.penalty > 0) penalised.add(rule.code);
  });
  expect(engine.state.score()).toEqual(report.score);
  expect(engine.state.score().hard).toBe(0);
}

/** Weights of the run: `TRIAGE_OFF` for triage 'spread', none for the default whole-patient triage. */
let weights: ReadonlyMap<string, number> = new Map();

function engineFor(problem: Problem, seed: number): Engine {
  const compiled = compileProblem(assertValidProblem(problem));
  return createEngine(compiled, allRules(), weights, seed);
}

const applied = new Map<string, number>();
/** Rules the board held a penalty for at some point: the agreement above was tested on them. */
const penalised = new Set<string>();

function exercise(problem: Problem, seed: number, steps: number): void {
  const engine = engineFor(problem, seed);
  construct(engine);
  // Some slack, so that joining moves have room: drop a few patient-days first.
  const dropDay = MOVES.find(({ name }) => name === 'drop-day')!.move;
  for (let i = 0; i < 6; i++) {
    const mark = engine.state.mark();
    if (!dropDay(engine) || !settle(engine, mark, 0)) engine.state.rollback(mark);
    engine.state.commit();
  }
  expectAgreement(engine);
  for (let step = 0; step < steps; step++) {
    const { move, name } = MOVES[step % MOVES.length]!;
    const before = engine.state.meetings.slice();
    const mark = engine.state.mark();
    const hard = engine.state.score().hard;
    const changed = move(engine);
    if (changed && settle(engine, mark, hard)) {
      applied.set(name, (applied.get(name) ?? 0) + 1);
      expectAgreement(engine);
      if (engine.random.next() < 0.5) {
        engine.state.commit();
        continue;
      }
    }
    // Undo restores the timetable and the score exactly.
    engine.state.rollback(mark);
    expect(engine.state.meetings).toEqual(before);
    engine.state.commit();
    expectAgreement(engine);
  }
}

describe('incremental scoring', () => {
  it('agrees with the checker from scratch after every kind of move, applied or undone', () => {
    fc.assert(
      fc.property(problemArbitrary({ maxPatients: 10 }), fc.integer({ min: 0, max: 1000 }), (problem, seed) => exercise(problem, seed, 3 * MOVES.length)),
      { numRuns: 6 },
    );
    fc.assert(
      fc.property(generousProblemArbitrary(), fc.integer({ min: 0, max: 1000 }), (problem, seed) => exercise(problem, seed, 4 * MOVES.length)),
      { numRuns: 6 },
    );
    // Every track with a template (rule template-agenda): the moves must keep to it, and the board agree.
    fc.assert(
      fc.property(problemArbitrary({ maxPatients: 10 }), fc.integer({ min: 0, max: 1000 }), (problem, seed) => exercise(withTemplates(problem), seed, 2 * MOVES.length)),
      { numRuns: 4 },
    );
    // Problems built feasible around a known timetable: tight, so the moves aimed at short patients
    // have work. A fixed sample (seed), so that every move is sure to be exercised.
    fc.assert(
      fc.property(feasibleProblemArbitrary({ maxPatients: 12 }), fc.integer({ min: 0, max: 1000 }), ({ problem }, seed) => exercise(problem, seed, 6 * MOVES.length)),
      { numRuns: 12, seed: 2026 },
    );
    // Notes time, breaks and longest runs (issue 24): the moves keep them, and the board agrees.
    fc.assert(
      fc.property(problemArbitrary({ maxPatients: 10 }), fc.integer({ min: 0, max: 1000 }), (problem, seed) => exercise(withStaffWork(problem), seed, 2 * MOVES.length)),
      { numRuns: 4, seed: 2024 },
    );
    for (const { name } of MOVES) expect({ name, applied: (applied.get(name) ?? 0) > 0 }).toEqual({ name, applied: true });
    // The programme's soft rule (issue 24) was scored, not only zero all along.
    expect(penalised.has('staff-preferences')).toBe(true);
  });
  it('agrees with priorities (whole-patient triage weights), and under triage spread', () => {
    const prioritised = fc
      .tuple(feasibleProblemArbitrary({ maxPatients: 12 }), fc.array(fc.integer({ min: -2, max: 3 }), { minLength: 12, maxLength: 12 }))
      .map(([{ problem }, priorities]) => ({ ...problem, patients: problem.patients.map((patient, i) => ({ ...patient, priority: priorities[i]! })) }));
    fc.assert(fc.property(prioritised, fc.integer({ min: 0, max: 1000 }), (problem, seed) => exercise(problem, seed, 3 * MOVES.length)), { numRuns: 6, seed: 22 });
    weights = new Map([TRIAGE_OFF]);
    try {
      fc.assert(fc.property(prioritised, fc.integer({ min: 0, max: 1000 }), (problem, seed) => exercise(problem, seed, 2 * MOVES.length)), { numRuns: 4, seed: 23 });
    } finally {
      weights = new Map();
    }
  });
});
