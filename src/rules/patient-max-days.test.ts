import { describe, it } from 'vitest';
import { DATE, expectBroken, expectKept, fullWeek, group, individual, tiny } from '../../test/support/rule-verifier.js';

const code = 'patient-max-days';
describe(code, () => {
  it('reports days over the maximum', () => {
    expectBroken(code, tiny((p) => (p.patients[0]!.rules = { maxDays: 2, minDays: 1 })), fullWeek(['p1', 'p2']), [{ penalty: 1, patients: ['p1'] }]);
  });
  it('accepts the maximum', () => {
    expectKept(code, tiny((p) => (p.rules = { maxDays: 3 })), fullWeek(['p1', 'p2']));
  });
});
