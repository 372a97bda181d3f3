import { describe, it } from 'vitest';
import { DATE, expectBroken, expectKept, group, individual, tiny } from '../../test/support/rule-verifier.js';

const code = 'track-window';
describe(code, () => {
  it('reports a group outside its track windows and one with no track', () => {
    expectBroken(code, tiny(), [group('g1', 'TU', '20:30', ['p1', 'p2']), group('g2', 'WE', '18:00', ['p1', 'p2'], { track: null })], [
      { penalty: 1, meetings: ['g1'], date: DATE.TU },
      { penalty: 1, meetings: ['g2'], date: DATE.WE },
    ]);
  });
  it('accepts a group in the window; individual sessions are not track-bound', () => {
    expectKept(code, tiny(), [group('g1', 'TU', '20:00', ['p1', 'p2']), individual('i1', 'MO', '10:00', 'p1')]);
  });
});
