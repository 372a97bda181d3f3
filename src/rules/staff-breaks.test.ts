import { describe, it } from 'vitest';
import type { StaffBreak } from '../model/problem.js';
import { DATE, expectBroken, expectKept, group, tiny } from '../../test/support/rule-verifier.js';

const code = 'staff-breaks';
const withBreak = (b: StaffBreak, notes = 0) =>
  tiny((p) => {
    p.staff[0]!.breaks = [b];
    p.services[0]!.notesMinutes = notes;
  });
const dinner: StaffBreak = { minutes: 30, within: { start: '18:30', end: '20:30' } };

describe(code, () => {
  it('reports a working day with no free 30 minutes in the window, by the minutes missing', () => {
    const meetings = [group('g1', 'TU', '18:00', ['p1', 'p2'], {}, 90), group('g2', 'TU', '19:50', ['p1', 'p2'])];
    expectBroken(code, withBreak(dinner), meetings, [{ penalty: 10, staff: ['clin-1'], date: DATE.TU }]);
  });
  it('keeps a day with the break anywhere in the window, and a day off', () => {
    expectKept(code, withBreak(dinner), [group('g1', 'TU', '18:00', ['p1', 'p2'], {}, 90), group('g2', 'TU', '20:00', ['p1', 'p2'])]);
    expectKept(code, withBreak(dinner), [group('g1', 'WE', '21:00', ['p1', 'p2'], { staff: ['clin-2'] })]);
  });
  it('counts notes time as work, not break', () => {
    const meetings = [group('g1', 'TU', '18:00', ['p1', 'p2'], {}, 90), group('g2', 'TU', '20:00', ['p1', 'p2'])];
    expectBroken(code, withBreak(dinner, 10), meetings, [{ penalty: 10 }]);
  });
  it('with afterMinutes, is owed only on days of longer work', () => {
    const meetings = [group('g1', 'TU', '18:00', ['p1', 'p2'], {}, 90), group('g2', 'TU', '19:50', ['p1', 'p2'])];
    expectKept(code, withBreak({ ...dinner, afterMinutes: 150 }), meetings);
    expectBroken(code, withBreak({ ...dinner, afterMinutes: 120 }), meetings, [{ penalty: 10 }]);
  });
});
