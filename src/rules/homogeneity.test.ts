import { describe, it } from 'vitest';
import { DATE, expectBroken, expectKept, group, individual, tiny } from '../../test/support/rule-verifier.js';

const code = 'homogeneity';
const problem = (): ReturnType<typeof tiny> =>
  tiny((p) => {
    p.services[0]!.homogeneousBy = ['age:'];
    p.patients[0]!.tags = ['age:adult', 'dx:sud'];
    p.patients[1]!.tags = ['age:adolescent'];
    p.patients[2]!.tags = ['age:adult'];
  });
describe(code, () => {
  it('reports a group mixing ages, and a tagged patient with an untagged one', () => {
    expectBroken(code, problem(), [group('g1', 'TU', '18:00', ['p1', 'p2']), group('g2', 'WE', '18:00', ['p3', 'p4'])], [
      { penalty: 1, patients: ['p1', 'p2'], meetings: ['g1'], date: DATE.TU },
      { penalty: 1, patients: ['p3', 'p4'], meetings: ['g2'], date: DATE.WE },
    ]);
  });
  it('accepts patients who share the prefix tags, whatever their other tags', () => {
    expectKept(code, problem(), [group('g1', 'TU', '18:00', ['p1', 'p3'])]);
  });
  it('compares the sets of tags under the prefix: order aside, and a subset is not the set', () => {
    const several = (): ReturnType<typeof tiny> =>
      tiny((p) => {
        p.services[0]!.homogeneousBy = ['age:'];
        p.patients[0]!.tags = ['age:adult', 'age:senior', 'dx:sud'];
        p.patients[1]!.tags = ['dx:mh', 'age:senior', 'age:adult'];
        p.patients[2]!.tags = ['age:adult'];
        p.patients[3]!.tags = ['age:senior'];
      });
    expectKept(code, several(), [group('g1', 'TU', '18:00', ['p1', 'p2'])]);
    expectBroken(code, several(), [group('g1', 'TU', '18:00', ['p1', 'p2', 'p3']), group('g2', 'WE', '18:00', ['p4', 'p2'])], [
      { penalty: 1, patients: ['p1', 'p2', 'p3'], meetings: ['g1'], date: DATE.TU },
      { penalty: 1, patients: ['p4', 'p2'], meetings: ['g2'], date: DATE.WE },
    ]);
  });
});
