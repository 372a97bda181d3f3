import { describe, expect, it } from 'vitest';
import { SlotSet } from '../../time/slot-set.js';
import { SLOTS_PER_DAY } from '../../time/week.js';
import { freeStarts } from './individuals.js';

describe('freeStarts', () => {
  it("lists each day's grid starts that hold the whole session, and answers the same set from its cache", () => {
    const available = new SlotSet();
    // Monday 09:00-10:30 and Wednesday 13:00-14:00 (5-minute slots).
    available.addRange(108, 126);
    available.addRange(2 * SLOTS_PER_DAY + 156, 2 * SLOTS_PER_DAY + 168);
    const days = freeStarts(available, 60, 15);
    expect([...days[0]!]).toEqual([540, 555, 570]);
    expect([...days[2]!]).toEqual([780]);
    expect(days.filter((starts) => starts.length > 0)).toHaveLength(2);
    expect(freeStarts(available, 60, 15)).toBe(days);
    expect([...freeStarts(available, 90, 15)[0]!]).toEqual([540]);
  });
});
