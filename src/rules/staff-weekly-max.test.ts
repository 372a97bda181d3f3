import { describe, it } from 'vitest';
import { DATE, expectBroken, expectKept, group, individual, tiny } from '../../test/support/rule-verifier.js';

const code = 'staff-weekly-max';
const problem = (): ReturnType<typeof tiny> => tiny((p) => (p.staff[0]!.maxWeeklyHours = 2));
describe(code, () => {
  it('reports minutes over the weekly maximum', () => {
    const meetings = (['TU', 'WE', 'TH'] as const).map((day) => group(`g-${day}`, day, '18:00', ['p1', 'p2']));
    expectBroken(code, problem(), meetings, [{ penalty: 60, staff: ['clin-1'] }]);
  });
  it('accepts the maximum', () => {
    expectKept(code, problem(), [group('g1', 'TU', '18:00', ['p1', 'p2']), group('g2', 'WE', '18:00', ['p1', 'p2'], { staff: ['clin-1'] }), group('g3', 'TH', '18:00', ['p1', 'p2'], { staff: ['clin-2'] })]);
  });
});
