import { describe, it } from 'vitest';
import { DATE, expectBroken, expectKept, group, individual, tiny } from '../../test/support/rule-verifier.js';

const code = 'room-features';
describe(code, () => {
  it('reports a group in a room without the group feature', () => {
    expectBroken(code, tiny(), [group('g1', 'TU', '18:00', ['p1', 'p2'], { room: 'office-1' })], [
      { penalty: 1, rooms: ['office-1'], meetings: ['g1'], date: DATE.TU },
    ]);
  });
  it('accepts a room with every feature, and telehealth needs no room', () => {
    expectKept(code, tiny(), [group('g1', 'TU', '18:00', ['p1', 'p2']), individual('i1', 'WE', '18:00', 'p1', { room: null, mode: 'telehealth' })]);
  });
});
