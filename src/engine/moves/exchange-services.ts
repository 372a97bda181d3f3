/** The move `exchange-services` of the neighbourhood (./index.ts holds its weight and why). */
import { trackMeetings } from '../kernel/needs.js';
import { exchangeServices, otherGroupServices } from '../chains/service-switch.js';
import type { Move } from './move.js';

/**
 * Two groups of a track at different times exchange services, whoever is short: on a plateau of
 * an over-full week, the walk to a timetable where a leader who may lead only one service can take
 * an hour (and free a colleague for a patient's missing session) passes through such exchanges.
 */
export const exchangeGroupServices: Move = (engine) => {
  const { problem, state, random } = engine;
  const track = random.int(problem.tracks.length);
  const inTrack = trackMeetings(engine, track);
  const index = random.pick(inTrack.filter((i) => !state.meetings[i]!.pinned));
  if (index === undefined) return false;
  const m = state.meetings[index]!;
  const service = random.pick(otherGroupServices(engine, m));
  return service !== undefined && exchangeServices(engine, index, service.index, -1, inTrack);
};
