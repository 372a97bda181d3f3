import { describe, it } from 'vitest';
import { DATE, expectBroken, expectKept, group, individual, tiny } from '../../test/support/rule-verifier.js';

const code = 'staff-seats';
describe(code, () => {
  it('reports an unfilled seat, an extra member, and an unqualified member', () => {
    const problem = tiny((p) => (p.staff.push({ id: 'tech-1', credentials: ['TECH'] })));
    expectBroken(code, problem, [
      group('g1', 'TU', '18:00', ['p1', 'p2'], { staff: [] }),
      group('g2', 'WE', '18:00', ['p1', 'p2'], { staff: ['clin-1', 'clin-2'] }),
      group('g3', 'TH', '18:00', ['p1', 'p2'], { staff: ['tech-1'] }),
    ], [
      { penalty: 1, meetings: ['g1'], staff: [], date: DATE.TU },
      { penalty: 1, meetings: ['g2'], staff: ['clin-1', 'clin-2'], date: DATE.WE },
      { penalty: 2, meetings: ['g3'], staff: ['tech-1'], date: DATE.TH },
    ]);
  });
  it('matches members to seats by credential and tag, two seats needing two people', () => {
    const problem = tiny((p) => {
      p.services[0]!.staff = [{ credentials: ['LCSW'], tags: ['female'] }, { credentials: ['LMFT', 'LCSW'] }];
      p.staff[0]!.tags = ['female'];
    });
    expectKept(code, problem, [group('g1', 'TU', '18:00', ['p1', 'p2'], { staff: ['clin-2', 'clin-1'] })]);
    expectBroken(code, tiny((p) => (p.services[0]!.staff = [{ credentials: ['LCSW'], tags: ['female'] }])), [group('g1', 'TU', '18:00', ['p1', 'p2'])], [
      { penalty: 2, meetings: ['g1'], staff: ['clin-1'] },
    ]);
  });
  it('counts a seat with count 2 as two positions', () => {
    const problem = tiny((p) => (p.services[0]!.staff = [{ credentials: ['LCSW', 'LMFT'], count: 2 }]));
    expectKept(code, problem, [group('g1', 'TU', '18:00', ['p1', 'p2'], { staff: ['clin-1', 'clin-2'] })]);
    expectBroken(code, problem, [group('g1', 'TU', '18:00', ['p1', 'p2'])], [{ penalty: 1, meetings: ['g1'] }]);
  });
});
