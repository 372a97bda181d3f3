/**
 * A week where a clinician's dinner break binds: explain's top verified repair relaxes the break,
 * and the week re-solved with it applied serves the patients it claims.
 */
import { describe, expect, it } from 'vitest';
import type { Problem } from '../../src/model/problem.js';
import { applyRepair, explain } from '../../src/pipeline/explain.js';
import { solve } from '../../src/pipeline/solve.js';
import { tinyProblem } from '../support/tiny.js';

/** Three hours of groups on three evenings (the 9-hour minimum), one clinician whose 30-minute dinner break must fall 18:00-19:30. */
function eveningWithDinnerBreak(): Problem {
  const problem = tinyProblem();
  problem.rooms[0]!.capacity = 6;
  problem.staff = [{ id: 'clin-1', credentials: ['LCSW'], breaks: [{ minutes: 30, within: { start: '18:00', end: '19:30' } }] }];
  return problem;
}

describe('a binding break and its repair', () => {
  it('ranks relaxing the break first, and the week with it applied serves every patient it claims', () => {
    const problem = eveningWithDinnerBreak();
    const solved = solve(problem, { seed: 1, maxIterations: 500, timeLimitMs: 60_000 });
    expect(solved.report.unmet.map((u) => u.patient)).toEqual(['p1', 'p2', 'p3', 'p4']);
    expect(solved.report.unmet.every((u) => u.causes.some((c) => c.code === 'staff-breaks'))).toBe(true);

    const report = explain(problem, solved, { seed: 1, maxIterations: 1500, timeLimitMs: 60_000 });
    const top = report.unmet[0]!.repairs[0]!;
    expect(top).toMatchObject({ kind: 'widen-break-window', verified: true, effect: { patientsNewlyMet: 4 } });
    expect(top.message).toMatch(/^Let clin-1 take their 30-minute break anywhere 17:00-20:30 \(now 18:00-19:30\)/);
    expect(report.unmet.every((u) => u.repairs[0]?.message === top.message)).toBe(true);

    const repaired = applyRepair(problem, report, top)!;
    expect(repaired.staff[0]!.breaks).toEqual([{ minutes: 30, within: { start: '17:00', end: '20:30' } }]);
    const after = solve(repaired, { seed: 1, maxIterations: 2000, timeLimitMs: 60_000 });
    expect(after.report.score.hard).toBe(0);
    expect(after.report.unmet).toEqual([]);
    expect(after.report.patients.filter((p) => p.met).length).toBe(top.effect!.patientsNewlyMet);
  });
});
