import { describe, expect, it } from 'vitest';
import { DATE, expectBroken, expectKept, fullWeek, group, individual, reportOf, tiny } from '../../test/support/rule-verifier.js';

import { scheduleOf } from '../../test/support/tiny.js';
const code = 'stability';
const problem = (): ReturnType<typeof tiny> => tiny((p) => p.rooms.push({ id: 'room-b', capacity: 8, features: ['group'] }));
const published = [group('g1', 'TU', '18:00', ['p1', 'p2']), group('g2', 'WE', '18:00', ['p1', 'p2'])];
describe(code, () => {
  it('reports sessions moved or lost, and kept sessions whose room or staff changed', () => {
    const now = [group('g1', 'TU', '19:00', ['p1', 'p2']), group('g2', 'WE', '18:00', ['p1', 'p2'], { room: 'room-b' })];
    expectBroken(code, problem(), now, [
      { penalty: 1, patients: ['p1'] },
      { penalty: 1, patients: ['p1'], meetings: ['g2'], date: DATE.WE },
      { penalty: 1, patients: ['p2'] },
      { penalty: 1, patients: ['p2'], meetings: ['g2'], date: DATE.WE },
    ], { previous: scheduleOf(published) });
    expectBroken(code, problem(), [group('g1', 'TU', '18:00', ['p1', 'p3']), published[1]!], [{ penalty: 1, patients: ['p2'] }], { previous: scheduleOf(published) });
  });
  it('accepts the published week, and is off without one', () => {
    expectKept(code, problem(), published, { previous: scheduleOf(published) });
    expectKept(code, problem(), [group('g9', 'TH', '18:00', ['p1', 'p2'])]);
  });
});
