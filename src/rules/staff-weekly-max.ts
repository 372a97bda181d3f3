import { hoursOf } from './describe.js';
import type { Rule } from './types.js';
import { meetingMinutes } from '../compiled/compile.js';

/** A staff member works at most their weekly maximum. Penalty: minutes over. */
export const staffWeeklyMax: Rule = {
  code: 'staff-weekly-max',
  level: 'hard',
  scope: 'staff',
  title: 'Staff weekly maximum',
  description: 'A staff member leads at most `maxWeeklyHours` of meetings in the week. Penalty: minutes over.',
  evaluate(ctx, member, emit) {
    const staff = ctx.problem.staff[member]!;
    const limit = staff.maxWeeklyMinutes;
    if (limit === Infinity) return;
    let minutes = 0;
    for (const index of ctx.staffMeetings[member] ?? []) {
      const meeting = ctx.meetings[index];
      if (meeting) minutes += meetingMinutes(ctx.problem, meeting);
    }
    if (minutes <= limit) return;
    emit(minutes - limit, () => ({
      message: `Staff ${staff.id} leads ${hoursOf(minutes)} of meetings this week; the maximum is ${hoursOf(limit)}.`,
      staff: [staff.id],
    }));
  },
  fast: {
    seat: (probe, s) => probe.staffLoad(s).weekMinutes > probe.problem.staff[s]!.maxWeeklyMinutes,
  },
};
