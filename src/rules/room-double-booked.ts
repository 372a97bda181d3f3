import { describeMeeting, onDay } from './describe.js';
import { forEachOverlappingPair } from './overlapping-pairs.js';
import type { Rule } from './types.js';

/** A room holds at most one meeting at a time. Penalty: 1 per overlapping pair. */
export const roomDoubleBooked: Rule = {
  code: 'room-double-booked',
  level: 'hard',
  scope: 'room',
  title: 'Room double-booked',
  description: 'A room holds at most one meeting at a time. Penalty: 1 per overlapping pair of meetings.',
  evaluate(ctx, room, emit) {
    forEachOverlappingPair(ctx, ctx.roomMeetings[room] ?? [], (a, b) => {
      emit(1, () => ({
        message: `Room ${ctx.problem.rooms[room]!.id} holds ${describeMeeting(ctx, a)} and ${describeMeeting(ctx, b)} at the same time.`,
        meetings: [a.id, b.id],
        rooms: [ctx.problem.rooms[room]!.id],
        ...onDay(ctx, a.day),
      }));
    });
  },
  fast: {
    meeting({ m, ctx, replacing }) {
      if (m.room < 0) return false;
      for (const other of ctx.roomMeetings[m.room] ?? []) {
        const o = ctx.meetings[other];
        if (other !== replacing && o !== undefined && o.day === m.day && o.start < m.end && m.start < o.end) return true;
      }
      return false;
    },
  },
};
