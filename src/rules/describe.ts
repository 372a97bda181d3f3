/**
 * Plain words for rule messages. Messages name entities by id only: ids carry no patient data.
 */
import { formatLocalTime, SLOT_MINUTES, SLOTS_PER_DAY, WEEKDAYS } from '../time/week.js';
import type { SlotSet } from '../time/slot-set.js';
import type { WeekClock } from '../time/week-clock.js';
import type { PlacedMeeting, RuleContext } from './types.js';

const DAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

export function dayName(day: number): string {
  return DAY_NAMES[day] ?? 'outside the week';
}

/** `"process-group Tuesday 18:00-19:00 (meeting m-12)"`. */
export function describeMeeting(ctx: RuleContext, meeting: PlacedMeeting): string {
  const service = ctx.problem.services[meeting.service]?.id ?? '?';
  return `${service} ${dayName(meeting.day)} ${formatLocalTime(meeting.start)}-${formatLocalTime(meeting.end)} (meeting ${meeting.id})`;
}

export function dateOf(ctx: RuleContext, day: number): string | undefined {
  return day >= 0 ? ctx.problem.dates[day] : undefined;
}

/** `{ date }` for a day of the week, `{}` outside it: spread into a violation detail. */
export function onDay(ctx: RuleContext, day: number): { date?: string } {
  const date = dateOf(ctx, day);
  return date === undefined ? {} : { date };
}

export function weekdayName(day: number): string {
  return WEEKDAYS[day] ?? '?';
}

/** Hours as people say them: 9, 7.5, 8.25. */
export function hours(minutes: number): string {
  return String(Math.round((minutes / 60) * 100) / 100);
}

/** Hours with their unit: `"1 hour"`, `"7.5 hours"`, `"0 hours"`. */
export function hoursOf(minutes: number): string {
  const text = hours(minutes);
  return `${text} ${text === '1' ? 'hour' : 'hours'}`;
}

/** `"1 session"`, `"3 sessions"`. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/**
 * Whether `set` (a week slot set) covers the whole meeting; false outside the week. Slots in
 * `clock.skipped` (times that do not exist, closed in every compiled set) count as covered: the
 * `nonexistent-time` rule names that breach, so availability rules do not report it again.
 */
export function coversMeeting(set: SlotSet, meeting: PlacedMeeting, clock?: WeekClock): boolean {
  if (meeting.day < 0 || meeting.day > 6) return false;
  const base = meeting.day * SLOTS_PER_DAY;
  const from = base + Math.floor(meeting.start / SLOT_MINUTES);
  const to = base + Math.ceil(meeting.end / SLOT_MINUTES);
  if (set.containsRange(from, to)) return true;
  if (clock === undefined || !clock.hasSkipped || from < 0 || to > base + SLOTS_PER_DAY) return false;
  for (let slot = from; slot < to; slot++) if (!set.has(slot) && !clock.skipped.has(slot)) return false;
  return true;
}

export function patientIds(ctx: RuleContext, patients: readonly number[]): string[] {
  return patients.map((p) => ctx.problem.patients[p]?.id ?? '?');
}

export function staffIds(ctx: RuleContext, staff: readonly number[]): string[] {
  return staff.map((s) => ctx.problem.staff[s]?.id ?? '?');
}

/** The room of a meeting as a detail field: `{ rooms: [id] }`, or `{}` for telehealth. */
export function roomOf(ctx: RuleContext, meeting: PlacedMeeting): { rooms?: string[] } {
  const room = ctx.problem.rooms[meeting.room];
  return room ? { rooms: [room.id] } : {};
}
