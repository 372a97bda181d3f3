import { describe, it } from 'vitest';
import { DATE, expectBroken, expectKept, group, individual, tiny } from '../../test/support/rule-verifier.js';

const code = 'primary-staff-only';
const problem = (): ReturnType<typeof tiny> =>
  tiny((p) => {
    p.services[1]!.primaryOnly = true;
    p.patients[0]!.primaryStaff = 'clin-2';
  });
describe(code, () => {
  it('reports a primary-only session led by someone else', () => {
    expectBroken(code, problem(), [individual('i1', 'TU', '18:00', 'p1')], [{ penalty: 1, meetings: ['i1'], patients: ['p1'], staff: ['clin-1'], date: DATE.TU }]);
  });
  it('accepts the primary therapist, and no restriction for a patient without one', () => {
    expectKept(code, problem(), [individual('i1', 'TU', '18:00', 'p1', { staff: ['clin-2'] }), individual('i2', 'WE', '18:00', 'p2')]);
  });
});
