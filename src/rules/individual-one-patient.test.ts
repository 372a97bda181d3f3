import { describe, it } from 'vitest';
import { DATE, expectBroken, expectKept, group, individual, tiny } from '../../test/support/rule-verifier.js';

const code = 'individual-one-patient';
describe(code, () => {
  it('reports an individual session with two patients and one with none', () => {
    expectBroken(code, tiny(), [individual('i1', 'TU', '18:00', 'p1', { patients: ['p1', 'p2'], room: null, mode: 'telehealth' }), individual('i2', 'WE', '18:00', 'p1', { patients: [] })], [
      { penalty: 1, meetings: ['i1'], patients: ['p1', 'p2'], date: DATE.TU },
      { penalty: 1, meetings: ['i2'], patients: [], date: DATE.WE },
    ]);
  });
  it('accepts one patient', () => {
    expectKept(code, tiny(), [individual('i1', 'TU', '18:00', 'p1')]);
  });
});
