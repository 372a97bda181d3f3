import { dateOf, describeMeeting } from './describe.js';
import type { Rule } from './types.js';

/** A meeting holds no more patients than its room seats. Penalty: patients over capacity. */
export const roomCapacity: Rule = {
  code: 'room-capacity',
  level: 'hard',
  scope: 'meeting',
  title: 'Room capacity',
  description: 'A meeting in a room holds no more patients than the room seats. Penalty: patients over capacity.',
  evaluate(ctx, meetingIndex, emit) {
    const meeting = ctx.meetings[meetingIndex];
    if (!meeting || meeting.room < 0) return;
    const room = ctx.problem.rooms[meeting.room]!;
    const over = meeting.patients.length - room.capacity;
    if (over <= 0) return;
    emit(over, () => ({
      message: `${describeMeeting(ctx, meeting)} holds ${meeting.patients.length} patients but room ${room.id} seats ${room.capacity}.`,
      meetings: [meeting.id],
      rooms: [room.id],
      ...(dateOf(ctx, meeting.day) ? { date: dateOf(ctx, meeting.day)! } : {}),
    }));
  },
  fast: {
    shape: ({ m, problem }) => !m.telehealth && m.patients.length > (problem.rooms[m.room]?.capacity ?? Infinity),
  },
};
