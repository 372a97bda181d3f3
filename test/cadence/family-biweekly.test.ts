/**
 * Scenario: a biweekly family session (every 12-16 days) follows the family's every-other-week
 * Thursday evening: due in the weeks the family comes, not allowed in the others.
 */
import { describe, expect, it } from 'vitest';
import { planWeeks } from '../../src/pipeline/plan-weeks.js';
import { tinyProblem } from '../support/tiny.js';
import type { Problem } from '../../src/model/problem.js';

function familyClinic(): Problem {
  const problem = tinyProblem();
  problem.rules = { minWeeklyHours: 0, minDays: 0 };
  problem.services.push({ id: 'family', kind: 'individual', durationMinutes: 60, withFamily: true, staff: [{ credentials: ['LMFT'] }] });
  const p1 = problem.patients[0]!;
  p1.familyAvailability = { rrule: [{ rule: 'DTSTART:20261126T180000\nRRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=TH', durationMinutes: 120 }] };
  p1.requires = [{ service: 'family', cadence: { minDays: 12, maxDays: 16 } }];
  p1.history = [{ service: 'family', date: '2026-11-12' }];
  return problem;
}

describe('a biweekly family session', () => {
  it("follows the family's every-other-week availability over four weeks", () => {
    const plan = planWeeks(familyClinic(), { weeks: 4, seed: 1, maxIterations: 200, timeLimitMs: 60_000, forecast: { max: 0 } });
    const sessions = plan.weeks.flatMap((w) => w.schedule.meetings.filter((m) => m.service === 'family').map((m) => m.date));
    expect(sessions).toEqual(['2026-11-26', '2026-12-10']);
    const states = plan.weeks.map((w) => w.report.patients.find((r) => r.patient === 'p1')!.cadence![0]!);
    expect(states.map((s) => [s.state, s.dueBy, s.met])).toEqual([
      ['due', '2026-11-28', true],
      ['not-allowed', '2026-12-12', true],
      ['due', '2026-12-12', true],
      ['not-allowed', '2026-12-26', true],
    ]);
    for (const week of plan.weeks) expect(week.report.score.hard).toBe(0);
  });
});
