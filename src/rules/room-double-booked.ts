import { describeMeeting, onDay } from './describe.js';
import type { Rule } from './types.js';

/** A room holds at most one meeting at a time. Penalty: 1 per overlapping pair. */
export const roomDoubleBooked: Rule = {
  code: 'room-double-booked',
  level: 'hard',
  scope: 'room',
  title: 'Room double-booked',
  description: 'A room holds at most one meeting at a time. Penalty: 1 per overlapping pair of meetings.',
  evaluate(ctx, room, emit) {
    const mine = ctx.roomMeetings[room] ?? [];
    for (let i = 0; i < mine.length; i++) {
      const a = ctx.meetings[mine[i]!];
      if (!a) continue;
      for (let j = i + 1; j < mine.length; j++) {
        const b = ctx.meetings[mine[j]!];
        // Justification: same day and the two time ranges intersect.
        if (!b || a.day !== b.day || a.start >= b.end || b.start >= a.end) continue;
        emit(1, () => ({
          message: `Room ${ctx.problem.rooms[room]!.id} holds ${describeMeeting(ctx, a)} and ${describeMeeting(ctx, b)} at the same time.`,
          meetings: [a.id, b.id],
          rooms: [ctx.problem.rooms[room]!.id],
          ...onDay(ctx, a.day),
        }));
      }
    }
  },
};
