import { describe, expect, it } from 'vitest';
import { weekClock } from '../time/week-clock.js';
import { SLOT_MINUTES, SLOTS_PER_DAY } from '../time/week.js';
import { availabilityExpander } from './availability-expander.js';

const ALL_WEEK = { weekly: [{ days: ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const, start: '00:00', end: '24:00' }] };

describe('availabilityExpander', () => {
  it('expands each pattern of hours once: equal availabilities share one expansion', () => {
    const shared = availabilityExpander(weekClock('2026-11-23', 'America/Los_Angeles'), '2026-11-23');
    const morning = { weekly: [{ days: ['MO' as const], start: '09:00', end: '12:00' }] };
    const first = shared(morning);
    expect(shared(structuredClone(morning))).toBe(first);
    expect(first.size()).toBe((3 * 60) / SLOT_MINUTES);
    expect(shared({ weekly: [{ days: ['TU' as const], start: '09:00', end: '12:00' }] })).not.toBe(first);
    expect(shared(undefined)).toBe(shared(undefined));
  });

  it('takes the wall-clock times that do not exist out of every expansion', () => {
    // Sunday 2026-03-08 in Los Angeles skips 02:00-03:00.
    const shared = availabilityExpander(weekClock('2026-03-02', 'America/Los_Angeles'), '2026-03-02');
    const week = shared({ weekly: [{ ...ALL_WEEK.weekly[0]!, days: [...ALL_WEEK.weekly[0]!.days] }] });
    const sundayTwoAm = 6 * SLOTS_PER_DAY + (2 * 60) / SLOT_MINUTES;
    expect(week.has(sundayTwoAm)).toBe(false);
    expect(week.has(sundayTwoAm - 1)).toBe(true);
    expect(week.has(6 * SLOTS_PER_DAY + (3 * 60) / SLOT_MINUTES)).toBe(true);
  });
});
