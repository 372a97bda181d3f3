import { describe, expect, it } from 'vitest';
import { compileProblem } from '../compiled/compile.js';
import { assertValidProblem } from '../input/validate.js';
import { expectBroken, expectKept, fullWeek, group, reportOf, tiny } from '../../test/support/rule-verifier.js';
import { minutesShort, triageWeights } from './patients-short.js';

const code = 'patients-short';
const two = (): ReturnType<typeof tiny> => tiny((p) => (p.patients = p.patients.slice(0, 2)));

describe(code, () => {
  it('counts each patient short of any requirement once, at their triage weight', () => {
    const problem = two();
    const { weight, base } = triageWeights(compileProblem(assertValidProblem(problem)));
    expect(weight[1]).toBe(base);
    // p2 attends one evening only: short of hours and days, one violation.
    const meetings = [...fullWeek(['p1']), group('x', 'TU', '18:00', ['p2'])];
    const found = expectBroken(code, problem, meetings, [{ penalty: base, patients: ['p2'] }]);
    expect(found[0]!.message).toMatch(/Patient p2 is not fully served this week: 2 requirements fall short \(priority 0\)/);
  });
  it('finds nobody when every requirement is met', () => {
    expectKept(code, two(), fullWeek(['p1', 'p2']));
  });
  it("is off under triage 'spread': the requirement score is the minutes alone", () => {
    const meetings = [group('x', 'TU', '18:00', ['p1', 'p2'])];
    const spread = reportOf(two(), meetings, { triage: 'spread' });
    expect(spread.violations.filter((v) => v.rule === code)).toEqual([]);
    expect(spread.byRule.find((row) => row.rule === code)).toMatchObject({ violations: 0, weighted: 0 });
    const whole = reportOf(two(), meetings);
    expect(minutesShort(whole)).toBe(spread.score.requirement);
    expect(whole.score.requirement).toBeGreaterThan(spread.score.requirement + 1);
    expect(() => reportOf(two(), meetings, { triage: 'most' as 'spread' })).toThrow(/triage must be/);
  });
  it('weighs one patient above every minute of the week, and a higher priority above all the lower ones together', () => {
    const problem = tiny((p) => {
      p.patients.forEach((patient, i) => (patient.priority = i === 0 ? 2 : i === 1 ? 1 : 0));
    });
    const compiled = compileProblem(assertValidProblem(problem));
    const { weight, base } = triageWeights(compiled);
    // Nobody can be short of more than the whole week's requirements: far below the base.
    const empty = reportOf(problem, []);
    expect(minutesShort(empty)).toBeLessThan(base);
    expect(weight[2]).toBe(base);
    expect(weight[3]).toBe(base);
    expect(weight[1]).toBeGreaterThan(2 * base);
    expect(weight[0]).toBeGreaterThan(weight[1]! + 2 * base);
  });
  it('merges the lowest priorities when strict weights would not stay exact', () => {
    const problem = tiny((p) => {
      const template = p.patients[0]!;
      p.patients = Array.from({ length: 300 }, (_, i) => ({ ...template, id: `q${i}`, priority: i % 12 }));
    });
    const { weight } = triageWeights(compileProblem(assertValidProblem(problem)));
    const byPriority = new Map<number, number>();
    weight.forEach((w, i) => byPriority.set(i % 12, w));
    let total = 0;
    for (const w of weight) total += w;
    expect(Number.isSafeInteger(total)).toBe(true);
    // The highest keep a strict order; the lowest share one weight.
    expect(byPriority.get(11)).toBeGreaterThan(byPriority.get(10)! * 25);
    expect(byPriority.get(0)).toBe(byPriority.get(1));
  });
});
