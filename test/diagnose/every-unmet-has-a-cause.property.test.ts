/**
 * Every unmet requirement in any report says why: in `solve`'s report, in `checkSchedule`'s of
 * the same week, and in `checkSchedule`'s of a week with sessions taken away by hand.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSchedule } from '../../src/pipeline/check-schedule.js';
import { solve } from '../../src/pipeline/solve.js';
import type { Report } from '../../src/model/report.js';
import { feasibleProblemArbitrary, problemArbitrary } from '../support/arbitraries.js';

function withoutCause(report: Report): string[] {
  return report.unmet.filter((entry) => entry.causes.length === 0 || entry.causes.some((c) => c.message.trim() === '')).map((entry) => entry.message);
}

describe('every unmet requirement has a cause', () => {
  it('in the reports of solve and checkSchedule on random problems', () => {
    let unmetSeen = 0;
    fc.assert(
      fc.property(problemArbitrary({ maxPatients: 10, maxTracks: 2 }), (problem) => {
        const solved = solve(problem, { seed: 1, maxIterations: 200, timeLimitMs: 10_000 });
        unmetSeen += solved.report.unmet.length;
        expect(withoutCause(solved.report)).toEqual([]);
        expect(withoutCause(checkSchedule(problem, solved.schedule))).toEqual([]);
      }),
      { numRuns: 15 },
    );
    // The property must have met unmet requirements to say anything.
    expect(unmetSeen).toBeGreaterThan(0);
  });

  it('in the report of a known week with sessions removed by hand', () => {
    fc.assert(
      fc.property(feasibleProblemArbitrary({ maxPatients: 8 }), fc.nat(), ({ problem, schedule }, pick) => {
        const edited = structuredClone(schedule);
        const meeting = edited.meetings[pick % Math.max(1, edited.meetings.length)];
        fc.pre(meeting !== undefined && meeting.patients.length > 0);
        meeting!.patients.splice(0, 1);
        const report = checkSchedule(problem, edited);
        expect(withoutCause(report)).toEqual([]);
      }),
      { numRuns: 20 },
    );
  });
});
