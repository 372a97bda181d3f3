import { describe, it } from 'vitest';
import { DATE, expectBroken, expectKept, fullWeek, group, individual, tiny } from '../../test/support/rule-verifier.js';

const code = 'patient-max-weekly-hours';
describe(code, () => {
  it('reports minutes over the weekly maximum, the patient rules overriding the program', () => {
    const problem = tiny((p) => {
      p.rules = { maxWeeklyHours: 12 };
      p.patients[0]!.rules = { minWeeklyHours: 6, maxWeeklyHours: 8 };
    });
    expectBroken(code, problem, fullWeek(['p1', 'p2']), [{ penalty: 60, patients: ['p1'] }]);
  });
  it('accepts 9 hours under the default 19, and only counting services count', () => {
    expectKept(code, tiny(), fullWeek(['p1', 'p2']));
    const notCounting = tiny((p) => {
      p.rules = { maxWeeklyHours: 9 };
      p.services[1]!.countsTowardHours = false;
    });
    expectKept(code, notCounting, [...fullWeek(['p1', 'p2']), individual('i1', 'MO', '10:00', 'p1')]);
  });
});
