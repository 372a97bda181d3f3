import { describe, it } from 'vitest';
import { DATE, expectBroken, expectKept, fullWeek, group, individual, tiny } from '../../test/support/rule-verifier.js';

const code = 'requires-max';
const problem = (): ReturnType<typeof tiny> => tiny((p) => (p.patients[0]!.requires = [{ service: 'individual', min: 1, max: 1 }]));
describe(code, () => {
  it('reports sessions over the patient maximum', () => {
    expectBroken(code, problem(), [individual('i1', 'TU', '17:00', 'p1'), individual('i2', 'WE', '17:00', 'p1')], [{ penalty: 1, patients: ['p1'] }]);
  });
  it('accepts the maximum', () => {
    expectKept(code, problem(), [individual('i1', 'TU', '17:00', 'p1'), individual('i2', 'WE', '17:00', 'p2')]);
  });
});
