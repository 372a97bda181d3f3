import { describeMeeting, onDay } from './describe.js';
import type { Rule } from './types.js';

/** A meeting lasts exactly its service's duration. Penalty: 1 per meeting. */
export const meetingDuration: Rule = {
  code: 'meeting-duration',
  level: 'hard',
  scope: 'meeting',
  title: 'Meeting duration',
  description: "A meeting lasts exactly its service's duration (end minus start). Penalty: 1 per meeting.",
  evaluate(ctx, index, emit) {
    const meeting = ctx.meetings[index];
    if (!meeting) return;
    const duration = ctx.problem.services[meeting.service]!.durationMinutes;
    if (meeting.end - meeting.start === duration) return;
    emit(1, () => ({
      message: `${describeMeeting(ctx, meeting)} lasts ${meeting.end - meeting.start} minutes; the service lasts ${duration}.`,
      meetings: [meeting.id],
      ...onDay(ctx, meeting.day),
    }));
  },
};
