import { describe, expect, it } from 'vitest';
import { DATE, expectBroken, expectKept, fullWeek, group, individual, reportOf, tiny } from '../../test/support/rule-verifier.js';

const code = 'staff-load-balance';
describe(code, () => {
  it('reports round(minutes^2 / 900) per staff member', () => {
    expectBroken(code, tiny(), [group('g1', 'TU', '18:00', ['p1', 'p2']), group('g2', 'WE', '18:00', ['p1', 'p2']), individual('i1', 'TU', '18:00', 'p3', { staff: ['clin-2'] })], [
      { penalty: 16, staff: ['clin-1'] },
      { penalty: 4, staff: ['clin-2'] },
    ]);
  });
  it('is lower for the same work spread evenly, and zero for no work', () => {
    const even = reportOf(tiny(), [group('g1', 'TU', '18:00', ['p1', 'p2']), group('g2', 'WE', '18:00', ['p1', 'p2'], { staff: ['clin-2'] })]);
    expect(even.byRule.find((r) => r.rule === code)!.penalty).toBe(8);
    expectKept(code, tiny(), []);
  });
});
