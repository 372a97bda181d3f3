import { describe, expect, it } from 'vitest';
import { compileProblem } from '../../src/compiled/compile.js';
import { SolverState } from '../../src/engine/kernel/state.js';
import { createEngine } from '../../src/engine/kernel/create.js';
import { settleHard } from '../../src/engine/kernel/engine.js';
import { construct } from '../../src/engine/construct/construct.js';
import { Random } from '../../src/engine/kernel/random.js';
import { allRules } from '../../src/rules/catalogue.js';
import { tinyProblem } from '../support/tiny.js';
import { freshScore, patientZeroSpy, randomTinyChange } from '../support/tiny-state.js';

describe('SolverState deferred scoring (hardScore)', () => {
  it('keeps the hard total current and the full score equal to a fresh evaluation through marks, undos, reads and commits', () => {
    const compiled = compileProblem(tinyProblem());
    const rules = allRules();
    for (let seed = 1; seed <= 40; seed++) {
      const random = new Random(seed);
      const state = new SolverState(compiled, rules, new Map());
      for (let step = 0; step < 30; step++) {
        const mark = state.mark();
        const hard = state.hardScore();
        expect(hard).toBe(freshScore(compiled, rules, state).hard);
        const changes = 1 + random.int(3);
        for (let k = 0; k < changes; k++) {
          randomTinyChange(state, random);
          // Reads in the middle evaluate the deferred rules on a timetable the undo may take back.
          if (random.int(4) === 0) state.hardScore();
          if (random.int(4) === 0) state.score();
        }
        const after = state.hardScore();
        expect(after).toBe(freshScore(compiled, rules, state).hard);
        if (random.int(2) === 0) state.rollback(mark);
        if (random.int(3) === 0) expect(state.board.subjectPenalty('patient', random.int(4), 'requirement')).toBeGreaterThanOrEqual(0);
        if (random.int(5) === 0) state.commit();
        state.hardScore();
        expect(state.score()).toEqual(freshScore(compiled, rules, state));
      }
      state.commit();
      expect(state.score()).toEqual(freshScore(compiled, rules, state));
    }
  });

  it('evaluates the requirement and soft rules of a patient placed many times once, when the score is read', () => {
    const spy = patientZeroSpy('soft');
    const state = new SolverState(compileProblem(tinyProblem()), [...allRules(), spy.rule], new Map());
    spy.evaluations = 0;
    for (const day of [1, 2, 3]) {
      for (const start of [1080, 1140]) {
        state.mark();
        state.add({ id: '', service: 1, track: -1, day, start, end: start + 60, room: -1, telehealth: true, staff: [0], patients: [0], pinned: false });
        state.hardScore();
      }
    }
    expect(spy.evaluations).toBe(0);
    state.score();
    expect(spy.evaluations).toBe(1);
    // Outside deferred scoring (after a commit) every rescore evaluates every rule, as before.
    state.commit();
    state.add({ id: '', service: 1, track: -1, day: 4, start: 1080, end: 1140, room: -1, telehealth: true, staff: [1], patients: [0], pinned: false });
    state.rescore();
    expect(spy.evaluations).toBe(2);
  });

  it("defers only while construction runs: afterwards (the search's moves) settleHard scores every rule at once", () => {
    const spy = patientZeroSpy('soft');
    const engine = createEngine(compileProblem(tinyProblem()), [...allRules(), spy.rule], new Map(), 1);
    construct(engine);
    expect(engine.deferScoring).toBe(false);
    expect(engine.state.score()).toEqual(freshScore(engine.problem, [...allRules(), spy.rule], engine.state));
    spy.evaluations = 0;
    const mark = engine.state.mark();
    const hard = engine.state.hardScore();
    engine.state.add({ id: '', service: 1, track: -1, day: 5, start: 600, end: 660, room: -1, telehealth: true, staff: [0], patients: [0], pinned: false });
    settleHard(engine, mark, hard);
    expect(spy.evaluations).toBeGreaterThan(0);
  });
});
