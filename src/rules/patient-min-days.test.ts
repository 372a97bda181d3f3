import { describe, expect, it } from 'vitest';
import { DATE, expectBroken, expectKept, fullWeek, group, individual, reportOf, tiny } from '../../test/support/rule-verifier.js';

const code = 'patient-min-days';
const two = (): ReturnType<typeof tiny> => tiny((p) => (p.patients = p.patients.slice(0, 2)));
describe(code, () => {
  it('reports days short x 60', () => {
    const meetings = fullWeek(['p1', 'p2']).filter((m) => !m.id.includes('TH'));
    expectBroken(code, two(), meetings, [
      { penalty: 60, patients: ['p1'] },
      { penalty: 60, patients: ['p2'] },
    ]);
  });
  it('accepts three days', () => {
    expectKept(code, two(), fullWeek(['p1', 'p2']));
  });
});
