import { describe, expect, it } from 'vitest';
import { DATE, expectBroken, expectKept, fullWeek, group, individual, reportOf, tiny } from '../../test/support/rule-verifier.js';

const code = 'staffed-hours';
describe(code, () => {
  it('reports minutes x staff / 5 per meeting', () => {
    const twoSeats = tiny((p) => (p.services[0]!.staff = [{ credentials: ['LCSW', 'LMFT'], count: 2 }]));
    expectBroken(code, twoSeats, [group('g1', 'TU', '18:00', ['p1', 'p2'], { staff: ['clin-1', 'clin-2'] })], [{ penalty: 24, meetings: ['g1'], staff: ['clin-1', 'clin-2'], date: DATE.TU }]);
  });
  it('has nothing to count without meetings', () => {
    expectKept(code, tiny(), []);
  });
});
