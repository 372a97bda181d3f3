/**
 * Availability expanded for the scheduled week: weekly windows and RRULE occurrences, minus
 * exceptions, as a {@link SlotSet} over the week's 5-minute slots.
 */
import type { Availability, LocalDate } from '../model/problem.js';
import { occurrenceStarts } from './rrule.js';
import { SlotSet } from './slot-set.js';
import { dayNumber, parseLocalTime, SLOT_MINUTES, SLOTS_PER_DAY, SLOTS_PER_WEEK, weekdayIndex, MINUTES_PER_DAY } from './week.js';

/**
 * The slots of the week starting `weekStart` covered by `availability`; `undefined` availability
 * means always available. Inputs are assumed valid (see `validateProblem`).
 *
 * Minutes are wall-clock minutes: a window 09:00-12:00 is 36 slots on every day, including the
 * days when the clock changes. A window that starts mid-slot covers only whole slots inside it.
 */
export function availabilitySlots(availability: Availability | undefined, weekStart: LocalDate): SlotSet {
  if (availability === undefined) return SlotSet.full();
  const slots = new SlotSet();
  for (const window of availability.weekly ?? []) {
    const start = parseLocalTime(window.start) ?? 0;
    const end = parseLocalTime(window.end) ?? 0;
    for (const day of window.days) {
      const base = weekdayIndex(day) * SLOTS_PER_DAY;
      slots.addRange(base + Math.ceil(start / SLOT_MINUTES), base + Math.floor(end / SLOT_MINUTES));
    }
  }
  const weekStartMinute = (dayNumber(weekStart) ?? 0) * MINUTES_PER_DAY;
  const weekMinutes = SLOTS_PER_WEEK * SLOT_MINUTES;
  for (const recurrence of availability.rrule ?? []) {
    // Occurrences that begin before the week can still run into it.
    const starts = occurrenceStarts(recurrence.rule, weekStartMinute - recurrence.durationMinutes, weekStartMinute + weekMinutes);
    for (const startMinute of starts) {
      const from = startMinute - weekStartMinute;
      slots.addRange(Math.ceil(from / SLOT_MINUTES), Math.floor((from + recurrence.durationMinutes) / SLOT_MINUTES));
    }
  }
  for (const exception of availability.except ?? []) {
    const day = (dayNumber(exception.date) ?? 0) - (dayNumber(weekStart) ?? 0);
    if (day < 0 || day > 6) continue;
    const start = exception.start === undefined ? 0 : (parseLocalTime(exception.start) ?? 0);
    const end = exception.end === undefined ? MINUTES_PER_DAY : (parseLocalTime(exception.end) ?? MINUTES_PER_DAY);
    // Taking out any part of a slot takes out the whole slot.
    slots.removeRange(day * SLOTS_PER_DAY + Math.floor(start / SLOT_MINUTES), day * SLOTS_PER_DAY + Math.ceil(end / SLOT_MINUTES));
  }
  return slots;
}
