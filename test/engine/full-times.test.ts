/**
 * FullTimes: construction's marks of times an individual service found no staff or room, and
 * what each way of forgetting them forgets.
 */
import { describe, expect, it } from 'vitest';
import { compileProblem } from '../../src/compiled/compile.js';
import { FullTimes } from '../../src/engine/construct/full-times.js';
import { placeIndividual } from '../../src/engine/construct/individuals.js';
import { createEngine } from '../../src/engine/kernel/create.js';
import { assertValidProblem } from '../../src/input/validate.js';
import { allRules } from '../../src/rules/catalogue.js';
import { tinyProblem } from '../support/tiny.js';

function marked(): FullTimes {
  const full = new FullTimes(3);
  for (const s of [0, 1, 2]) for (const day of [0, 3]) full.set(s, day, 600, 1);
  full.set(1, 3, 900, 2);
  return full;
}

describe('FullTimes', () => {
  it('keeps both marks of a time', () => {
    const full = marked();
    full.set(1, 3, 600, 2);
    expect(full.get(1, 3, 600)).toBe(3);
  });

  it('forgetServiceDay forgets one service on one day only', () => {
    const full = marked();
    full.forgetServiceDay(1, 3);
    expect(full.get(1, 3, 600)).toBe(0);
    expect(full.get(1, 3, 900)).toBe(0);
    expect(full.get(1, 0, 600)).toBe(1);
    expect(full.get(0, 3, 600)).toBe(1);
    expect(full.get(2, 3, 600)).toBe(1);
  });

  it('forgetService forgets one service all week; forgetDay every service on one day', () => {
    const byService = marked();
    byService.forgetService(1);
    expect([byService.get(1, 0, 600), byService.get(1, 3, 600), byService.get(0, 0, 600)]).toEqual([0, 0, 1]);
    const byDay = marked();
    byDay.forgetDay(3);
    expect([byDay.get(0, 3, 600), byDay.get(2, 3, 600), byDay.get(1, 0, 600)]).toEqual([0, 0, 1]);
  });
});

describe('placeIndividual passing over full times', () => {
  it("records the patient's own cause when the last time tried was full and the patient could not have come then either", () => {
    const problem = tinyProblem();
    problem.services.push({ id: 'family', kind: 'individual', durationMinutes: 60, staff: [{ credentials: ['LCSW', 'LMFT'] }], telehealth: 'allowed', withFamily: true });
    // The family can come on Saturday mornings only: no time on the patient's Tuesday suits it.
    problem.patients[0] = { ...problem.patients[0]!, familyAvailability: { weekly: [{ days: ['SA'], start: '10:00', end: '11:00' }] } };
    const engine = createEngine(compileProblem(assertValidProblem(problem)), allRules(), new Map(), 1);
    engine.state.add({ id: '', service: 0, track: 0, day: 1, start: 1080, end: 1140, room: 0, telehealth: false, staff: [0], patients: [0, 1, 2], pinned: false });
    engine.state.commit();
    // Every time of the family session that day found full before (by another patient's try).
    const full = new FullTimes(engine.problem.services.length);
    for (let start = 0; start < 1440; start += 5) full.set(2, 1, start, 1);
    expect(placeIndividual(engine, 0, 2, false, full, [1])).toBe(-1);
    // The patient's check comes first in the order of the checks: it names the cause.
    expect(engine.conflicts.count('p1', 'family-availability')).toBe(1);
    expect(engine.conflicts.count('p1', 'staff-availability')).toBe(0);
  });
});
