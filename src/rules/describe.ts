/**
 * Plain words for rule messages. Messages name entities by id only: ids carry no patient data.
 */
import { formatLocalTime, WEEKDAYS } from '../time/week.js';
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

export function weekdayName(day: number): string {
  return WEEKDAYS[day] ?? '?';
}

/** Hours as people say them: 9, 7.5, 8.25. */
export function hours(minutes: number): string {
  return String(Math.round((minutes / 60) * 100) / 100);
}
