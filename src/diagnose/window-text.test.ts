import { describe, expect, it } from 'vitest';
import { SlotSet } from '../time/slot-set.js';
import { SLOTS_PER_DAY } from '../time/week.js';
import { compactWindowText } from './window-text.js';

function window(days: number[], start: string, end: string, set = new SlotSet()): SlotSet {
  const slot = (time: string): number => (Number(time.slice(0, 2)) * 60 + Number(time.slice(3))) / 5;
  for (const day of days) set.addRange(day * SLOTS_PER_DAY + slot(start), day * SLOTS_PER_DAY + slot(end));
  return set;
}

describe('compactWindowText', () => {
  it('names a run of days as a range and days apart one by one', () => {
    expect(compactWindowText(window([1, 2, 3], '18:00', '21:00'))).toBe('Tue-Thu 18:00-21:00');
    expect(compactWindowText(window([0, 2, 4], '09:00', '12:00'))).toBe('Mon, Wed and Fri 09:00-12:00');
    expect(compactWindowText(window([1, 2], '18:00', '20:00'))).toBe('Tue and Wed 18:00-20:00');
  });

  it('keeps days with other hours apart, and says when there is no window', () => {
    expect(compactWindowText(window([5], '10:00', '13:00', window([0, 1, 2, 3], '09:00', '12:00')))).toBe('Mon-Thu 09:00-12:00; Sat 10:00-13:00');
    expect(compactWindowText(new SlotSet())).toBe('no time at all');
  });
});
