import { coversMeeting, describeMeeting, onDay } from './describe.js';
import type { Rule } from './types.js';

/** Staff lead meetings only inside their availability. Penalty: 1 per staff member per meeting. */
export const staffAvailability: Rule = {
  code: 'staff-availability',
  level: 'hard',
  scope: 'meeting',
  title: 'Staff availability',
  description: 'Every staff member of a meeting is available for the whole of it. Penalty: 1 per unavailable staff member per meeting.',
  evaluate(ctx, index, emit) {
    const meeting = ctx.meetings[index];
    if (!meeting || meeting.day < 0) return;
    for (const member of meeting.staff) {
      const staff = ctx.problem.staff[member]!;
      if (coversMeeting(staff.available, meeting, ctx.problem.clock)) continue;
      emit(1, () => ({
        message: `Staff ${staff.id} is not available for ${describeMeeting(ctx, meeting)}.`,
        meetings: [meeting.id],
        staff: [staff.id],
        ...onDay(ctx, meeting.day),
      }));
    }
  },
  fast: {
    seat: ({ problem, from, to }, s) => !(problem.staff[s]?.available.containsRange(from, to) ?? false),
  },
};
