import { describe, it } from 'vitest';
import { DATE, expectBroken, expectKept, group, individual, tiny } from '../../test/support/rule-verifier.js';

const code = 'staff-daily-max';
const problem = (): ReturnType<typeof tiny> => tiny((p) => (p.staff[0]!.maxDailyHours = 2));
describe(code, () => {
  it('reports minutes over the daily maximum, per day', () => {
    const meetings = ['18:00', '19:00', '20:00'].map((start, i) => group(`g${i}`, 'TU', start, ['p1', 'p2']));
    expectBroken(code, problem(), meetings, [{ penalty: 60, staff: ['clin-1'], meetings: ['g0', 'g1', 'g2'], date: DATE.TU }]);
  });
  it('accepts the maximum spread over days', () => {
    const meetings = ['18:00', '19:00'].flatMap((start, i) => [group(`t${i}`, 'TU', start, ['p1', 'p2']), group(`w${i}`, 'WE', start, ['p1', 'p2'])]);
    expectKept(code, problem(), meetings);
  });
});
