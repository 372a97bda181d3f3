import { describe, expect, it } from 'vitest';
import { SlotSet } from '../time/slot-set.js';
import { SLOT_MINUTES, SLOTS_PER_DAY } from '../time/week.js';
import { sessionOutside } from './bound-sessions.js';

/** Slots of `day` from `from` to `to` (clock minutes). */
function span(day: number, from: number, to: number): SlotSet {
  const set = new SlotSet();
  set.addRange(day * SLOTS_PER_DAY + from / SLOT_MINUTES, day * SLOTS_PER_DAY + to / SLOT_MINUTES);
  return set;
}

const HOUR = 60 / SLOT_MINUTES;

describe('sessionOutside', () => {
  it('counts the part of the best placed session before the period opens', () => {
    // Free 16:30-19:00 on Tuesday and Thursday; the period is from 17:00: 30 minutes at most.
    const reach = span(1, 16 * 60 + 30, 19 * 60);
    reach.unionWith(span(3, 16 * 60 + 30, 19 * 60));
    const period = span(1, 17 * 60, 24 * 60);
    period.unionWith(span(3, 17 * 60, 24 * 60));
    expect(sessionOutside(reach, period, HOUR)).toBe(30 / SLOT_MINUTES);
  });

  it('is the whole session when one fits outside the period, and 0 when none fits at all', () => {
    const reach = span(1, 9 * 60, 12 * 60);
    expect(sessionOutside(reach, span(1, 11 * 60, 12 * 60), HOUR)).toBe(HOUR);
    expect(sessionOutside(span(1, 9 * 60, 9 * 60 + 45), new SlotSet(), HOUR)).toBe(0);
  });

  it('places sessions within one run of the reach: two runs with a gap do not join', () => {
    // 09:00-09:45 and 10:00-10:45, period 09:30-10:15: no 60-minute session fits anywhere.
    const reach = span(0, 9 * 60, 9 * 60 + 45);
    reach.unionWith(span(0, 10 * 60, 10 * 60 + 45));
    expect(sessionOutside(reach, span(0, 9 * 60 + 30, 10 * 60 + 15), HOUR)).toBe(0);
    // A 30-minute session at 09:00 lies wholly outside.
    expect(sessionOutside(reach, span(0, 9 * 60 + 30, 10 * 60 + 15), HOUR / 2)).toBe(HOUR / 2);
  });

  it('finds a window that starts on one word of the bitset and ends on the next', () => {
    // Slot 32 is 02:40 on Monday: a session 02:10-03:10 straddles the word boundary.
    const reach = span(0, 2 * 60 + 10, 3 * 60 + 10);
    expect(sessionOutside(reach, span(0, 3 * 60, 4 * 60), HOUR)).toBe(50 / SLOT_MINUTES);
  });
});
