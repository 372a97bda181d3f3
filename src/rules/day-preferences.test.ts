import { describe, expect, it } from 'vitest';
import { DATE, expectBroken, expectKept, fullWeek, group, individual, reportOf, tiny } from '../../test/support/rule-verifier.js';

const code = 'day-preferences';
describe(code, () => {
  it('reports attended days that are avoided or not preferred', () => {
    const problem = tiny((p) => (p.patients[0]!.preferences = { days: ['TU', 'WE'], avoidDays: ['TH'] }));
    expectBroken(code, problem, fullWeek(['p1', 'p2']), [{ penalty: 1, patients: ['p1'], date: DATE.TH }]);
    const onlyAvoid = tiny((p) => (p.patients[0]!.preferences = { avoidDays: ['TU'] }));
    expectBroken(code, onlyAvoid, fullWeek(['p1', 'p2']), [{ penalty: 1, patients: ['p1'], date: DATE.TU }]);
  });
  it('accepts preferred days and patients without preferences', () => {
    expectKept(code, tiny((p) => (p.patients[0]!.preferences = { days: ['TU', 'WE', 'TH'] })), fullWeek(['p1', 'p2']));
  });
});
