/**
 * Relieving clinicians: a group seat held by a member of staff who may also hold individual
 * sessions goes to a free colleague who may hold fewer of them (a counsellor who may lead only
 * groups), so the clinician's hours are left for the sessions nobody else can hold.
 *
 * Why: construction staffs the groups first, primary therapists first, and in a tight clinic
 * that spends licensed hours on psychoeducation and relapse-prevention groups while the
 * counsellors who could lead them sit idle (1,000 patients, tightness 1.0, seed 1: day
 * counsellors 19% used, day clinicians 98-100%, and evening clinicians holding the day
 * patients' individual sessions the day clinicians had no hours for, with no hours left for the
 * evening's groups). The search finds the exchange only as a walk of hand-overs that each gain
 * nothing: the gain comes at the last step, a session or a group placed in the hours freed.
 */
import type { Engine } from '../kernel/engine.js';
import { staffFree, tryReplace } from '../kernel/engine.js';
import { FreeTimes } from '../kernel/free-times.js';
import { meetingSlots } from '../kernel/state.js';

/**
 * For each member of staff, the individual services they may hold (any seat): what their hours
 * are worth beyond the groups.
 */
function individualReach(engine: Engine): Int32Array {
  const reach = new Int32Array(engine.problem.staff.length);
  for (const service of engine.problem.services) {
    if (service.kind !== 'individual') continue;
    const members = new Set<number>();
    for (const seat of service.seats) for (const s of seat.eligibleStaff) members.add(s);
    for (const s of members) reach[s]! += 1;
  }
  return reach;
}

/**
 * Hands every group seat whose holder may hold individual sessions to the free colleague who may
 * hold the fewest (never as many as the holder), the one with the fewest minutes that week
 * among those; each hand-over is checked against every hard rule. Returns the seats handed.
 * Deterministic: meetings in timetable order, colleagues in the seat's order.
 *
 * @example
 * ```ts
 * relieveClinicians(engine); // after the groups, before the individual sessions
 * ```
 */
export function relieveClinicians(engine: Engine): number {
  const { problem, state } = engine;
  const reach = individualReach(engine);
  // Each seat's eligible members, those who may hold the fewest individual services first (in
  // the seat's order among equals): the walk stops at the holder's reach.
  const narrowest = new Map<object, number[]>();
  let handed = 0;
  const count = state.meetings.length;
  for (let index = 0; index < count; index++) {
    const m = state.meetings[index];
    if (!m || m.pinned) continue;
    const service = problem.services[m.service]!;
    if (service.kind !== 'group') continue;
    const positions = engine.prepared.seatOfPosition[m.service]!;
    for (let position = 0; position < m.staff.length; position++) {
      const current = state.meetings[index]!;
      const holder = current.staff[position]!;
      if (holder < 0 || reach[holder] === 0) continue;
      const seat = service.seats[positions[position]!]!;
      let order = narrowest.get(seat);
      if (!order) narrowest.set(seat, (order = [...seat.eligibleStaff].sort((a, b) => reach[a]! - reach[b]!)));
      const taken = current.staff.filter((_, i) => i !== position);
      // On shift and holding nothing then: a few word reads before the full check (a network's
      // seats have hundreds of eligible members).
      const [from, to] = meetingSlots(current);
      const free = state.freeStaff().over(from, to);
      let best = -1;
      for (const s of order) {
        if (reach[s]! >= reach[holder]! || (best >= 0 && reach[s]! > reach[best]!)) break;
        if (taken.includes(s) || !FreeTimes.has(free, s)) continue;
        if (best >= 0 && state.staffMinutes[s]! >= state.staffMinutes[best]!) continue;
        if (staffFree(engine, s, { ...current, staff: current.staff.map((x, i) => (i === position ? s : x)) }, index, taken)) best = s;
      }
      if (best >= 0 && tryReplace(engine, index, { ...current, staff: current.staff.map((x, i) => (i === position ? best : x)) })) handed += 1;
    }
  }
  return handed;
}
