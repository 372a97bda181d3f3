/** The move `consolidate-group` of the neighbourhood (./index.ts holds its weight and why). */
import type { PlacedMeeting } from '../../rules/types.js';
import type { Engine } from '../kernel/engine.js';
import { minutesOf, sessionsOf } from '../kernel/tally.js';
import { overlaps } from '../kernel/feasible.js';
import { trackMeetings } from '../kernel/needs.js';
import { isGroup, needy, randomMeeting } from './choose.js';
import { sectionSeats } from '../kernel/availability.js';
import { closeInto, parallelGroups } from './groups.js';
import type { Move } from './move.js';

/** Groups of `track` outside `m`'s time, in a random rotation. */
function otherTimes(engine: Engine, m: PlacedMeeting): number[] {
  const found = trackMeetings(engine, m.track).filter((i) => {
    const o = engine.state.meetings[i]!;
    return !o.pinned && !overlaps(o, m.day, m.start, m.end);
  });
  const offset = engine.random.int(Math.max(1, found.length));
  return found.map((_, k) => found[(offset + k) % found.length]!);
}

/**
 * Closes a group of a track to save its staffed hour: its patients join another group at the same
 * time, and one who is then short of care takes a free seat at another time of the track (a
 * patient who skips one hour of the block can skip this one and attend the other instead, or, when
 * that hour holds their individual session, trade it: see `tradeIndividualForSeat`). Fails
 * when someone short finds no seat: leaving them out is close-group's move, and taking it here
 * too cost re-planning admissions (7-9 of 10 served against 8-10, three seeds).
 */
export const consolidateGroup: Move = (engine) => {
  const index = randomMeeting(engine, (m) => isGroup(engine, m) && m.track >= 0);
  if (index < 0) return false;
  const m = engine.state.meetings[index]!;
  const parallel = parallelGroups(engine, m);
  const elsewhere = otherTimes(engine, m);
  // In an over-full week the other groups are full: count the seats before taking anything apart
  // (on the 40-patient reference the move cost 195 us a call and never succeeded).
  if (seatsLeft(engine, parallel) + seatsLeft(engine, elsewhere) < shortWithout(engine, m)) return false;
  return closeInto(engine, index, parallel, elsewhere);
};

/** Seats left in the groups `indexes`, each in the room it holds (a move to a larger room is not counted on). */
function seatsLeft(engine: Engine, indexes: readonly number[]): number {
  let left = 0;
  for (const index of indexes) {
    const m = engine.state.meetings[index]!;
    left += Math.max(0, sectionSeats(engine, m.service, m.room) - m.patients.length);
  }
  return left;
}

/** Members of group `m` who would be short without it: each needs a seat elsewhere for the group to close. */
function shortWithout(engine: Engine, m: PlacedMeeting): number {
  const minutes = engine.problem.services[m.service]!.countsTowardHours ? m.end - m.start : 0;
  let short = 0;
  for (const p of m.patients) {
    const limits = engine.prepared.patients[p]!;
    const want = limits.wantSessions[m.service]!;
    if (needy(engine, p) || minutesOf(engine, p) - minutes < limits.minWeeklyMinutes || (want > 0 && sessionsOf(engine, p, m.service) - 1 < want)) short += 1;
  }
  return short;
}
