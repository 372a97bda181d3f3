import { describe, it } from 'vitest';
import { DATE, expectBroken, expectKept, group, individual, tiny } from '../../test/support/rule-verifier.js';

const code = 'staff-double-booked';
describe(code, () => {
  it('reports a staff member leading two overlapping meetings', () => {
    expectBroken(code, tiny(), [group('g1', 'TU', '18:00', ['p1', 'p2']), individual('i1', 'TU', '18:00', 'p3')], [
      { penalty: 1, staff: ['clin-1'], meetings: ['g1', 'i1'], date: DATE.TU },
    ]);
  });
  it('accepts the same times with different staff, and the same staff on another day', () => {
    expectKept(code, tiny(), [group('g1', 'TU', '18:00', ['p1', 'p2']), individual('i1', 'TU', '18:00', 'p3', { staff: ['clin-2'] }), individual('i2', 'WE', '18:00', 'p3')]);
  });
});
