/**
 * A patient left short by a staff member's break gets that break as a cause, in solve's report
 * and in checkSchedule's, and so does every unmet requirement when the staff work rules are on.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/model/report.js';
import { checkSchedule } from '../../src/pipeline/check-schedule.js';
import { solve } from '../../src/pipeline/solve.js';
import { problemArbitrary } from '../support/arbitraries.js';
import { withStaffWork } from '../support/staff-work.js';
import { tinyProblem } from '../support/tiny.js';

function causeCodes(report: Report): Set<string> {
  return new Set(report.unmet.flatMap((entry) => entry.causes.map((cause) => cause.code)));
}

describe('a break as the cause of an unmet requirement', () => {
  it('names staff-breaks when the only clinician must keep an hour free in each three-hour evening', () => {
    const problem = tinyProblem();
    problem.staff = [{ id: 'clin-1', credentials: ['LCSW'], breaks: [{ minutes: 60, within: { start: '18:00', end: '21:00' } }] }];
    const { schedule, report } = solve(problem, { seed: 1, maxIterations: 500, timeLimitMs: 60_000 });
    expect(report.allMet).toBe(false);
    expect(causeCodes(report)).toContain('staff-breaks');
    expect(causeCodes(checkSchedule(problem, schedule))).toContain('staff-breaks');
    const cause = report.unmet.flatMap((entry) => entry.causes).find((c) => c.code === 'staff-breaks')!;
    expect(cause.staff).toEqual(['clin-1']);
    expect(cause.message).toMatch(/clin-1 would lose their break/);
  });

  it('leaves no unmet requirement without a cause on random problems with notes time, breaks and longest runs', () => {
    let unmetSeen = 0;
    fc.assert(
      fc.property(problemArbitrary({ maxPatients: 10, maxTracks: 2 }), (drawn) => {
        const problem = withStaffWork(drawn);
        const { schedule, report } = solve(problem, { seed: 1, maxIterations: 200, timeLimitMs: 10_000 });
        unmetSeen += report.unmet.length;
        for (const checked of [report, checkSchedule(problem, schedule)]) {
          expect(checked.unmet.filter((entry) => entry.causes.length === 0).map((entry) => entry.message)).toEqual([]);
        }
      }),
      { numRuns: 10, seed: 2026 },
    );
    expect(unmetSeen).toBeGreaterThan(0);
  });
});
