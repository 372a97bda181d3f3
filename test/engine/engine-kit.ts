/**
 * Solver engines for the move tests: one built from a problem and a starting timetable, a move
 * applied as the search applies it, and the engine's score read against `checkSchedule`.
 */
import { expect } from 'vitest';
import { checkSchedule } from '../../src/pipeline/check-schedule.js';
import { compileProblem } from '../../src/compiled/compile.js';
import { settle, type Engine } from '../../src/engine/kernel/engine.js';
import { exportWithSlots } from '../../src/compiled/export.js';
import { createEngine } from '../../src/engine/kernel/create.js';
import { assertValidProblem } from '../../src/input/validate.js';
import type { Problem } from '../../src/model/problem.js';
import { allRules } from '../../src/rules/catalogue.js';
import type { PlacedMeeting } from '../../src/rules/types.js';

/** An engine (default weights, seed 0) whose timetable starts as `initial`. */
export function engineWith(problem: Problem, initial: PlacedMeeting[]): Engine {
  return createEngine(compileProblem(assertValidProblem(problem)), allRules(), new Map(), 0, { initial });
}

/** Applies `move` like the search does: undone when it fails or breaks a hard rule. */
export function applyLikeSearch(engine: Engine, move: (engine: Engine) => boolean): boolean {
  const mark = engine.state.mark();
  const hard = engine.state.score().hard;
  if (!move(engine) || !settle(engine, mark, hard)) {
    engine.state.rollback(mark);
    return false;
  }
  engine.state.commit();
  return true;
}

/** The engine's meetings that exist. */
export function live(engine: Engine): PlacedMeeting[] {
  return engine.state.meetings.filter((m): m is PlacedMeeting => m !== undefined);
}

/** `checkSchedule` run from scratch on the engine's timetable. */
export function reportFromScratch(problem: Problem, engine: Engine): ReturnType<typeof checkSchedule> {
  const { schedule } = exportWithSlots(engine.problem, engine.state.meetings);
  return checkSchedule(problem, schedule);
}

/** Asserts that the engine's incremental score is what `checkSchedule` finds from scratch. */
export function expectScoreFromScratch(problem: Problem, engine: Engine): void {
  const report = reportFromScratch(problem, engine);
  const score = engine.state.score();
  expect(report.score.hard).toBe(score.hard);
  expect(report.score.requirement).toBe(score.requirement);
  expect(report.score.soft).toBeCloseTo(score.soft, 6);
}

/**
 * The engine's requirement shortfall in minute-equivalents alone: its requirement score without
 * the whole-patient triage weights of rule `patients-short` (what the move tests measure).
 */
export function shortMinutes(engine: Engine): number {
  const board = engine.state.board;
  const triage = board.rules.findIndex((rule) => rule.code === 'patients-short');
  return engine.state.score().requirement - (triage < 0 ? 0 : board.ruleTotals(triage).penalty * board.weights[triage]!);
}
