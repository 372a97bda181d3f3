import { dayName, hoursOf, onDay } from './describe.js';
import type { Rule } from './types.js';
import { meetingMinutes } from '../compiled/compile.js';

const minutesByDay = new Float64Array(7);

/** A staff member works at most their daily maximum. Penalty: minutes over, per day. */
export const staffDailyMax: Rule = {
  code: 'staff-daily-max',
  level: 'hard',
  scope: 'staff',
  title: 'Staff daily maximum',
  description: "A staff member leads at most `maxDailyHours` of meetings on any day. Penalty: minutes over, per day.",
  evaluate(ctx, member, emit) {
    const staff = ctx.problem.staff[member]!;
    const limit = staff.maxDailyMinutes;
    if (limit === Infinity) return;
    const mine = ctx.staffMeetings[member] ?? [];
    // One pass over the member's meetings into a shared per-day scratch (evaluation never nests).
    minutesByDay.fill(0);
    for (const index of mine) {
      const meeting = ctx.meetings[index];
      if (meeting && meeting.day >= 0 && meeting.day <= 6) minutesByDay[meeting.day]! += meetingMinutes(ctx.problem, meeting);
    }
    for (let day = 0; day < 7; day++) {
      const minutes = minutesByDay[day]!;
      if (minutes <= limit) continue;
      emit(minutes - limit, () => ({
        message: `Staff ${staff.id} leads ${hoursOf(minutes)} of meetings on ${dayName(day)}; the maximum is ${hoursOf(limit)}.`,
        staff: [staff.id],
        meetings: mine.map((i) => ctx.meetings[i]).filter((m) => m?.day === day).map((m) => m!.id),
        ...onDay(ctx, day),
      }));
    }
  },
  fast: {
    seat: (probe, s) => probe.staffLoad(s).dayMinutes > probe.problem.staff[s]!.maxDailyMinutes,
  },
};
