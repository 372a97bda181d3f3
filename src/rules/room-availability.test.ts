import { describe, it } from 'vitest';
import { DATE, expectBroken, expectKept, group, individual, tiny } from '../../test/support/rule-verifier.js';

const code = 'room-availability';
const problem = (): ReturnType<typeof tiny> => tiny((p) => (p.rooms[0]!.availability = { weekly: [{ days: ['TU'], start: '17:00', end: '22:00' }], except: [{ date: '2026-11-24', start: '18:30', end: '19:30' }] }));
describe(code, () => {
  it('reports a meeting while its room is closed', () => {
    expectBroken(code, problem(), [group('g1', 'TU', '18:00', ['p1', 'p2'])], [{ penalty: 1, rooms: ['room-a'], meetings: ['g1'], date: DATE.TU }]);
  });
  it('accepts the room when open; telehealth needs none', () => {
    expectKept(code, problem(), [group('g1', 'TU', '19:30', ['p1', 'p2']), individual('i1', 'TU', '18:00', 'p3', { room: null, mode: 'telehealth' })]);
  });
});
