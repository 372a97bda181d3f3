/** The move `close-group` of the neighbourhood (./index.ts holds its weight and why). */
import { isGroup, randomMeeting } from './choose.js';
import { closeInto, parallelGroups } from './groups.js';
import type { Move } from './move.js';

/** Closes a group; its patients join another group at the same time when they can. */
export const closeGroup: Move = (engine) => {
  const index = randomMeeting(engine, (m) => isGroup(engine, m));
  if (index < 0) return false;
  const m = engine.state.meetings[index]!;
  closeInto(engine, index, parallelGroups(engine, m), []);
  return true;
};
