import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ProblemError } from '../../src/model/issue.js';
import { checkSchedule } from '../../src/pipeline/check-schedule.js';
import { validateProblem } from '../../src/input/validate.js';
import { nextWeek } from '../../src/replan/next-week.js';
import { replan } from '../../src/replan/replan.js';
import { replanCaseArbitrary } from './validity-case.js';

describe('replan validity', () => {
  it('returns a valid problem and a week with no hard violation after any valid changes, or refuses a discharge before admission', () => {
    fc.assert(
      fc.property(replanCaseArbitrary({ maxPatients: 8, anyDischargeDate: true }), ({ problem, schedule, changes, asOf }) => {
        // A published week that already breaks a hard rule (a random problem solved briefly) proves nothing.
        fc.pre(checkSchedule(problem, schedule).feasible);
        let result;
        try {
          result = replan(problem, schedule, changes, { seed: 1, maxIterations: 200, timeLimitMs: 60_000, ...(asOf !== undefined ? { asOf } : {}) });
        } catch (error) {
          if (!(error instanceof ProblemError)) throw error;
          // The one bad input the cases hold: a discharge dated before the patient's admission.
          for (const issue of error.issues) {
            expect(issue.code).toBe('invalid-range');
            const change = changes[Number(/^changes\[(\d+)\]\.from$/.exec(issue.path)?.[1])];
            const patient = change?.kind === 'discharge' ? problem.patients.find((p) => p.id === change.patient) : undefined;
            expect(patient?.admittedOn !== undefined && change?.kind === 'discharge' && change.from < patient.admittedOn, issue.message).toBe(true);
          }
          return;
        }
        expect(validateProblem(result.problem).ok).toBe(true);
        const report = checkSchedule(result.problem, result.schedule);
        expect(report.violations.filter((v) => v.level === 'hard').map((v) => v.message)).toEqual([]);
        expect(report.feasible).toBe(true);
        expect(() => nextWeek(result.problem, result.schedule)).not.toThrow();
      }),
      { numRuns: 50 },
    );
  });
});
