import { describe, it } from 'vitest';
import { DATE, expectBroken, expectKept, fullWeek, group, individual, tiny } from '../../test/support/rule-verifier.js';

const code = 'staff-preferences';
describe(code, () => {
  it('reports days worked that are avoided or not preferred', () => {
    const problem = tiny((p) => (p.staff[0]!.preferences = { days: ['TU', 'WE'], avoidDays: ['TH'] }));
    expectBroken(code, problem, fullWeek(['p1', 'p2']), [{ penalty: 1, staff: ['clin-1'], date: DATE.TH }]);
    const onlyPreferred = tiny((p) => (p.staff[0]!.preferences = { days: ['TU'] }));
    expectBroken(code, onlyPreferred, fullWeek(['p1', 'p2']), [
      { penalty: 1, staff: ['clin-1'], date: DATE.WE },
      { penalty: 1, staff: ['clin-1'], date: DATE.TH },
    ]);
  });
  it('reports each session touching an avoided time', () => {
    const problem = tiny((p) => (p.staff[0]!.preferences = { avoid: { weekly: [{ days: ['WE'], start: '19:30', end: '21:00' }] } }));
    expectBroken(code, problem, fullWeek(['p1', 'p2']), [
      { penalty: 1, staff: ['clin-1'], meetings: ['g-WE-19'], date: DATE.WE },
      { penalty: 1, staff: ['clin-1'], meetings: ['g-WE-20'], date: DATE.WE },
    ]);
  });
  it('reports each session of a service the member does not prefer to lead', () => {
    const problem = tiny((p) => (p.staff[0]!.preferences = { services: ['process'] }));
    const meetings = [group('g1', 'TU', '18:00', ['p1', 'p2']), individual('i1', 'MO', '10:00', 'p3')];
    expectBroken(code, problem, meetings, [{ penalty: 1, staff: ['clin-1'], meetings: ['i1'], date: DATE.MO }]);
  });
  it('accepts a week that keeps every preference, and members without preferences', () => {
    const keeps = tiny(
      (p) =>
        (p.staff[0]!.preferences = {
          days: ['TU', 'WE', 'TH'],
          avoidDays: ['FR'],
          avoid: { weekly: [{ days: ['TU', 'WE', 'TH'], start: '21:00', end: '22:00' }] },
          services: ['process'],
        }),
    );
    expectKept(code, keeps, fullWeek(['p1', 'p2']));
    expectKept(code, tiny(), fullWeek(['p1', 'p2']));
    // Another member's preferences do not reach clin-1's sessions.
    expectKept(code, tiny((p) => (p.staff[1]!.preferences = { avoidDays: ['TU', 'WE', 'TH'] })), fullWeek(['p1', 'p2']));
  });
});
