import { describe, expect, it } from 'vitest';
import { DATE, expectBroken, expectKept, fullWeek, group, individual, reportOf, tiny } from '../../test/support/rule-verifier.js';

const code = 'primary-therapist';
const problem = (): ReturnType<typeof tiny> => tiny((p) => (p.patients[0]!.primaryStaff = 'clin-2'));
describe(code, () => {
  it('reports an individual session not led by the primary therapist', () => {
    expectBroken(code, problem(), [individual('i1', 'TU', '17:00', 'p1')], [{ penalty: 1, meetings: ['i1'], patients: ['p1'], staff: ['clin-1'], date: DATE.TU }]);
  });
  it('accepts the primary therapist, and any clinician for a patient without one', () => {
    expectKept(code, problem(), [individual('i1', 'TU', '17:00', 'p1', { staff: ['clin-2'] }), individual('i2', 'WE', '17:00', 'p2')]);
  });
});
