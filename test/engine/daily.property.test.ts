import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileProblem } from '../../src/compiled/compile.js';
import { construct } from '../../src/engine/construct/construct.js';
import { equip, tryReplace, type Engine } from '../../src/engine/kernel/engine.js';
import { search } from '../../src/engine/search.js';
import { createEngine } from '../../src/engine/kernel/create.js';
import { assertValidProblem } from '../../src/input/validate.js';
import type { Problem } from '../../src/model/problem.js';
import { allRules } from '../../src/rules/catalogue.js';
import { generousProblemArbitrary } from './generous.js';

function engineFor(problem: Problem, seed: number): Engine {
  return createEngine(compileProblem(assertValidProblem(problem)), allRules(), new Map(), seed);
}

/**
 * Moves every individual session of a patient with a per-day threshold to a day the patient
 * does not attend (the trap construction now avoids): each becomes a lone, short day. Returns
 * how many were stranded.
 */
function strand(engine: Engine): number {
  let stranded = 0;
  for (const patient of engine.problem.patients) {
    const limits = engine.prepared.patients[patient.index]!;
    if (limits.minDailyMinutes <= (engine.problem.services.find((s) => s.kind === 'individual')?.durationMinutes ?? 0)) continue;
    for (const index of [...engine.state.patientMeetings[patient.index]!]) {
      const m = engine.state.meetings[index]!;
      if (engine.problem.services[m.service]!.kind !== 'individual') continue;
      const attended = new Set(engine.state.patientMeetings[patient.index]!.map((i) => engine.state.meetings[i]!.day));
      const lone = [0, 1, 2, 3, 4, 5, 6].filter((day) => !attended.has(day));
      let moved = false;
      for (const day of lone) {
        for (const start of [720, 480, 780, 420]) {
          const next = equip(engine, { ...m, day, start, end: start + (m.end - m.start) }, index, true, false);
          if (next && tryReplace(engine, index, next)) {
            moved = true;
            break;
          }
        }
        if (moved) break;
      }
      if (moved) stranded += 1;
    }
  }
  engine.state.commit();
  return stranded;
}

const withThresholds = generousProblemArbitrary().filter((problem) => problem.tracks.some((track) => track.rules?.minDailyMinutes !== undefined));

function repaired(problem: Problem, seed: number): boolean | undefined {
  const engine = engineFor(problem, seed);
  construct(engine);
  if (strand(engine) === 0) return undefined;
  expect(engine.state.score().requirement).toBeGreaterThan(0);
  const result = search(engine, { maxIterations: 1000, patience: 20_000 });
  expect(result.bestScore.hard).toBe(0);
  return result.bestScore.requirement === 0;
}

describe('per-day thresholds', () => {
  it('the search repairs individual sessions stranded on days the patient does not otherwise attend (at least 39 of 40; measured: 40)', () => {
    // A fixed sample (fast-check seed 42), so the count is a measurement, not a dice roll.
    // Without the per-day repair move, 1000 iterations leave about one in eight of these short.
    const cases = fc.sample(withThresholds, { numRuns: 80, seed: 42 });
    let tried = 0;
    let fixed = 0;
    cases.forEach((problem, k) => {
      if (tried >= 40) return;
      const outcome = repaired(problem, k);
      if (outcome === undefined) return;
      tried += 1;
      if (outcome) fixed += 1;
    });
    expect(tried).toBe(40);
    expect(fixed).toBeGreaterThanOrEqual(39);
  });
});
