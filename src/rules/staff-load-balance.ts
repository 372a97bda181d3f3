import { hours } from './describe.js';
import type { Rule } from './types.js';
import { meetingMinutes } from '../compiled/compile.js';

/** Work is spread evenly over staff. Penalty: round(minutes^2 / 900) per staff member. */
export const staffLoadBalance: Rule = {
  code: 'staff-load-balance',
  level: 'soft',
  scope: 'staff',
  title: 'Staff load balance',
  description:
    'Work is spread evenly over the staff: the penalty grows with the square of each member\'s load, so moving an hour from a busy to a quiet colleague lowers it. Penalty: round(minutes led^2 / 900) per staff member (an hour a week is 4, 10 hours 400).',
  defaultWeight: 1,
  evaluate(ctx, member, emit) {
    let minutes = 0;
    for (const index of ctx.staffMeetings[member] ?? []) {
      const meeting = ctx.meetings[index];
      if (meeting) minutes += meetingMinutes(ctx.problem, meeting);
    }
    const penalty = Math.round((minutes * minutes) / 900);
    if (penalty <= 0) return;
    emit(penalty, () => ({
      message: `Staff ${ctx.problem.staff[member]!.id} leads ${hours(minutes)} hours of meetings this week.`,
      staff: [ctx.problem.staff[member]!.id],
    }));
  },
};
