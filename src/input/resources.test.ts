import { describe, expect, it } from 'vitest';
import { issuesAfter } from '../../test/input/support.js';

describe('staff', () => {
  it('requires credentials as a list of strings', () => {
    expect(issuesAfter((p) => delete p.staff[0].credentials)).toEqual(['staff[0].credentials missing-field']);
    expect(issuesAfter((p) => (p.staff[0].credentials = 'LCSW'))).toEqual(['staff[0].credentials invalid-type']);
  });
  it('rejects hour limits outside a week and a day', () => {
    expect(issuesAfter((p) => Object.assign(p.staff[1], { maxWeeklyHours: -1, maxDailyHours: 25 }))).toEqual([
      'staff[1].maxWeeklyHours out-of-range',
      'staff[1].maxDailyHours out-of-range',
    ]);
  });
});

describe('rooms', () => {
  it('rejects a negative, fractional, absurd or missing capacity', () => {
    expect(issuesAfter((p) => (p.rooms[0].capacity = -1))).toEqual(['rooms[0].capacity out-of-range']);
    expect(issuesAfter((p) => (p.rooms[0].capacity = 2.5))).toEqual(['rooms[0].capacity not-integer']);
    expect(issuesAfter((p) => (p.rooms[0].capacity = 1e9))).toEqual(['rooms[0].capacity out-of-range']);
    expect(issuesAfter((p) => delete p.rooms[1].capacity)).toEqual(['rooms[1].capacity missing-field']);
  });
  it('accepts capacity 0', () => {
    expect(issuesAfter((p) => (p.rooms[1].capacity = 0))).toEqual([]);
  });
});
