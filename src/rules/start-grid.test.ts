import { describe, it } from 'vitest';
import { DATE, expectBroken, expectKept, fullWeek, group, individual, tiny } from '../../test/support/rule-verifier.js';

const code = 'start-grid';
describe(code, () => {
  it('reports a start off the 15-minute grid', () => {
    expectBroken(code, tiny(), [group('g1', 'TU', '18:05', ['p1', 'p2'])], [{ penalty: 1, meetings: ['g1'], date: DATE.TU }]);
  });
  it('accepts starts on the grid, and a finer grid when configured', () => {
    expectKept(code, tiny(), [group('g1', 'TU', '18:15', ['p1', 'p2'])]);
    expectKept(code, tiny((p) => (p.granularityMinutes = 5)), [group('g1', 'TU', '18:05', ['p1', 'p2'])]);
  });
});
