import { describe, it } from 'vitest';
import { DATE, expectBroken, expectKept, fullWeek, group, individual, tiny } from '../../test/support/rule-verifier.js';

const code = 'family-availability';
const problem = (): ReturnType<typeof tiny> =>
  tiny((p) => {
    p.services.push({ id: 'family', kind: 'individual', durationMinutes: 60, staff: [{ credentials: ['LMFT'] }], withFamily: true });
    p.patients[0]!.familyAvailability = { weekly: [{ days: ['TH'], start: '17:00', end: '20:00' }] };
  });
describe(code, () => {
  it('reports a family session outside the family availability, or with none given', () => {
    expectBroken(code, problem(), [
      individual('f1', 'TU', '17:00', 'p1', { service: 'family', staff: ['clin-2'] }),
      individual('f2', 'WE', '17:00', 'p2', { service: 'family', staff: ['clin-2'] }),
    ], [
      { penalty: 1, meetings: ['f1'], patients: ['p1'], date: DATE.TU },
      { penalty: 1, meetings: ['f2'], patients: ['p2'], date: DATE.WE },
    ]);
  });
  it('accepts a family session inside it; other services ignore it', () => {
    expectKept(code, problem(), [individual('f1', 'TH', '17:00', 'p1', { service: 'family', staff: ['clin-2'] }), individual('i1', 'MO', '10:00', 'p2')]);
  });
});
