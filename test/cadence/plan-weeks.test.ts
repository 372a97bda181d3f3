/**
 * planWeeks: consecutive weeks chained through the ledger, admissions and discharges by date, the
 * same weeks as single solves chained by hand, and a forecast per track and week.
 */
import { describe, expect, it } from 'vitest';
import { planWeeks, withoutDischarged } from '../../src/pipeline/plan-weeks.js';
import { solve } from '../../src/pipeline/solve.js';
import { nextWeek } from '../../src/replan/next-week.js';
import { ProblemError } from '../../src/model/issue.js';
import { assertValidProblem } from '../../src/input/validate.js';
import type { Problem } from '../../src/model/problem.js';
import { tinyProblem } from '../support/tiny.js';

const solveOptions = { seed: 3, maxIterations: 300, timeLimitMs: 60_000 };

/** The tiny clinic, roomier, with a weekly-ish individual session on a 7-9 day cadence for p1. */
function clinic(): Problem {
  const problem = tinyProblem();
  problem.rooms[0]!.capacity = 8;
  problem.rules = { minWeeklyHours: 3, minDays: 1 };
  problem.patients[0]!.requires = [{ service: 'individual', cadence: { minDays: 7, maxDays: 9 } }];
  problem.patients[3]!.dischargedOn = '2026-12-01';
  problem.patients[1]!.avoid = ['p4']; // gone from week 3: the avoid list must not name them then
  return problem;
}

describe('planWeeks', () => {
  it('plans consecutive weeks with the history of the weeks before, admissions and discharges by date', () => {
    const problem = clinic();
    const before = structuredClone(problem);
    const plan = planWeeks(problem, { ...solveOptions, weeks: 3, admissions: [{ id: 'p5', tracks: ['evening'], admittedOn: '2026-12-02' }], forecast: { max: 0 } });
    expect(problem).toEqual(before);
    expect(plan.weeks.map((w) => w.problem.weekStart)).toEqual(['2026-11-23', '2026-11-30', '2026-12-07']);
    expect(plan.weeks.map((w) => w.problem.patients.map((p) => p.id))).toEqual([
      ['p1', 'p2', 'p3', 'p4'],
      ['p1', 'p2', 'p3', 'p4', 'p5'], // p4 leaves on Tuesday 1 December, p5 joins on Wednesday the 2nd
      ['p1', 'p2', 'p3', 'p5'],
    ]);
    // Each week's history holds exactly the weeks before.
    const p1 = plan.weeks.map((w) => w.problem.patients[0]!.history ?? []);
    expect(p1[0]).toEqual([]);
    expect(p1[1]!.length).toBe(plan.weeks[0]!.schedule.meetings.filter((m) => m.patients.includes('p1')).length);
    expect(p1[2]!.every((e) => e.date < '2026-12-07')).toBe(true);
    // The cadence follows: a new patient is due in week 1, then every 7-9 days.
    const sessions = plan.weeks.flatMap((w) => w.schedule.meetings.filter((m) => m.service === 'individual' && m.patients.includes('p1')).map((m) => m.date));
    expect(sessions.length).toBe(3);
    for (let i = 1; i < sessions.length; i++) {
      const gap = (Date.parse(sessions[i]!) - Date.parse(sessions[i - 1]!)) / 86_400_000;
      expect(gap >= 7 && gap <= 9, `${sessions.join(' ')}`).toBe(true);
    }
    expect(plan.weeks.every((w) => w.report.score.hard === 0)).toBe(true);
    expect(plan.forecast).toEqual({ max: 0, rows: [] });
  });

  it('gives the same weeks as single solves chained by hand', () => {
    const plan = planWeeks(clinic(), { ...solveOptions, weeks: 3, forecast: { max: 0 } });
    let problem = clinic();
    for (const week of plan.weeks) {
      const { schedule } = solve(problem, solveOptions);
      expect(week.problem).toEqual(assertValidProblem(problem));
      expect(schedule).toEqual(week.schedule);
      const next = nextWeek(week.problem, schedule).problem;
      problem = withoutDischarged(next, next.weekStart);
    }
  });

  it('forecasts per track and week how many more patients of a shape could be fully served', () => {
    const plan = planWeeks(clinic(), { ...solveOptions, weeks: 2, forecast: { max: 3, maxIterations: 200 } });
    expect(plan.forecast.max).toBe(3);
    expect(plan.forecast.rows.map((r) => [r.track, r.weekStart])).toEqual([['evening', '2026-11-23'], ['evening', '2026-11-30']]);
    for (const row of plan.forecast.rows) {
      expect(row.more).toBeGreaterThanOrEqual(0);
      expect(row.more).toBeLessThanOrEqual(3);
      expect(row.atLeast).toBe(row.more === 3);
    }
    // Room for 8 in the one group room, 4 enrolled: a bare evening patient fits at least once.
    expect(plan.forecast.rows[0]!.more).toBeGreaterThan(0);
    // A shape that can never be served (an adolescent-only group) fits zero times.
    const none = planWeeks(clinic(), { ...solveOptions, weeks: 1, forecast: { max: 2, maxIterations: 200, shape: { tracks: [], availability: { weekly: [{ days: ['MO'], start: '08:00', end: '09:00' }] } } } });
    expect(none.forecast.rows).toEqual([{ track: 'evening', weekStart: '2026-11-23', more: 0, atLeast: false }]);
  });

  it('rejects bad weeks and admissions with paths', () => {
    const issues = (call: () => unknown): string[] => {
      try {
        call();
        return [];
      } catch (error) {
        return (error as ProblemError).issues.map((i) => `${i.path} ${i.code}`);
      }
    };
    expect(issues(() => planWeeks(clinic(), { weeks: 0 }))).toEqual(['weeks out-of-range']);
    expect(issues(() => planWeeks(clinic(), { ...solveOptions, weeks: 2, forecast: { max: 0 }, admissions: [{ id: 'p9', tracks: ['nite'], admittedOn: '2026-12-01' }] }))).toEqual([
      'admissions[0].tracks[0] unknown-reference',
    ]);
  });
});
