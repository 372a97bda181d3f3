import { describeMeeting, onDay } from './describe.js';
import type { Rule } from './types.js';

/** A group holds at most its service's maximum size. Penalty: patients over. */
export const groupMaxSize: Rule = {
  code: 'group-max-size',
  level: 'hard',
  scope: 'meeting',
  title: 'Group maximum size',
  description: "A group meeting holds at most its service's maximum number of patients (default 12). Penalty: patients over the maximum.",
  evaluate(ctx, index, emit) {
    const meeting = ctx.meetings[index];
    if (!meeting) return;
    const service = ctx.problem.services[meeting.service]!;
    if (service.kind !== 'group') return;
    const over = meeting.patients.length - service.maxSize;
    if (over <= 0) return;
    emit(over, () => ({
      message: `${describeMeeting(ctx, meeting)} has ${meeting.patients.length} patients; the group takes at most ${service.maxSize}.`,
      meetings: [meeting.id],
      ...onDay(ctx, meeting.day),
    }));
  },
  fast: {
    shape: ({ m, service }) => m.patients.length > service.maxSize,
  },
};
