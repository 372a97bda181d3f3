import { describeMeeting, onDay } from './describe.js';
import type { Rule } from './types.js';

/** An in-person meeting is held in a room offering every feature its service needs. Penalty: 1 per meeting. */
export const roomFeatures: Rule = {
  code: 'room-features',
  level: 'hard',
  scope: 'meeting',
  title: 'Room features',
  description: 'An in-person meeting is held in a room that offers every feature its service needs (e.g. a group room). Penalty: 1 per meeting.',
  evaluate(ctx, index, emit) {
    const meeting = ctx.meetings[index];
    if (!meeting || meeting.room < 0) return;
    const room = ctx.problem.rooms[meeting.room]!;
    const needed = ctx.problem.services[meeting.service]!.roomFeatures;
    for (const feature of needed) {
      if (room.features.has(feature)) continue;
      // Justification: the room lacks at least one required feature; one breach per meeting.
      emit(1, () => ({
        message: `${describeMeeting(ctx, meeting)} needs a room with ${needed.filter((f) => !room.features.has(f)).join(', ')}, which room ${room.id} does not offer.`,
        meetings: [meeting.id],
        rooms: [room.id],
        ...onDay(ctx, meeting.day),
      }));
      return;
    }
  },
  fast: {
    shape: ({ m, problem, service }) => !m.telehealth && (problem.rooms[m.room] === undefined || !service.eligibleRooms.includes(m.room)),
  },
};
