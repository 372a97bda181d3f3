import { describeMeeting, onDay } from './describe.js';
import type { Rule } from './types.js';

/** Nothing is scheduled on a closed date. Penalty: 1 per meeting. */
export const closedDate: Rule = {
  code: 'closed-date',
  level: 'hard',
  scope: 'meeting',
  title: 'Closed date',
  description: 'No meeting is held on one of the programme\'s closed dates (holidays). Penalty: 1 per meeting.',
  evaluate(ctx, index, emit) {
    const meeting = ctx.meetings[index];
    if (!meeting || meeting.day < 0 || !ctx.problem.closedDays[meeting.day]) return;
    emit(1, () => ({
      message: `${describeMeeting(ctx, meeting)} is on ${ctx.problem.dates[meeting.day]}, a closed date.`,
      meetings: [meeting.id],
      ...onDay(ctx, meeting.day),
    }));
  },
  fast: {
    shape: ({ m, problem }) => problem.closedDays[m.day] === true,
  },
};
