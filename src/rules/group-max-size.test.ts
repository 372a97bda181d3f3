import { describe, it } from 'vitest';
import { DATE, expectBroken, expectKept, group, individual, tiny } from '../../test/support/rule-verifier.js';

const code = 'group-max-size';
const small = (): ReturnType<typeof tiny> => tiny((p) => (p.services[0]!.maxSize = 2));
describe(code, () => {
  it('reports patients over the maximum', () => {
    expectBroken(code, small(), [group('g1', 'TU', '18:00', ['p1', 'p2', 'p3'])], [{ penalty: 1, meetings: ['g1'], date: DATE.TU }]);
  });
  it('accepts a group at its maximum', () => {
    expectKept(code, small(), [group('g1', 'TU', '18:00', ['p1', 'p2'])]);
  });
});
