/**
 * What closing a group takes, shared by `close-group` and `consolidate-group`: the parallel
 * groups its members may go to, and moving them there (a member may trade an individual session
 * for the seat).
 */
import type { PlacedMeeting } from '../../rules/types.js';
import type { Engine } from '../kernel/engine.js';
import { placeIndividual } from '../construct/individuals.js';
import { overlaps } from '../kernel/feasible.js';
import { isGroup, join, needy } from './choose.js';

/**
 * Closes group meeting `index`; its patients join `parallel` groups, or `elsewhere` ones when
 * short. Returns whether everyone left short found a seat.
 */
export function closeInto(engine: Engine, index: number, parallel: readonly number[], elsewhere: readonly number[]): boolean {
  const m = engine.state.meetings[index]!;
  engine.state.remove(index);
  let everyone = true;
  for (const p of m.patients) {
    if (parallel.some((other) => join(engine, other, p)) || !needy(engine, p)) continue;
    if (!elsewhere.some((other) => join(engine, other, p)) && !tradeIndividualForSeat(engine, p, elsewhere)) everyone = false;
  }
  return everyone;
}

/**
 * A patient who attends every other hour of the block but one, which holds their individual
 * session, takes a seat in a group at that hour and the individual session moves (typically into
 * the hour just freed). Undone, and false, when either half fails.
 */
function tradeIndividualForSeat(engine: Engine, p: number, groups: readonly number[]): boolean {
  if (groups.length === 0) return false;
  const state = engine.state;
  for (const index of [...state.patientMeetings[p]!]) {
    const own = state.meetings[index]!;
    if (own.pinned || isGroup(engine, own)) continue;
    const atThatHour = groups.filter((g) => {
      const o = state.meetings[g];
      return o !== undefined && overlaps(o, own.day, own.start, own.end);
    });
    if (atThatHour.length === 0) continue;
    const mark = state.mark();
    state.remove(index);
    if (atThatHour.some((g) => join(engine, g, p)) && placeIndividual(engine, p, own.service, true) >= 0) return true;
    state.rollback(mark);
  }
  return false;
}

export function parallelGroups(engine: Engine, m: PlacedMeeting): number[] {
  return engine.state.liveMeetings().filter((i) => {
    const o = engine.state.meetings[i]!;
    return o !== m && isGroup(engine, o) && !o.pinned && overlaps(o, m.day, m.start, m.end);
  });
}
