import { describe, it } from 'vitest';
import { DATE, expectBroken, expectKept, group, individual, tiny } from '../../test/support/rule-verifier.js';

const code = 'staff-availability';
const problem = (): ReturnType<typeof tiny> => tiny((p) => (p.staff[0]!.availability = { weekly: [{ days: ['TU'], start: '17:00', end: '19:00' }] }));
describe(code, () => {
  it('reports a member leading outside their availability, even partly', () => {
    expectBroken(code, problem(), [group('g1', 'TU', '18:30', ['p1', 'p2']), group('g2', 'WE', '18:00', ['p1', 'p2'])], [
      { penalty: 1, staff: ['clin-1'], meetings: ['g1'], date: DATE.TU },
      { penalty: 1, staff: ['clin-1'], meetings: ['g2'], date: DATE.WE },
    ]);
  });
  it('accepts a meeting inside the availability', () => {
    expectKept(code, problem(), [group('g1', 'TU', '18:00', ['p1', 'p2'])]);
  });
});
