import { describe, it } from 'vitest';
import { DATE, expectBroken, expectKept, fullWeek, group, individual, tiny } from '../../test/support/rule-verifier.js';

const code = 'telehealth-policy';
describe(code, () => {
  it('reports a remote group whose service is in person only, and each patient who cannot join remotely', () => {
    const problem = tiny((p) => (p.patients[1]!.telehealth = true));
    expectBroken(code, problem, [group('g1', 'TU', '18:00', ['p1', 'p2'], { room: null, mode: 'telehealth' })], [
      { penalty: 1, meetings: ['g1'], patients: [], date: DATE.TU },
      { penalty: 1, meetings: ['g1'], patients: ['p1'], date: DATE.TU },
    ]);
  });
  it("reports an in-person session of a telehealth-only service", () => {
    expectBroken(code, tiny((p) => (p.services[1]!.telehealth = 'only')), [individual('i1', 'TU', '18:00', 'p1')], [{ penalty: 1, meetings: ['i1'] }]);
  });
  it('accepts a remote session allowed by the service for a patient who can join remotely', () => {
    expectKept(code, tiny((p) => (p.patients[0]!.telehealth = true)), [individual('i1', 'TU', '18:00', 'p1', { room: null, mode: 'telehealth' }), individual('i2', 'WE', '18:00', 'p2')]);
  });
});
