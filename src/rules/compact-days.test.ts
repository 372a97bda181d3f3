import { describe, expect, it } from 'vitest';
import { DATE, expectBroken, expectKept, fullWeek, group, individual, reportOf, tiny } from '../../test/support/rule-verifier.js';

const code = 'compact-days';
describe(code, () => {
  it('reports idle minutes between sessions of a day, per patient and day', () => {
    expectBroken(code, tiny(), [group('g1', 'TU', '18:00', ['p1', 'p2']), group('g2', 'TU', '20:00', ['p1', 'p3']), individual('i1', 'TU', '21:30', 'p2')], [
      { penalty: 60, patients: ['p1'], meetings: ['g1', 'g2'], date: DATE.TU },
      { penalty: 150, patients: ['p2'], meetings: ['g1', 'i1'], date: DATE.TU },
    ]);
  });
  it('counts overlapping sessions once and accepts back-to-back days', () => {
    expectKept(code, tiny(), fullWeek(['p1', 'p2']));
    expectKept(code, tiny(), [group('g1', 'TU', '18:00', ['p1', 'p2']), individual('i1', 'TU', '18:30', 'p1', { staff: ['clin-2'] }), group('g2', 'TU', '19:00', ['p1', 'p2'])]);
  });
});
