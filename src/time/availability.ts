/**
 * Availability expanded for the scheduled week: weekly windows and RRULE occurrences, minus
 * exceptions, as a {@link SlotSet} over the week's 5-minute slots.
 */
import type { Availability, LocalDate } from '../model/problem.js';
import { occurrenceStarts } from './rrule.js';
import { SlotSet } from './slot-set.js';
import { dayNumber, parseLocalTime, SLOT_MINUTES, SLOTS_PER_WEEK, weekdayIndex, MINUTES_PER_DAY } from './week.js';

const WEEK_MINUTES = SLOTS_PER_WEEK * SLOT_MINUTES;
/** Occurrences are looked for this far before the week at most (a year and a bit). */
const MAX_LOOK_BACK_MINUTES = 370 * MINUTES_PER_DAY;

/** Adds the whole slots inside `[fromMinute, toMinute)` of the week (minutes from its Monday 00:00). */
function addWholeSlots(slots: SlotSet, fromMinute: number, toMinute: number): void {
  slots.addRange(Math.ceil(fromMinute / SLOT_MINUTES), Math.floor(toMinute / SLOT_MINUTES));
}

/** Removes every slot that `[fromMinute, toMinute)` touches. */
function removeTouchedSlots(slots: SlotSet, fromMinute: number, toMinute: number): void {
  slots.removeRange(Math.floor(fromMinute / SLOT_MINUTES), Math.ceil(toMinute / SLOT_MINUTES));
}

/**
 * The slots of the week starting `weekStart` (a Monday) covered by `availability`; `undefined`
 * availability means always available.
 *
 * - Minutes are wall-clock minutes: a window 09:00-12:00 is 36 slots on every day, including the
 *   days when the clock changes. `'24:00'` as an end runs to the end of the day.
 * - A window (weekly or an RRULE occurrence) covers only the whole 5-minute slots inside it:
 *   09:03-10:00 covers 09:05-10:00. An exception removes every slot it touches: 09:03-09:07
 *   removes 09:00-09:10. So rounding never makes anyone available when they are not.
 * - An RRULE occurrence that starts before the week (e.g. Sunday 22:00 for 3 hours) covers its
 *   part inside the week; one that runs past Sunday 24:00 is cut there. Occurrences are looked
 *   for at most 370 days before the week, whatever their duration.
 * - A weekly window whose times are malformed or whose end is not after its start adds nothing;
 *   an exception with a malformed time removes its whole date.
 *
 * Inputs are expected to have passed `validateProblem`; a recurrence that fails
 * `recurrenceProblem` throws a `RangeError` naming the problem. Expansion is cached by rule
 * text and week, so thousands of patients sharing a rule parse and expand it once.
 *
 * @example
 * const slots = availabilitySlots({ weekly: [{ days: ['MO'], start: '09:00', end: '12:00' }] }, '2026-11-23');
 * slots.size(); // 36
 */
export function availabilitySlots(availability: Availability | undefined, weekStart: LocalDate): SlotSet {
  if (availability === undefined) return SlotSet.full();
  const slots = new SlotSet();
  const weekDay = dayNumber(weekStart);
  if (weekDay === undefined) throw new RangeError(`Not a date: ${weekStart}`);
  for (const window of availability.weekly ?? []) {
    const start = parseLocalTime(window.start);
    const end = parseLocalTime(window.end);
    if (start === undefined || end === undefined || end <= start) continue;
    for (const day of new Set(window.days)) {
      const index = weekdayIndex(day);
      if (index < 0) continue;
      addWholeSlots(slots, index * MINUTES_PER_DAY + start, index * MINUTES_PER_DAY + end);
    }
  }
  const weekStartMinute = weekDay * MINUTES_PER_DAY;
  for (const recurrence of availability.rrule ?? []) {
    const duration = recurrence.durationMinutes;
    if (!Number.isFinite(duration) || duration <= 0) continue;
    // Occurrences that begin before the week can still run into it.
    const lookBack = Math.min(Math.ceil(duration), MAX_LOOK_BACK_MINUTES);
    for (const startMinute of occurrenceStarts(recurrence.rule, weekStartMinute - lookBack, weekStartMinute + WEEK_MINUTES)) {
      const from = startMinute - weekStartMinute;
      addWholeSlots(slots, from, Math.min(from + duration, WEEK_MINUTES));
    }
  }
  for (const exception of availability.except ?? []) {
    const date = dayNumber(exception.date);
    if (date === undefined) continue;
    const day = date - weekDay;
    if (day < 0 || day > 6) continue;
    const start = exception.start === undefined ? 0 : parseLocalTime(exception.start);
    const end = exception.end === undefined ? MINUTES_PER_DAY : parseLocalTime(exception.end);
    const whole = start === undefined || end === undefined;
    removeTouchedSlots(slots, day * MINUTES_PER_DAY + (whole ? 0 : start), day * MINUTES_PER_DAY + (whole ? MINUTES_PER_DAY : end));
  }
  return slots;
}
