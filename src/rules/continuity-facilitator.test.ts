import { describe, expect, it } from 'vitest';
import { DATE, expectBroken, expectKept, fullWeek, group, individual, reportOf, tiny } from '../../test/support/rule-verifier.js';

const code = 'continuity-facilitator';
describe(code, () => {
  it('reports each patient whose groups change facilitator', () => {
    expectBroken(code, tiny(), [group('g1', 'TU', '18:00', ['p1', 'p2']), group('g2', 'WE', '18:00', ['p1', 'p2'], { staff: ['clin-2'] })], [
      { penalty: 1, patients: ['p1'] },
      { penalty: 1, patients: ['p2'] },
    ]);
  });
  it('accepts one facilitator all week, and a co-facilitated group needing two', () => {
    expectKept(code, tiny(), fullWeek(['p1', 'p2']));
    const twoSeats = tiny((p) => (p.services[0]!.staff = [{ credentials: ['LCSW', 'LMFT'], count: 2 }]));
    expectKept(code, twoSeats, [group('g1', 'TU', '18:00', ['p1', 'p2'], { staff: ['clin-1', 'clin-2'] }), group('g2', 'WE', '18:00', ['p1', 'p2'], { staff: ['clin-2', 'clin-1'] })]);
  });
});
