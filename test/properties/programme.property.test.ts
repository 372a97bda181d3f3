import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Change } from '../../src/model/options.js';
import type { Patient } from '../../src/model/problem.js';
import { checkSchedule } from '../../src/pipeline/check-schedule.js';
import { replan } from '../../src/replan/replan.js';
import { solve } from '../../src/pipeline/solve.js';
import { problemArbitrary } from '../support/arbitraries/random-problem.js';

const BUDGET = { maxIterations: 200, timeLimitMs: 60_000 } as const;

describe("the programme's own rules (issue 24) on random problems", () => {
  it('replan admits patients without a primary and never breaks staff-caseload doing so', () => {
    let proposed = 0;
    fc.assert(
      fc.property(problemArbitrary({ maxPatients: 8 }), fc.integer({ min: 1, max: 3 }), (problem, admissions) => {
        const { schedule } = solve(problem, { ...BUDGET, seed: 1 });
        const changes = Array.from({ length: admissions }, (_, i): Change => {
          const patient: Patient = { ...structuredClone(problem.patients[i % problem.patients.length]!), id: `new-${i}`, avoid: [] };
          delete patient.primaryStaff;
          return { kind: 'admit', patient };
        });
        const result = replan(problem, schedule, changes, { ...BUDGET, seed: 1 });
        const caseload = checkSchedule(result.problem, result.schedule).violations.filter((v) => v.rule === 'staff-caseload');
        expect(caseload.map((v) => v.message)).toEqual([]);
        for (const entry of result.changed.primaryStaff ?? []) {
          const given = result.problem.patients.find((p) => p.id === entry.patient)!.primaryStaff;
          expect(given ?? null).toBe(entry.staff);
          if (entry.staff !== null) proposed += 1;
        }
      }),
      { numRuns: 8, seed: 24 },
    );
    // A fixed sample: the proposals were made, not skipped.
    expect(proposed).toBeGreaterThan(0);
  });

  it('never asks a partial week for more days than the patient is enrolled on, nor more than a whole week', () => {
    fc.assert(
      fc.property(problemArbitrary({ maxPatients: 10 }), (problem) => {
        const report = checkSchedule(problem, { timeZone: problem.timeZone, weekStart: problem.weekStart, meetings: [] });
        for (const row of report.patients) {
          const days = row.requirements.find((r) => r.rule === 'patient-min-days');
          if (!row.partialWeek || !days) continue;
          if (row.partialWeek.mode === 'prorate') expect(days.target).toBeLessThanOrEqual(row.partialWeek.enrolledDays);
          if (row.partialWeek.mode === 'exempt') expect(days.target).toBe(0);
          expect(row.partialWeek.enrolledDays).toBeLessThan(row.partialWeek.programmeDays);
        }
      }),
      { numRuns: 30 },
    );
  });
});
