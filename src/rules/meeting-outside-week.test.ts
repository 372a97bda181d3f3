import { describe, it } from 'vitest';
import { DATE, expectBroken, expectKept, fullWeek, group, individual, tiny } from '../../test/support/rule-verifier.js';

import { expect } from 'vitest';
const code = 'meeting-outside-week';
describe(code, () => {
  it('reports a meeting dated in the next week, with no date of this week', () => {
    const [found] = expectBroken(code, tiny(), [group('g1', 'MO', '18:00', ['p1', 'p2'], { date: '2026-11-30' })], [{ penalty: 1, meetings: ['g1'] }]);
    expect(found!.date).toBeUndefined();
  });
  it('accepts Sunday of the week', () => {
    expectKept(code, tiny(), [individual('i1', 'SU', '10:00', 'p1')]);
  });
});
