import { describe, expect, it } from 'vitest';
import { compileProblem } from '../../src/compiled/compile.js';
import { SolverState } from '../../src/engine/kernel/state.js';
import { closeEvaluationScope, openEvaluationScope } from '../../src/rules/evaluation-scope.js';
import { allRules } from '../../src/rules/catalogue.js';
import { measureRequirements, requirementsOf } from '../../src/rules/requirements.js';
import { patientWeek } from '../../src/rules/patient-week.js';
import { tinyProblem } from '../support/tiny.js';

describe('requirementsOf', () => {
  it('measures a patient once per board evaluation and afresh outside one or after a change', () => {
    const state = new SolverState(compileProblem(tinyProblem()), allRules(), new Map());
    const outside = requirementsOf(state, 0);
    expect(requirementsOf(state, 0)).not.toBe(outside);
    expect(outside).toEqual(measureRequirements(state, 0, patientWeek(state, 0)));
    openEvaluationScope();
    const shared = requirementsOf(state, 0);
    expect(requirementsOf(state, 0)).toBe(shared);
    expect(requirementsOf(state, 1)).not.toBe(shared);
    closeEvaluationScope();
    const before = outside.find((r) => r.rule === 'patient-min-weekly-hours')!.actual;
    state.add({ id: '', service: 1, track: -1, day: 2, start: 1080, end: 1140, room: -1, telehealth: true, staff: [0], patients: [0], pinned: false });
    openEvaluationScope();
    expect(requirementsOf(state, 0).find((r) => r.rule === 'patient-min-weekly-hours')!.actual).toBe(before + 60);
    closeEvaluationScope();
  });
});
