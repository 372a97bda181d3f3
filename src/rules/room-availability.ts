import { coversMeeting, describeMeeting, onDay } from './describe.js';
import type { Rule } from './types.js';

/** A room is used only inside its availability. Penalty: 1 per meeting. */
export const roomAvailability: Rule = {
  code: 'room-availability',
  level: 'hard',
  scope: 'meeting',
  title: 'Room availability',
  description: 'An in-person meeting is held while its room is available for the whole of it. Penalty: 1 per meeting.',
  evaluate(ctx, index, emit) {
    const meeting = ctx.meetings[index];
    if (!meeting || meeting.day < 0 || meeting.room < 0) return;
    const room = ctx.problem.rooms[meeting.room]!;
    if (coversMeeting(room.available, meeting, ctx.problem.clock)) return;
    emit(1, () => ({
      message: `Room ${room.id} is not available for ${describeMeeting(ctx, meeting)}.`,
      meetings: [meeting.id],
      rooms: [room.id],
      ...onDay(ctx, meeting.day),
    }));
  },
  fast: {
    shape({ m, problem, from, to }) {
      const room = problem.rooms[m.room];
      return !m.telehealth && room !== undefined && !room.available.containsRange(from, to);
    },
  },
};
