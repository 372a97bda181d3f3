import { describe, it } from 'vitest';
import { DATE, expectBroken, expectKept, group, individual, tiny } from '../../test/support/rule-verifier.js';

const code = 'room-double-booked';
describe(code, () => {
  it('reports a room holding two overlapping meetings', () => {
    expectBroken(code, tiny(), [group('g1', 'TU', '18:00', ['p1', 'p2']), group('g2', 'TU', '18:30', ['p3', 'p4'], { staff: ['clin-2'] })], [
      { penalty: 1, rooms: ['room-a'], meetings: ['g1', 'g2'], date: DATE.TU },
    ]);
  });
  it('accepts consecutive meetings in one room', () => {
    expectKept(code, tiny(), [group('g1', 'TU', '18:00', ['p1', 'p2']), group('g2', 'TU', '19:00', ['p3', 'p4'], { staff: ['clin-2'] })]);
  });
});
