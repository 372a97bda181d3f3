import { describe, expect, it } from 'vitest';
import { DATE, expectBroken, expectKept, fullWeek, group, individual, reportOf, tiny } from '../../test/support/rule-verifier.js';

const code = 'requires-min';
const problem = (): ReturnType<typeof tiny> =>
  tiny((p) => {
    p.patients = p.patients.slice(0, 2);
    p.patients[0]!.requires = [{ service: 'individual', min: 2 }];
  });
describe(code, () => {
  it('reports sessions short x the service duration', () => {
    expectBroken(code, problem(), [...fullWeek(['p1', 'p2']), individual('i1', 'MO', '10:00', 'p1')], [{ penalty: 60, patients: ['p1'] }]);
  });
  it('accepts the sessions required', () => {
    expectKept(code, problem(), [...fullWeek(['p1', 'p2']), individual('i1', 'MO', '10:00', 'p1'), individual('i2', 'FR', '10:00', 'p1')]);
  });
});
