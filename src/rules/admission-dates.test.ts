import { describe, it } from 'vitest';
import { DATE, expectBroken, expectKept, group, individual, tiny } from '../../test/support/rule-verifier.js';

const code = 'admission-dates';
const problem = (): ReturnType<typeof tiny> =>
  tiny((p) => {
    p.patients[0]!.admittedOn = '2026-11-25';
    p.patients[1]!.dischargedOn = '2026-11-26';
  });
describe(code, () => {
  it('reports a session before admission and one on the discharge date', () => {
    expectBroken(code, problem(), [group('g1', 'TU', '18:00', ['p1', 'p3']), group('g2', 'TH', '18:00', ['p2', 'p3'])], [
      { penalty: 1, patients: ['p1'], meetings: ['g1'], date: DATE.TU },
      { penalty: 1, patients: ['p2'], meetings: ['g2'], date: DATE.TH },
    ]);
  });
  it('accepts the admission day and the day before discharge', () => {
    expectKept(code, problem(), [group('g1', 'WE', '18:00', ['p1', 'p2'])]);
  });
});
