import type { CompiledProblem, CompiledSeat } from '../compiled/compile.js';
import { describeMeeting, onDay, staffIds } from './describe.js';
import type { Rule } from './types.js';

/** Whether staff `member` may fill `seat`: holds one of its credentials and all of its tags. */
export function mayFillSeat(problem: CompiledProblem, member: number, seat: CompiledSeat): boolean {
  const staff = problem.staff[member];
  if (!staff) return false;
  let credentialed = false;
  for (const credential of seat.credentials) {
    if (staff.credentials.has(credential)) {
      credentialed = true;
      break;
    }
  }
  if (!credentialed) return false;
  for (const tag of seat.tags) if (!staff.tags.has(tag)) return false;
  return true;
}

/**
 * Size of a maximum matching between the meeting's staff and the service's seat positions (a seat
 * with `count: 2` is two positions), by augmenting paths. Meetings have a handful of staff, so
 * this is tiny; the common one-seat-one-person case never allocates.
 */
export function seatMatching(problem: CompiledProblem, seats: readonly CompiledSeat[], staff: readonly number[]): number {
  if (seats.length === 1 && seats[0]!.count === 1 && staff.length === 1) return mayFillSeat(problem, staff[0]!, seats[0]!) ? 1 : 0;
  const positions: CompiledSeat[] = [];
  for (const seat of seats) for (let k = 0; k < seat.count; k++) positions.push(seat);
  const holder = new Int32Array(positions.length).fill(-1);
  const tryAssign = (person: number, visited: Uint8Array): boolean => {
    for (let position = 0; position < positions.length; position++) {
      if (visited[position] || !mayFillSeat(problem, staff[person]!, positions[position]!)) continue;
      visited[position] = 1;
      if (holder[position] === -1 || tryAssign(holder[position]!, visited)) {
        holder[position] = person;
        return true;
      }
    }
    return false;
  };
  let matched = 0;
  for (let person = 0; person < staff.length; person++) if (tryAssign(person, new Uint8Array(positions.length))) matched++;
  return matched;
}

/**
 * Every seat position of a meeting is filled by a qualified staff member, and every staff member
 * fills one. Penalty: unfilled positions plus staff who fill no position.
 */
export const staffSeats: Rule = {
  code: 'staff-seats',
  level: 'hard',
  scope: 'meeting',
  title: 'Staff seats',
  description:
    "A meeting's staff fill its service's seats exactly: each seat position taken by a member holding one of its credentials and all its tags (a seat with count 2 needs two), and no member left without a seat. Judged as a maximum bipartite matching. Penalty: unfilled positions plus staff who fill no position.",
  evaluate(ctx, index, emit) {
    const meeting = ctx.meetings[index];
    if (!meeting) return;
    const service = ctx.problem.services[meeting.service]!;
    const matched = seatMatching(ctx.problem, service.seats, meeting.staff);
    const unfilled = service.staffNeeded - matched;
    const extra = meeting.staff.length - matched;
    if (unfilled + extra === 0) return;
    emit(unfilled + extra, () => ({
      message:
        `${describeMeeting(ctx, meeting)} needs ${service.staffNeeded} qualified staff` +
        (unfilled > 0 ? `; ${unfilled} seat${unfilled === 1 ? ' is' : 's are'} not filled by a member with the right credentials and tags` : '') +
        (extra > 0 ? `; ${extra} of its staff fill${extra === 1 ? 's' : ''} no seat` : '') +
        '.',
      meetings: [meeting.id],
      staff: staffIds(ctx, meeting.staff),
      ...onDay(ctx, meeting.day),
    }));
  },
  fast: {
    shape: ({ m, service }) => m.staff.length !== service.staffNeeded,
    // Stricter than the matching evaluate judges: the member at position i fills seat position i,
    // a look-up instead of a search (the solver fills seats in that order).
    seat({ m, service, prepared }, s, i) {
      for (let j = 0; j < i; j++) if (m.staff[j] === s) return true;
      const seat = service.seats[prepared.seatOfPosition[m.service]?.[i] ?? -1];
      return seat === undefined || !seat.eligibleStaff.includes(s);
    },
  },
};
