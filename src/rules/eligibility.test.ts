import { describe, it } from 'vitest';
import { DATE, expectBroken, expectKept, group, individual, tiny } from '../../test/support/rule-verifier.js';

const code = 'eligibility';
const problem = (): ReturnType<typeof tiny> =>
  tiny((p) => {
    p.services[0]!.eligibility = { requireTags: ['dx:sud'], excludeTags: ['risk:high'] };
    p.patients[0]!.tags = ['dx:sud'];
    p.patients[1]!.tags = ['dx:sud', 'risk:high'];
    p.patients[3]!.tags = ['dx:sud'];
  });
describe(code, () => {
  it('reports a patient missing a required tag and one with an excluded tag', () => {
    expectBroken(code, problem(), [group('g1', 'TU', '18:00', ['p1', 'p2', 'p3'])], [
      { penalty: 1, patients: ['p2'], meetings: ['g1'], date: DATE.TU },
      { penalty: 1, patients: ['p3'], meetings: ['g1'], date: DATE.TU },
    ]);
  });
  it('accepts eligible patients', () => {
    expectKept(code, problem(), [group('g1', 'TU', '18:00', ['p1', 'p4'])]);
  });
});
