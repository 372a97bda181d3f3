import { describe, it } from 'vitest';
import { DATE, expectBroken, expectKept, group, individual, tiny } from '../../test/support/rule-verifier.js';

const code = 'group-min-size';
describe(code, () => {
  it('reports patients missing, for a thin and an empty group', () => {
    expectBroken(code, tiny(), [group('g1', 'TU', '18:00', ['p1']), group('g2', 'WE', '18:00', [])], [
      { penalty: 1, meetings: ['g1'], date: DATE.TU },
      { penalty: 2, meetings: ['g2'], date: DATE.WE },
    ]);
  });
  it('counts the no-shows of a meeting already held: it is judged as it was planned', () => {
    expectKept(code, tiny(), [group('g1', 'TU', '18:00', ['p1'], { noShows: ['p2'] }), group('g2', 'WE', '18:00', [], { noShows: ['p1', 'p2'] })]);
    expectBroken(code, tiny(), [group('g1', 'TU', '18:00', [], { noShows: ['p2'] })], [{ penalty: 1, meetings: ['g1'], date: DATE.TU }]);
  });
  it('accepts a group at its minimum; individual sessions are not groups', () => {
    expectKept(code, tiny(), [group('g1', 'TU', '18:00', ['p1', 'p2']), individual('i1', 'WE', '18:00', 'p1')]);
  });
});
