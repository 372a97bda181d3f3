import { describe, expect, it } from 'vitest';
import { DATE, expectBroken, expectKept, fullWeek, group, individual, reportOf, tiny } from '../../test/support/rule-verifier.js';

const code = 'daily-min-services';
const problem = (): ReturnType<typeof tiny> =>
  tiny((p) => {
    p.patients = p.patients.slice(0, 2);
    p.tracks[0]!.rules = { minDailyServices: 3 };
  });
describe(code, () => {
  it('reports sessions short x 60 on each attended day', () => {
    const meetings = fullWeek(['p1', 'p2']).filter((m) => !m.id.startsWith('g-TH-2') && !m.id.startsWith('g-TH-19'));
    expectBroken(code, problem(), meetings, [
      { penalty: 120, patients: ['p1'], date: DATE.TH },
      { penalty: 120, patients: ['p2'], date: DATE.TH },
    ]);
  });
  it('accepts three sessions a day', () => {
    expectKept(code, problem(), fullWeek(['p1', 'p2']));
  });
});
