/** The move `change-staff` of the neighbourhood (./index.ts holds its weight and why). */
import { tryReplace } from '../kernel/engine.js';
import { randomMeeting } from './choose.js';
import type { Move } from './move.js';

/** One staff position of a meeting changes hands. */
export const changeStaff: Move = (engine) => {
  const index = randomMeeting(engine);
  if (index < 0) return false;
  const m = engine.state.meetings[index]!;
  if (m.staff.length === 0) return false;
  const position = engine.random.int(m.staff.length);
  const seat = engine.problem.services[m.service]!.seats[engine.prepared.seatOfPosition[m.service]![position]!]!;
  const s = engine.random.pick(seat.eligibleStaff);
  if (s === undefined || s === m.staff[position]) return false;
  const staff = [...m.staff];
  staff[position] = s;
  return tryReplace(engine, index, { ...m, staff });
};
