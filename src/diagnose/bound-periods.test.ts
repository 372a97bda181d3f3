import { describe, expect, it } from 'vitest';
import { compileProblem } from '../compiled/compile.js';
import { eveningOverRoomCapacity } from '../../test/diagnose/scenarios.js';
import { intersects, periods } from './bound-periods.js';
import { SlotSet } from '../time/slot-set.js';
import { SLOTS_PER_DAY } from '../time/week.js';

describe('periods', () => {
  it('gives the week, its days, the track windows and the times around their edges, each once', () => {
    const problem = eveningOverRoomCapacity();
    problem.closedDates = ['2026-11-26'];
    const labels = periods(compileProblem(problem)).map((p) => p.label);
    expect(labels).toContain('the week');
    expect(labels).toContain('the week, MO');
    expect(labels).not.toContain('the week, TH');
    expect(labels).toContain('window of evening');
    expect(labels).toContain('window of evening, TU');
    expect(labels).toContain('from 18:00 every day');
    expect(labels).toContain('before 21:00 every day');
    // Equal slot sets are kept once, so no label repeats.
    expect(new Set(labels).size).toBe(labels.length);
  });

  it('gives the stretches of each day where the same windows of several tracks are open', () => {
    const problem = eveningOverRoomCapacity();
    const evening = problem.tracks[0]!;
    problem.tracks = [evening, { ...evening, id: 'late', windows: { weekly: [{ days: ['TU'], start: '19:00', end: '22:00' }] } }];
    const labels = periods(compileProblem(problem)).map((p) => p.label);
    expect(labels.filter((label) => label.includes('track windows'))).toEqual(['TU 19:00-21:00, 2 track windows']);
  });

  it('leaves closed days out of every period', () => {
    const problem = eveningOverRoomCapacity();
    problem.closedDates = ['2026-11-26'];
    const thursday = new SlotSet();
    thursday.addRange(3 * SLOTS_PER_DAY, 4 * SLOTS_PER_DAY);
    for (const period of periods(compileProblem(problem))) expect(intersects(period.slots, thursday)).toBe(false);
  });
});
