import { describeMeeting, onDay, staffIds } from './describe.js';
import type { Rule } from './types.js';
import { meetingMinutes } from '../compiled/compile.js';

/** The same care with fewer staffed hours. Penalty: minutes x staff / 5 per meeting. */
export const staffedHours: Rule = {
  code: 'staffed-hours',
  level: 'soft',
  scope: 'meeting',
  title: 'Staffed hours',
  description:
    'The same care is given with fewer staffed hours (fewer, fuller meetings). Penalty per meeting: minutes x staff members / 5, i.e. staffed 5-minute slots (a one-hour group with one facilitator is 12).',
  defaultWeight: 1,
  evaluate(ctx, index, emit) {
    const meeting = ctx.meetings[index];
    if (!meeting || meeting.staff.length === 0) return;
    const minutes = meetingMinutes(ctx.problem, meeting);
    const penalty = Math.round((minutes * meeting.staff.length) / 5);
    if (penalty <= 0) return;
    emit(penalty, () => ({
      message: `${describeMeeting(ctx, meeting)} takes ${minutes} minutes of ${meeting.staff.length} staff.`,
      meetings: [meeting.id],
      staff: staffIds(ctx, meeting.staff),
      ...onDay(ctx, meeting.day),
    }));
  },
};
