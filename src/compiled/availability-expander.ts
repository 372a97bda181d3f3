/**
 * Availability to slot sets, once per pattern of hours in a compilation (see `compile.ts`).
 */
import type { Availability } from '../model/problem.js';
import { availabilitySlots as weekSlots } from '../time/availability.js';
import { SlotSet } from '../time/slot-set.js';
import type { WeekClock } from '../time/week-clock.js';

/** Expands an availability to the week's slots. */
export type Slots = (availability: Availability | undefined) => SlotSet;

/**
 * The expansion of availabilities for one compilation, with the week's skipped slots taken out.
 * A clinic's people share a few patterns of hours (1,000 generated patients hold 21): each
 * pattern is expanded once per compilation, and every holder gets a copy of its own. The sets
 * answered are the shared expansions: copy them, never change them.
 *
 * @example
 * ```ts
 * const shared = availabilityExpander(weekClock(week, timeZone), week);
 * const available = shared(member.availability).clone();
 * ```
 */
export function availabilityExpander(clock: WeekClock, weekStart: string): Slots {
  // Times that do not exist are closed to everyone: taken out where availability is compiled, so
  // construction, every move, re-planning and diagnosis see them closed without a check of their own.
  const existing = clock.hasSkipped ? SlotSet.full() : undefined;
  existing?.removeAll(clock.skipped);
  const expanded = new Map<string, SlotSet>();
  return (availability) => {
    const key = availability === undefined ? '' : JSON.stringify(availability);
    let slots = expanded.get(key);
    if (slots === undefined) {
      slots = weekSlots(availability, weekStart);
      if (existing) slots.intersectWith(existing);
      expanded.set(key, slots);
    }
    return slots;
  };
}
