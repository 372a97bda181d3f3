/** The move `change-room` of the neighbourhood (./index.ts holds its weight and why). */
import { tryReplace } from '../kernel/engine.js';
import { randomMeeting } from './choose.js';
import type { Move } from './move.js';
import { meetingWith } from '../../compiled/meetings.js';

/** A meeting changes room (or goes to or from telehealth). */
export const changeRoom: Move = (engine) => {
  const index = randomMeeting(engine);
  if (index < 0) return false;
  const m = engine.state.meetings[index]!;
  const service = engine.problem.services[m.service]!;
  const options = [...service.eligibleRooms, ...(service.telehealth === 'allowed' ? [-1] : [])];
  const room = engine.random.pick(options);
  if (room === undefined || room === m.room) return false;
  return tryReplace(engine, index, meetingWith(m, { room, telehealth: room < 0 }));
};
