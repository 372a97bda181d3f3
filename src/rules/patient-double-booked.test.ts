import { describe, it } from 'vitest';
import { DATE, expectBroken, expectKept, group, individual, tiny } from '../../test/support/rule-verifier.js';

const code = 'patient-double-booked';
describe(code, () => {
  it('reports a patient in two overlapping meetings, once per pair', () => {
    expectBroken(code, tiny(), [group('g1', 'TU', '18:00', ['p1', 'p2']), individual('i1', 'TU', '18:30', 'p1', { staff: ['clin-2'] })], [
      { penalty: 1, patients: ['p1'], meetings: ['g1', 'i1'], date: DATE.TU },
    ]);
  });
  it('accepts back-to-back meetings', () => {
    expectKept(code, tiny(), [group('g1', 'TU', '18:00', ['p1', 'p2']), individual('i1', 'TU', '19:00', 'p1')]);
  });
});
