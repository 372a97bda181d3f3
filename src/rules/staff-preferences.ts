import { slotOf } from '../compiled/compile.js';
import { dayName, describeMeeting, onDay } from './describe.js';
import type { Rule } from './types.js';

/**
 * Staff work on the days they prefer, not on days or at times they avoid, and lead the services
 * they prefer. Penalty: 1 per day worked against the day preferences, 1 per session at an avoided
 * time, 1 per session of a service not preferred.
 */
export const staffPreferences: Rule = {
  code: 'staff-preferences',
  level: 'soft',
  scope: 'staff',
  title: 'Staff preferences',
  description:
    'A staff member works on the days they prefer (`preferences.days`) and not on the days they avoid (`preferences.avoidDays`), leads no session touching the times they avoid (`preferences.avoid`), and leads the services they prefer (`preferences.services`). Penalty: 1 per day worked that is avoided or, when preferred days are given, not among them; 1 per session touching an avoided time; 1 per session of a service not among the preferred ones, when they are given.',
  defaultWeight: 10,
  evaluate(ctx, member, emit) {
    const staff = ctx.problem.staff[member]!;
    const preferences = staff.preferences;
    if (!preferences) return;
    let worked = 0;
    for (const index of ctx.staffMeetings[member] ?? []) {
      const meeting = ctx.meetings[index];
      if (!meeting || meeting.day < 0 || meeting.day > 6) continue;
      worked |= 1 << meeting.day;
      if (preferences.avoid?.intersectsRange(slotOf(meeting.day, meeting.start), slotOf(meeting.day, meeting.end))) {
        emit(1, () => ({
          message: `Staff ${staff.id} leads ${describeMeeting(ctx, meeting)} at a time they asked to avoid.`,
          meetings: [meeting.id],
          staff: [staff.id],
          ...onDay(ctx, meeting.day),
        }));
      }
      if (preferences.services && !preferences.services.has(meeting.service)) {
        emit(1, () => ({
          message: `Staff ${staff.id} leads ${describeMeeting(ctx, meeting)}, not one of the services they prefer to lead.`,
          meetings: [meeting.id],
          staff: [staff.id],
          ...onDay(ctx, meeting.day),
        }));
      }
    }
    if (preferences.days === 0 && preferences.avoidDays === 0) return;
    for (let day = 0; day < 7; day++) {
      const bit = 1 << day;
      if ((worked & bit) === 0) continue;
      const avoided = (preferences.avoidDays & bit) !== 0;
      if (!avoided && (preferences.days === 0 || (preferences.days & bit) !== 0)) continue;
      emit(1, () => ({
        message: avoided
          ? `Staff ${staff.id} works on ${dayName(day)}, a day they asked to avoid.`
          : `Staff ${staff.id} works on ${dayName(day)}, not one of their preferred days.`,
        staff: [staff.id],
        ...onDay(ctx, day),
      }));
    }
  },
};
