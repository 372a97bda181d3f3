import { describe, it } from 'vitest';
import { DATE, expectBroken, expectKept, group, individual, tiny } from '../../test/support/rule-verifier.js';

const code = 'avoid-pair';
const problem = (): ReturnType<typeof tiny> => tiny((p) => (p.patients[1]!.avoid = ['p1']));
describe(code, () => {
  it('reports a pair to keep apart sharing a group, whichever side declared it', () => {
    expectBroken(code, problem(), [group('g1', 'TU', '18:00', ['p1', 'p3', 'p2'])], [{ penalty: 1, patients: ['p1', 'p2'], meetings: ['g1'], date: DATE.TU }]);
  });
  it('accepts them in different groups', () => {
    expectKept(code, problem(), [group('g1', 'TU', '18:00', ['p1', 'p3']), group('g2', 'TU', '19:00', ['p2', 'p4'])]);
  });
});
