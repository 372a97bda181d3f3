import { describe, expect, it } from 'vitest';
import { DATE, expectBroken, expectKept, fullWeek, group, individual, reportOf, tiny } from '../../test/support/rule-verifier.js';

const code = 'daily-min-minutes';
const problem = (): ReturnType<typeof tiny> =>
  tiny((p) => {
    p.patients = p.patients.slice(0, 2);
    p.rules = { minDailyMinutes: 180 };
  });
describe(code, () => {
  it('reports minutes short on each attended day below the threshold', () => {
    const meetings = fullWeek(['p1', 'p2']).filter((m) => m.id !== 'g-WE-20');
    expectBroken(code, problem(), meetings, [
      { penalty: 60, patients: ['p1'], date: DATE.WE },
      { penalty: 60, patients: ['p2'], date: DATE.WE },
    ]);
    const statuses = reportOf(problem(), meetings).patients[0]!.requirements.filter((r) => r.rule === code);
    expect(statuses.map((s) => [s.date, s.met])).toEqual([[DATE.TU, true], [DATE.WE, false], [DATE.TH, true]]);
  });
  it('accepts full days and has no threshold by default', () => {
    expectKept(code, problem(), fullWeek(['p1', 'p2']));
    expectKept(code, tiny(), [group('g1', 'TU', '18:00', ['p1', 'p2'])]);
  });
});
