import { describe, expect, it } from 'vitest';
import { compileProblem } from '../../src/compiled/compile.js';
import { construct } from '../../src/engine/construct/construct.js';
import { createEngine } from '../../src/engine/kernel/create.js';
import { Random } from '../../src/engine/kernel/random.js';
import { SolverState } from '../../src/engine/kernel/state.js';
import { allRules } from '../../src/rules/catalogue.js';
import { evaluationEpoch } from '../../src/rules/evaluation-scope.js';
import type { PlacedMeeting, Rule } from '../../src/rules/types.js';
import { tinyProblem } from '../support/tiny.js';
import { freshScore, patientZeroSpy, randomTinyChange } from '../support/tiny-state.js';

/** A hard rule the fast checks know nothing of: no meeting on Wednesday (day 2 of the tiny week). */
const noWednesday: Rule = {
  code: 'test-no-wednesday',
  level: 'hard',
  scope: 'meeting',
  title: 'No Wednesday',
  description: 'A hard rule without a fast check.',
  evaluate(ctx, index, emit) {
    if (ctx.meetings[index]?.day === 2) emit(1, () => ({ message: 'a meeting on Wednesday' }));
  },
};

describe('SolverState.trustFastChecks', () => {
  it('defers the hard rules too, and a commit brings the whole score to a fresh evaluation through marks, undos and reads', () => {
    const compiled = compileProblem(tinyProblem());
    const rules = allRules();
    for (let seed = 1; seed <= 40; seed++) {
      const random = new Random(seed);
      const state = new SolverState(compiled, rules, new Map());
      state.trustFastChecks(true);
      for (let step = 0; step < 30; step++) {
        const mark = state.mark();
        state.hardScore();
        const changes = 1 + random.int(3);
        for (let k = 0; k < changes; k++) {
          randomTinyChange(state, random);
          if (random.int(4) === 0) state.hardScore();
          // A read in the middle evaluates the deferred rules on a timetable the undo may take back.
          if (random.int(4) === 0) state.score();
        }
        state.hardScore();
        if (random.int(2) === 0) state.rollback(mark);
        if (random.int(5) === 0) expect(state.score()).toEqual(freshScore(compiled, rules, state));
        if (random.int(5) === 0) state.forgetLog();
        if (random.int(7) === 0) state.commit();
      }
      state.trustFastChecks(false);
      state.commit();
      expect(state.score()).toEqual(freshScore(compiled, rules, state));
    }
  });

  it("evaluates a patient's hard rules once when the score is read, not once a placement", () => {
    const spy = patientZeroSpy('hard');
    const state = new SolverState(compileProblem(tinyProblem()), [...allRules(), spy.rule], new Map());
    state.trustFastChecks(true);
    spy.evaluations = 0;
    for (const day of [1, 2, 3]) {
      for (const start of [1080, 1140]) {
        state.mark();
        state.add({ id: '', service: 1, track: -1, day, start, end: start + 60, room: -1, telehealth: true, staff: [0], patients: [0], pinned: false });
        state.hardScore();
      }
    }
    expect(spy.evaluations).toBe(0);
    state.trustFastChecks(false);
    state.commit();
    expect(spy.evaluations).toBe(1);
  });

  it("evaluates a patient's hard and other rules in one memo scope at the end, so their week is measured once", () => {
    // Which memo scope each level's rules saw patient 0 in (a scope memoises the patient's week).
    const scopes: Record<'hard' | 'soft', number[]> = { hard: [], soft: [] };
    const scopeSpy = (level: 'hard' | 'soft'): Rule => ({
      code: `scope-spy-${level}`,
      level,
      scope: 'patient',
      title: 'Scope spy',
      description: 'Records the memo scope it evaluates patient 0 in.',
      evaluate(_ctx, patient) {
        if (patient === 0) scopes[level].push(evaluationEpoch());
      },
    });
    const state = new SolverState(compileProblem(tinyProblem()), [...allRules(), scopeSpy('hard'), scopeSpy('soft')], new Map());
    state.trustFastChecks(true);
    scopes.hard.length = 0;
    scopes.soft.length = 0;
    for (const day of [1, 2]) {
      state.mark();
      state.add({ id: '', service: 1, track: -1, day, start: 1080, end: 1140, room: -1, telehealth: true, staff: [0], patients: [0], pinned: false });
      state.hardScore();
    }
    state.trustFastChecks(false);
    state.commit();
    expect(scopes.hard).toHaveLength(1);
    expect(scopes.soft).toHaveLength(1);
    expect(scopes.hard[0]).toBeGreaterThanOrEqual(0);
    expect(scopes.soft[0]).toBe(scopes.hard[0]);
  });
});

describe('construction trusting the fast checks', () => {
  it('asks the catalogue at the end, and builds again checked after every placement when it finds a hard rule broken', () => {
    const compiled = compileProblem(tinyProblem());
    const engine = createEngine(compiled, [...allRules(), noWednesday], new Map(), 1);
    construct(engine);
    const meetings = engine.state.meetings.filter((m): m is PlacedMeeting => m !== undefined);
    // Trusted, the groups went on Wednesday too (the fast checks allow it); the catalogue said no,
    // once at the end and then once for every Wednesday placement of the checked build.
    expect(engine.safetyRejections).toBeGreaterThan(1);
    expect(engine.state.score().hard).toBe(0);
    expect(meetings.length).toBeGreaterThan(0);
    expect(meetings.filter((m) => m.day === 2)).toEqual([]);
    expect(engine.state.score()).toEqual(freshScore(compiled, [...allRules(), noWednesday], engine.state));

    const plain = createEngine(compiled, allRules(), new Map(), 1);
    construct(plain);
    expect(plain.safetyRejections).toBe(0);
    expect(plain.state.meetings.some((m) => m?.day === 2)).toBe(true);
  });
});
