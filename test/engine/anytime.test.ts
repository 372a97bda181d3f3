/**
 * Anytime construction: a budget cut during construction leaves a week whose fully served
 * patients grow with the time given, with no cliff. Time is an injected clock that advances one
 * millisecond at every read (the phases read it as they poll the budget), so the runs are
 * deterministic and the machine's load plays no part.
 */
import { describe, expect, it } from 'vitest';
import { generateProgram } from '../../bench/generate.js';
import { compileProblem } from '../../src/compiled/compile.js';
import { construct } from '../../src/engine/construct/construct.js';
import { createEngine } from '../../src/engine/kernel/create.js';
import type { Engine } from '../../src/engine/kernel/engine.js';
import { shortfall } from '../../src/engine/kernel/needs.js';
import { assertValidProblem } from '../../src/input/validate.js';
import { allRules } from '../../src/rules/catalogue.js';
import { Budget } from '../../src/time/budget.js';

const compiled = compileProblem(assertValidProblem(generateProgram({ patients: 120, seed: 2 })));

/** Construction under a budget of `limit` clock reads: the engine, and how many reads it made. */
function constructWithin(limit: number): { engine: Engine; reads: number; complete: boolean; reached: Set<number> } {
  let reads = 0;
  const engine = createEngine(compiled, allRules(), new Map(), 1);
  engine.budget = new Budget({ timeLimitMs: limit, now: () => reads++ });
  const reached = new Set<number>();
  const complete = construct(engine, reached);
  return { engine, reads, complete, reached };
}

function served(engine: Engine): number {
  let count = 0;
  for (let p = 0; p < compiled.patients.length; p++) if (shortfall(engine, p) === 0) count++;
  return count;
}

describe('construction cut by its budget', () => {
  const full = constructWithin(Infinity);
  const fractions = [1 / 8, 1 / 4, 3 / 8, 1 / 2, 3 / 4, 1];
  const counts = fractions.map((f) => served(constructWithin(Math.round(f * full.reads)).engine));

  it('serves everyone when the budget is not cut (the instance is satisfiable)', () => {
    expect(full.complete).toBe(true);
    expect(served(full.engine)).toBe(compiled.patients.length);
  });

  it('serves more patients fully the more time it is given', () => {
    for (let k = 1; k < counts.length; k++) expect(counts[k]!, `at ${fractions[k]} of the reads`).toBeGreaterThanOrEqual(counts[k - 1]!);
    expect(counts[counts.length - 1]).toBe(compiled.patients.length);
  });

  it('has whole patients served early: a quarter of the time serves some, not none (groups for all first served nobody)', () => {
    expect(counts[1]).toBeGreaterThan(0);
    expect(counts[3]).toBeGreaterThan(counts[1]!);
  });

  it('keeps every hard rule when cut', () => {
    const cut = constructWithin(Math.round(full.reads / 4));
    expect(cut.complete).toBe(false);
    cut.engine.state.rescore();
    expect(cut.engine.state.score().hard).toBe(0);
  });

  it('says which patients it reached: everyone fully served among them, the rest never tried (no individual session)', () => {
    expect(full.reached.size).toBe(compiled.patients.length);
    for (const fraction of [1 / 4, 1 / 2]) {
      const cut = constructWithin(Math.round(fraction * full.reads));
      expect(cut.complete).toBe(false);
      const servedNow = compiled.patients.filter((p) => shortfall(cut.engine, p.index) === 0).map((p) => p.index);
      expect(servedNow.length).toBeGreaterThan(0);
      for (const p of servedNow) expect(cut.reached.has(p), `patient ${p} served but not reached`).toBe(true);
      expect(cut.reached.size).toBeLessThan(compiled.patients.length);
      const individual = (s: number): boolean => compiled.services[s]!.kind === 'individual';
      for (const m of cut.engine.state.liveMeetings()) {
        const meeting = cut.engine.state.meetings[m]!;
        if (individual(meeting.service)) for (const p of meeting.patients) expect(cut.reached.has(p)).toBe(true);
      }
    }
  });

  it('never gives up with time left: a cut construction goes on track by track until its budget is spent', () => {
    // Rounds of groups for a share of the time left once stopped when a share held no whole track.
    for (let k = 1; k < 40; k++) {
      const limit = Math.round((k / 40) * full.reads);
      const cut = constructWithin(limit);
      if (!cut.complete) expect(cut.reads, `limit ${limit}`).toBeGreaterThanOrEqual(limit);
    }
  });

  it('builds the same timetable as an unlimited budget when the limit is generous', () => {
    const generous = constructWithin(full.reads * 4);
    expect(generous.complete).toBe(true);
    expect(generous.engine.state.meetings).toEqual(full.engine.state.meetings);
  });
});
