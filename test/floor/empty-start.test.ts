/**
 * A solve's engine starts on an empty week: its hard rules are scored at once, the requirement
 * and soft rules when the score is first read (issue 22 item 1: construction measured every
 * patient's requirements on the empty week, then again on the week it built). The score read
 * is the score from scratch, before and after construction.
 */
import { describe, expect, it } from 'vitest';
import { generateProgram } from '../../bench/generate.js';
import { compileProblem } from '../../src/compiled/compile.js';
import { construct } from '../../src/engine/construct/construct.js';
import { createEngine } from '../../src/engine/kernel/create.js';
import { SolverState } from '../../src/engine/kernel/state.js';
import { assertValidProblem } from '../../src/input/validate.js';
import { allRules } from '../../src/rules/catalogue.js';
import type { Rule } from '../../src/rules/types.js';

/** A requirement rule that counts its evaluations and finds nothing. */
function counter(): { rule: Rule; calls: () => number } {
  let calls = 0;
  return {
    rule: { code: 'count-evaluations', level: 'requirement', scope: 'patient', title: 'count', description: 'count', evaluate: () => void (calls += 1) },
    calls: () => calls,
  };
}

describe('an engine on an empty week', () => {
  it('measures no requirement until the score is read, and then scores as from scratch', () => {
    const compiled = compileProblem(assertValidProblem(generateProgram({ patients: 60, seed: 2 })));
    const { rule, calls } = counter();
    const rules = [...allRules(), rule];
    const engine = createEngine(compiled, rules, new Map(), 1);
    expect(calls()).toBe(0);
    const fromScratch = new SolverState(compiled, rules, new Map());
    expect(engine.state.score()).toEqual(fromScratch.score());
    expect(calls()).toBe(compiled.patients.length + compiled.patients.length);
  });

  it('measures each patient once through construction, and ends on the score from scratch', () => {
    const compiled = compileProblem(assertValidProblem(generateProgram({ patients: 60, seed: 2 })));
    const { rule, calls } = counter();
    const rules = [...allRules(), rule];
    const engine = createEngine(compiled, rules, new Map(), 1);
    engine.budget.enter('construct');
    construct(engine);
    // Construction's final commit measures every patient once; before, the empty week had too.
    expect(calls()).toBeLessThan(2 * compiled.patients.length);
    const fromScratch = new SolverState(compiled, rules, new Map());
    for (const m of engine.state.meetings) if (m) fromScratch.add(m);
    fromScratch.rescore();
    expect(engine.state.score()).toEqual(fromScratch.score());
  });
});
