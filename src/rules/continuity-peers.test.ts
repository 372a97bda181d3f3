import { describe, expect, it } from 'vitest';
import { DATE, expectBroken, expectKept, fullWeek, group, individual, reportOf, tiny } from '../../test/support/rule-verifier.js';

const code = 'continuity-peers';
describe(code, () => {
  it('reports a patient who meets new faces across groups, by how many', () => {
    expectBroken(code, tiny(), [group('g1', 'TU', '18:00', ['p1', 'p2', 'p3']), group('g2', 'WE', '18:00', ['p1', 'p4'])], [{ penalty: 1, patients: ['p1'] }]);
  });
  it('accepts one cohort all week', () => {
    expectKept(code, tiny(), fullWeek(['p1', 'p2', 'p3']));
  });
});
