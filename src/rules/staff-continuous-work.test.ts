import { describe, it } from 'vitest';
import { DATE, expectBroken, expectKept, group, tiny } from '../../test/support/rule-verifier.js';

const code = 'staff-continuous-work';
const longest = (minutes: number, notes = 0) =>
  tiny((p) => {
    p.staff[0]!.maxContinuousMinutes = minutes;
    p.services[0]!.notesMinutes = notes;
  });

describe(code, () => {
  it('reports three back-to-back hours against a two-hour limit, by the minutes over', () => {
    const meetings = ['18:00', '19:00', '20:00'].map((start, i) => group(`g${i}`, 'TU', start, ['p1', 'p2']));
    expectBroken(code, longest(120), meetings, [{ penalty: 60, staff: ['clin-1'], date: DATE.TU }]);
  });
  it('ends a run at a pause of 15 minutes, and not at a shorter one', () => {
    expectKept(code, longest(120), [group('g1', 'TU', '18:00', ['p1', 'p2'], {}, 90), group('g2', 'TU', '19:45', ['p1', 'p2'], {}, 75)]);
    expectBroken(code, longest(120), [group('g1', 'TU', '18:00', ['p1', 'p2'], {}, 90), group('g2', 'TU', '19:40', ['p1', 'p2'], {}, 80)], [{ penalty: 60 }]);
  });
  it('counts notes time as work: the pause starts when the notes are done', () => {
    // 18:00-19:30 + 10 notes, then 19:45: a 5-minute pause, so one run 18:00-21:10.
    expectBroken(code, longest(120, 10), [group('g1', 'TU', '18:00', ['p1', 'p2'], {}, 90), group('g2', 'TU', '19:45', ['p1', 'p2'], {}, 75)], [{ penalty: 70 }]);
  });
});
