import { describe, expect, it } from 'vitest';
import { expectBroken, expectKept, fullWeek, individual, tiny } from '../../test/support/rule-verifier.js';
import { optionalTarget } from './optional-sessions.js';

const code = 'optional-sessions';
describe(code, () => {
  it('reports the minutes of each optional session not held (min: 0 up to max)', () => {
    const twoOptional = tiny((p) => (p.patients[0]!.requires = [{ service: 'individual', min: 0, max: 2 }]));
    expectBroken(code, twoOptional, [...fullWeek(['p1', 'p2']), individual('i1', 'TU', '17:00', 'p1')], [{ penalty: 60, patients: ['p1'] }]);
    expectBroken(code, twoOptional, fullWeek(['p1', 'p2']), [{ penalty: 120, patients: ['p1'] }]);
  });
  it('reports an optional cadence session not held', () => {
    const optional = tiny((p) => {
      p.patients[0]!.requires = [{ service: 'individual', cadence: { minDays: 14, maxDays: 28 } }];
      p.patients[0]!.history = [{ service: 'individual', date: '2026-11-09' }]; // earliest 23rd, due 7 December
    });
    expectBroken(code, optional, fullWeek(['p1', 'p2']), [{ penalty: 60, patients: ['p1'] }]);
    expectKept(code, optional, [...fullWeek(['p1', 'p2']), individual('i1', 'TU', '17:00', 'p1')]);
  });
  it('asks nothing of required, due or not-allowed entries', () => {
    expectKept(code, tiny((p) => (p.patients[0]!.requires = [{ service: 'individual', min: 1, max: 1 }])), fullWeek(['p1', 'p2']));
    const notYet = tiny((p) => {
      p.patients[0]!.requires = [{ service: 'individual', cadence: { minDays: 14, maxDays: 28 } }];
      p.patients[0]!.history = [{ service: 'individual', date: '2026-11-20' }];
    });
    expectKept(code, notYet, fullWeek(['p1', 'p2']));
    expect(optionalTarget({ min: 0, max: 0 })).toBe(0);
    expect(optionalTarget({ min: 0, max: Infinity })).toBe(1);
  });
});
