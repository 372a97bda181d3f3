/** The move `change-staff` of the neighbourhood (./index.ts holds its weight and why). */
import { individualReachOf } from '../chains/relieve.js';
import { tryReplace } from '../kernel/engine.js';
import { randomMeeting } from './choose.js';
import { LARGE_CLINIC, type Move } from './move.js';
import { meetingWith } from '../../compiled/meetings.js';


/**
 * One staff position of a meeting changes hands. In a large clinic where someone is short, a
 * group seat never goes to a member of staff who may hold more individual services than its
 * holder: construction hands groups to counsellors so the clinicians' hours serve individual
 * sessions (../chains/relieve.ts), and these neutral steps walked the groups back (1,000 patients,
 * tightness 1.0: day counsellors 91% used after construction, 51% after 20,000 iterations).
 */
export const changeStaff: Move = (engine) => {
  const index = randomMeeting(engine);
  if (index < 0) return false;
  const m = engine.state.meetings[index]!;
  if (m.staff.length === 0) return false;
  const position = engine.random.int(m.staff.length);
  const seat = engine.problem.services[m.service]!.seats[engine.prepared.seatOfPosition[m.service]![position]!]!;
  const s = engine.random.pick(seat.eligibleStaff);
  if (s === undefined || s === m.staff[position]) return false;
  if (handedUp(engine, m.service, m.staff[position]!, s)) return false;
  const staff = [...m.staff];
  staff[position] = s;
  return tryReplace(engine, index, meetingWith(m, { staff }));
};

function handedUp(engine: Parameters<Move>[0], service: number, holder: number, s: number): boolean {
  if (engine.problem.patients.length < LARGE_CLINIC || engine.problem.services[service]!.kind !== 'group' || holder < 0) return false;
  if (engine.state.score().requirement === 0) return false;
  const reach = individualReachOf(engine);
  return reach[s]! > reach[holder]!;
}
