import { describe, it } from 'vitest';
import { DATE, expectBroken, expectKept, fullWeek, group, individual, tiny } from '../../test/support/rule-verifier.js';

const code = 'meeting-duration';
describe(code, () => {
  it('reports a meeting longer than its service', () => {
    expectBroken(code, tiny(), [group('g1', 'TU', '18:00', ['p1', 'p2'], {}, 90)], [{ penalty: 1, meetings: ['g1'], date: DATE.TU }]);
  });
  it('accepts the service duration', () => {
    expectKept(code, tiny(), [group('g1', 'TU', '18:00', ['p1', 'p2'], {}, 60)]);
  });
});
