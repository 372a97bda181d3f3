import { describeMeeting, onDay } from './describe.js';
import { forEachOverlappingPair } from './overlapping-pairs.js';
import type { Rule } from './types.js';

/** A staff member leads at most one meeting at a time. Penalty: 1 per overlapping pair. */
export const staffDoubleBooked: Rule = {
  code: 'staff-double-booked',
  level: 'hard',
  scope: 'staff',
  title: 'Staff double-booked',
  description: 'A staff member leads at most one meeting at a time. Penalty: 1 per overlapping pair of meetings.',
  evaluate(ctx, member, emit) {
    forEachOverlappingPair(ctx, ctx.staffMeetings[member] ?? [], (a, b) => {
      emit(1, () => ({
        message: `Staff ${ctx.problem.staff[member]!.id} leads ${describeMeeting(ctx, a)} and ${describeMeeting(ctx, b)} at the same time.`,
        meetings: [a.id, b.id],
        staff: [ctx.problem.staff[member]!.id],
        ...onDay(ctx, a.day),
      }));
    });
  },
  fast: {
    seat: (probe, s) => probe.staffLoad(s).overlaps,
  },
};
