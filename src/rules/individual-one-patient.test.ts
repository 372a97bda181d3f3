import { describe, it } from 'vitest';
import { DATE, expectBroken, expectKept, group, individual, tiny } from '../../test/support/rule-verifier.js';

const code = 'individual-one-patient';
describe(code, () => {
  it('reports an individual session with two patients and one with none', () => {
    expectBroken(code, tiny(), [individual('i1', 'TU', '18:00', 'p1', { patients: ['p1', 'p2'], room: null, mode: 'telehealth' }), individual('i2', 'WE', '18:00', 'p1', { patients: [] })], [
      { penalty: 1, meetings: ['i1'], patients: ['p1', 'p2'], date: DATE.TU },
      { penalty: 1, meetings: ['i2'], patients: [], date: DATE.WE },
    ]);
  });
  it('accepts one patient, or a session already held whose patient was a no-show', () => {
    expectKept(code, tiny(), [individual('i1', 'TU', '18:00', 'p1'), individual('i2', 'WE', '18:00', 'p1', { patients: [], noShows: ['p1'] })]);
  });
  it('reports a session with a patient and a no-show', () => {
    expectBroken(code, tiny(), [individual('i1', 'TU', '18:00', 'p1', { noShows: ['p2'] })], [{ penalty: 1, meetings: ['i1'], patients: ['p1'], date: DATE.TU }]);
  });
});
