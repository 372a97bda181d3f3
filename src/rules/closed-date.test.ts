import { describe, it } from 'vitest';
import { DATE, expectBroken, expectKept, group, individual, tiny } from '../../test/support/rule-verifier.js';

const code = 'closed-date';
const problem = (): ReturnType<typeof tiny> => tiny((p) => (p.closedDates = ['2026-11-24']));
describe(code, () => {
  it('reports a meeting on a closed date', () => {
    expectBroken(code, problem(), [group('g1', 'TU', '18:00', ['p1', 'p2'])], [{ penalty: 1, meetings: ['g1'], date: DATE.TU }]);
  });
  it('accepts other days', () => {
    expectKept(code, problem(), [group('g1', 'WE', '18:00', ['p1', 'p2'])]);
  });
});
