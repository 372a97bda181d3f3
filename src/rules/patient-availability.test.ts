import { describe, it } from 'vitest';
import { DATE, expectBroken, expectKept, group, individual, tiny } from '../../test/support/rule-verifier.js';

const code = 'patient-availability';
const problem = (): ReturnType<typeof tiny> => tiny((p) => (p.patients[0]!.availability = { weekly: [{ days: ['WE'], start: '17:00', end: '22:00' }] }));
describe(code, () => {
  it('reports each unavailable patient of a meeting', () => {
    expectBroken(code, problem(), [group('g1', 'TU', '18:00', ['p1', 'p2'])], [{ penalty: 1, patients: ['p1'], meetings: ['g1'], date: DATE.TU }]);
  });
  it('accepts a meeting inside the availability', () => {
    expectKept(code, problem(), [group('g1', 'WE', '18:00', ['p1', 'p2'])]);
  });
});
