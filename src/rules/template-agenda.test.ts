import { describe, it } from 'vitest';
import type { Problem } from '../model/problem.js';
import { DATE, expectBroken, expectKept, group, individual, tiny } from '../../test/support/rule-verifier.js';

const code = 'template-agenda';

/** The tiny clinic with a skills group and an evening template: process Tue 18:00 and Thu 19:00, skills Wed 18:00. */
function templated(): Problem {
  return tiny((problem) => {
    problem.services.push({ id: 'skills', kind: 'group', durationMinutes: 60, staff: [{ credentials: ['LCSW', 'LMFT'] }], room: { features: ['group'] } });
    problem.rooms.push({ id: 'room-b', capacity: 3, features: ['group'] });
    problem.tracks[0]!.template = [
      { service: 'process', day: 'TU', start: '18:00' },
      { service: 'process', day: 'TH', start: '19:00' },
      { service: 'skills', day: 'WE', start: '18:00' },
    ];
  });
}

describe(code, () => {
  it('reports a templated group at another start, on another day or of another service', () => {
    expectBroken(
      code,
      templated(),
      [
        group('late', 'TU', '19:00', ['p1', 'p2']),
        group('moved', 'WE', '18:00', ['p3', 'p4']),
        group('swapped', 'TH', '19:00', ['p1', 'p2'], { service: 'skills' }),
      ],
      [
        { penalty: 1, meetings: ['late'], date: DATE.TU },
        { penalty: 1, meetings: ['moved'], date: DATE.WE },
        { penalty: 1, meetings: ['swapped'], date: DATE.TH },
      ],
    );
  });

  it('accepts template sessions in parallel sections, unheld entries, individual sessions and untemplated tracks', () => {
    expectKept(code, templated(), [
      group('a', 'TU', '18:00', ['p1', 'p2']),
      group('b', 'TU', '18:00', ['p3', 'p4'], { room: 'room-b', staff: ['clin-2'] }),
      group('c', 'WE', '18:00', ['p1', 'p2'], { service: 'skills' }),
      individual('i', 'TH', '18:00', 'p3'),
    ]);
    expectKept(code, tiny(), [group('free', 'TU', '19:00', ['p1', 'p2'])]);
  });

  it('judges a group that is not track-bound only when it names the templated track', () => {
    const problem = templated();
    problem.services[0]!.trackBound = false;
    expectKept(code, problem, [group('anywhere', 'MO', '10:00', ['p1', 'p2'], { track: null }), group('listed', 'TU', '18:00', ['p3', 'p4'])]);
    expectBroken(code, problem, [group('held-for-track', 'TU', '20:00', ['p1', 'p2'])], [{ penalty: 1, meetings: ['held-for-track'], date: DATE.TU }]);
  });
});
