/**
 * Properties of cadence over random problems and random histories: every due cadence session is
 * placed or reported unmet with a cause; none is placed inside its minimum interval (nor after
 * its due date); planWeeks of N weeks equals N single solves chained by hand.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { solve } from '../../src/pipeline/solve.js';
import { planWeeks, withoutDischarged } from '../../src/pipeline/plan-weeks.js';
import { nextWeek } from '../../src/replan/next-week.js';
import { assertValidProblem } from '../../src/input/validate.js';
import type { Problem } from '../../src/model/problem.js';
import { addDays } from '../../src/time/week.js';
import { problemArbitrary } from '../support/arbitraries/random-problem.js';

const BUDGET = { maxIterations: 200, timeLimitMs: 60_000 } as const;

/** A random problem whose patients get random cadences (2-60 days) and attended or missed sessions up to 70 days back. */
function withCadences(maxPatients: number): fc.Arbitrary<Problem> {
  return problemArbitrary({ maxPatients }).chain((problem) => {
    const perPatient = fc.record({
      on: fc.boolean(),
      service: fc.nat(),
      minDays: fc.integer({ min: 1, max: 30 }),
      span: fc.integer({ min: 0, max: 30 }),
      history: fc.array(fc.record({ daysBack: fc.integer({ min: 1, max: 70 }), status: fc.constantFrom('attended' as const, 'attended' as const, 'no-show' as const) }), { maxLength: 3 }),
    });
    return fc.array(perPatient, { minLength: problem.patients.length, maxLength: problem.patients.length }).map((choices) => {
      const copy = structuredClone(problem);
      copy.patients.forEach((patient, i) => {
        const choice = choices[i]!;
        if (!choice.on || copy.services.length === 0) return;
        const service = copy.services[choice.service % copy.services.length]!.id;
        patient.requires = [...(patient.requires ?? []).filter((r) => r.service !== service), { service, cadence: { minDays: choice.minDays, maxDays: choice.minDays + choice.span } }];
        patient.history = choice.history.map((h) => ({ service, date: addDays(copy.weekStart, -h.daysBack), status: h.status }));
      });
      return copy;
    });
  });
}

const days = (from: string, to: string): number => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

describe('cadence on random problems and histories', () => {
  it('places every due cadence session or reports it unmet with a cause, never inside the minimum interval nor after the due date', () => {
    fc.assert(
      fc.property(withCadences(8), fc.integer({ min: 0, max: 100 }), (problem, seed) => {
        const { schedule, report } = solve(problem, { ...BUDGET, seed });
        expect(report.score.hard).toBe(0);
        for (const row of report.patients) {
          const patient = problem.patients.find((p) => p.id === row.patient)!;
          for (const cadence of row.cadence ?? []) {
            const entry = patient.requires!.find((r) => r.service === cadence.service)!;
            const held = schedule.meetings.filter((m) => m.service === cadence.service && m.patients.includes(row.patient)).map((m) => m.date);
            expect(cadence.held).toEqual([...held].sort());
            for (const date of held) {
              if (cadence.lastAttended !== undefined) expect(days(cadence.lastAttended, date)).toBeGreaterThanOrEqual(entry.cadence!.minDays);
              if (cadence.state === 'due') expect(date <= cadence.dueBy!).toBe(true);
            }
            if (cadence.state === 'not-allowed') expect(held).toEqual([]);
            const wanted = cadence.state === 'due' || cadence.state === 'overdue' || cadence.state === 'new';
            if (!wanted || held.length > 0 || row.requirements.length === 0) continue;
            const unmet = report.unmet.find((u) => u.patient === row.patient && u.rule === 'requires-min' && u.service === cadence.service);
            expect(unmet, `${row.patient} ${cadence.service}`).toBeDefined();
            expect(unmet!.causes.length).toBeGreaterThan(0);
          }
        }
      }),
      { numRuns: 12 },
    );
  });

  it('plans N weeks as N single solves chained by hand, at the same seed and iterations', () => {
    fc.assert(
      fc.property(withCadences(6), fc.integer({ min: 0, max: 100 }), (problem, seed) => {
        const options = { ...BUDGET, seed };
        const plan = planWeeks(problem, { ...options, weeks: 2, forecast: { max: 0 } });
        let week: Problem = assertValidProblem(problem);
        week = withoutDischarged(week, week.weekStart);
        for (const planned of plan.weeks) {
          const { schedule } = solve(week, options);
          expect(planned.problem).toEqual(week);
          expect(planned.schedule).toEqual(schedule);
          const next = nextWeek(week, schedule).problem;
          week = withoutDischarged(next, next.weekStart);
        }
      }),
      { numRuns: 5, endOnFailure: true },
    );
  });
});
