/**
 * The ledger across weeks: `nextWeek` appends the week's sessions to each patient's history
 * (no-shows as such), and `replan`'s `missed` change records a no-show in the returned problem.
 */
import { describe, expect, it } from 'vitest';
import { nextWeek } from '../../src/replan/next-week.js';
import { replan } from '../../src/replan/replan.js';
import { validateProblem } from '../../src/input/validate.js';
import { LIMITS } from '../../src/input/limits.js';
import { ProblemError } from '../../src/model/issue.js';
import { fullWeek, individual } from '../support/rule-verifier.js';
import { scheduleOf, tinyProblem } from '../support/tiny.js';

const week = () => scheduleOf([...fullWeek(['p1', 'p2']), individual('i1', 'TU', '17:00', 'p1'), { ...individual('i2', 'WE', '17:00', 'p2'), patients: [], noShows: ['p2'] }]);

describe('nextWeek and the ledger', () => {
  it("appends the week's sessions to each patient's history: attended, no-shows as such, attendance overriding", () => {
    const problem = tinyProblem();
    problem.patients[0]!.history = [{ service: 'individual', date: '2026-11-17' }];
    const before = structuredClone(problem);
    const next = nextWeek(problem, week(), { attendance: [{ meeting: 'g-TU-18', patient: 'p2', status: 'no-show' }] });
    expect(problem).toEqual(before);
    const [p1, p2, p3] = next.problem.patients;
    expect(p1!.history).toHaveLength(1 + 9 + 1);
    expect(p1!.history![0]).toEqual({ service: 'individual', date: '2026-11-17' });
    expect(p1!.history!.filter((e) => e.service === 'individual')).toEqual([
      { service: 'individual', date: '2026-11-17' },
      { service: 'individual', date: '2026-11-24', status: 'attended' },
    ]);
    expect(p2!.history!.filter((e) => e.status === 'no-show')).toEqual([
      { service: 'process', date: '2026-11-24', status: 'no-show' },
      { service: 'individual', date: '2026-11-25', status: 'no-show' },
    ]);
    expect(p3!.history).toBeUndefined();
    expect(validateProblem(next.problem).ok).toBe(true);
  });
  it('rejects attendance naming a meeting or patient the week does not have', () => {
    const call = () => nextWeek(tinyProblem(), week(), { attendance: [{ meeting: 'nope', patient: 'p1', status: 'no-show' }, { meeting: 'i1', patient: 'p3', status: 'attended' }] });
    expect(call).toThrow(ProblemError);
    try {
      call();
    } catch (error) {
      expect((error as ProblemError).issues.map((i) => `${i.path} ${i.code}`)).toEqual(['attendance[0].meeting unknown-reference', 'attendance[1].patient unknown-reference']);
    }
  });
  it('keeps the most recent LIMITS.historyEntries entries', () => {
    const problem = tinyProblem();
    problem.patients[0]!.history = Array.from({ length: LIMITS.historyEntries }, (_, i) => ({ service: 'process', date: i < 5 ? '2020-01-01' : '2026-01-05' }));
    const next = nextWeek(problem, week());
    const history = next.problem.patients[0]!.history!;
    expect(history).toHaveLength(LIMITS.historyEntries);
    expect(history.some((e) => e.date === '2020-01-01')).toBe(false);
    expect(history.at(-1)!.date >= '2026-11-24').toBe(true);
  });
});

describe("replan's missed change", () => {
  it("records a no-show in the returned problem's history, which nextWeek does not repeat", () => {
    const problem = tinyProblem();
    const published = scheduleOf(fullWeek(['p1', 'p2', 'p3']));
    const result = replan(problem, published, [{ kind: 'missed', patient: 'p1', meeting: 'g-TU-18' }], { seed: 1, maxIterations: 200, timeLimitMs: 60_000 });
    expect(problem.patients[0]!.history).toBeUndefined();
    expect(result.problem.patients[0]!.history).toEqual([{ service: 'process', date: '2026-11-24', status: 'no-show' }]);
    expect(validateProblem(result.problem).ok).toBe(true);
    const next = nextWeek(result.problem, result.schedule);
    const noShows = next.problem.patients[0]!.history!.filter((e) => e.status === 'no-show');
    expect(noShows).toEqual([{ service: 'process', date: '2026-11-24', status: 'no-show' }]);
  });
});
