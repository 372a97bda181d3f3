import { describe, expect, it } from 'vitest';
import { DATE, expectBroken, expectKept, fullWeek, group, individual, reportOf, tiny } from '../../test/support/rule-verifier.js';

const code = 'group-size-balance';
describe(code, () => {
  it('reports the squared distance from the ideal size (7 for 2..12)', () => {
    expectBroken(code, tiny(), [group('g1', 'TU', '18:00', ['p1', 'p2', 'p3'])], [{ penalty: 16, meetings: ['g1'], date: DATE.TU }]);
  });
  it('accepts a group at the middle of its range; individual sessions are not groups', () => {
    expectKept(code, tiny((p) => (p.services[0]!.maxSize = 4)), [group('g1', 'TU', '18:00', ['p1', 'p2', 'p3']), individual('i1', 'WE', '18:00', 'p1')]);
  });
});
