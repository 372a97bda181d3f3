import { describeMeeting, onDay } from './describe.js';
import type { Rule } from './types.js';

/** A staff member leads at most one meeting at a time. Penalty: 1 per overlapping pair. */
export const staffDoubleBooked: Rule = {
  code: 'staff-double-booked',
  level: 'hard',
  scope: 'staff',
  title: 'Staff double-booked',
  description: 'A staff member leads at most one meeting at a time. Penalty: 1 per overlapping pair of meetings.',
  evaluate(ctx, member, emit) {
    const mine = ctx.staffMeetings[member] ?? [];
    for (let i = 0; i < mine.length; i++) {
      const a = ctx.meetings[mine[i]!];
      if (!a) continue;
      for (let j = i + 1; j < mine.length; j++) {
        const b = ctx.meetings[mine[j]!];
        // Justification: same day and the two time ranges intersect.
        if (!b || a.day !== b.day || a.start >= b.end || b.start >= a.end) continue;
        emit(1, () => ({
          message: `Staff ${ctx.problem.staff[member]!.id} leads ${describeMeeting(ctx, a)} and ${describeMeeting(ctx, b)} at the same time.`,
          meetings: [a.id, b.id],
          staff: [ctx.problem.staff[member]!.id],
          ...onDay(ctx, a.day),
        }));
      }
    }
  },
};
