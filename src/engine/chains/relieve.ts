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
import type { PlacedMeeting } from '../../rules/types.js';
import type { Engine } from '../kernel/engine.js';
import { staffFree, tryReplace } from '../kernel/engine.js';
import { slotFrom, slotTo } from '../kernel/meeting-slots.js';
import { meetingWith } from '../../compiled/meetings.js';

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
 * A seat's eligible members by reach: the distinct reaches ascending, and per reach a bitmap of
 * the members who have it (over the staff, 32 a word). Read against the members free over a
 * meeting's slots (`FreeTimes.over`), a reach class is a few word operations, not a walk over
 * every counsellor eligible for the seat (at 10,000 patients that walk, once per group seat, was
 * 8% of a first complete week).
 */
interface ReachClasses {
  reaches: number[];
  bits: Uint32Array[];
}

function reachClasses(seat: { eligibleStaff: readonly number[] }, reach: Int32Array, words: number): ReachClasses {
  const reaches = [...new Set(seat.eligibleStaff.map((s) => reach[s]!))].sort((a, b) => a - b);
  const bits = reaches.map(() => new Uint32Array(words));
  for (const s of seat.eligibleStaff) bits[reaches.indexOf(reach[s]!)]![s >>> 5]! |= 1 << (s & 31);
  return { reaches, bits };
}

/** Where a relief walk left off: the group meetings it has looked at (one construction's batches share it). */
export type Relieved = WeakSet<PlacedMeeting>;

/**
 * Hands every group seat whose holder may hold individual sessions to the free colleague who may
 * hold the fewest (never as many as the holder), the one with the fewest minutes that week
 * among those; each hand-over is checked against every hard rule. Returns the seats handed.
 * Deterministic: meetings in timetable order, colleagues in the seat's order. `relieved`, when
 * given, skips the meetings it holds and gains those looked at: a construction cut into batches
 * relieves each batch's new groups, not every group again.
 *
 * @example
 * ```ts
 * relieveClinicians(engine); // after the groups, before the individual sessions
 * ```
 */
export function relieveClinicians(engine: Engine, relieved?: Relieved): number {
  const { problem, state } = engine;
  let handed = 0;
  const count = state.meetings.length;
  for (let index = 0; index < count; index++) {
    const m = state.meetings[index];
    if (!m || m.pinned) continue;
    if (relieved) {
      if (relieved.has(m)) continue;
      relieved.add(m);
    }
    if (problem.services[m.service]!.kind !== 'group') continue;
    for (let position = 0; position < m.staff.length; position++) {
      if (relieveSeat(engine, index, position)) {
        handed += 1;
        if (relieved) relieved.add(state.meetings[index]!);
      }
    }
  }
  return handed;
}

/**
 * The colleague who may take seat `position` of `current` (meeting `index`): of the lowest reach
 * below `below` with any member free for it, the one with the fewest minutes that week (the
 * first in the seat's order among equals); -1 when none.
 */
function freestColleague(engine: Engine, current: PlacedMeeting, index: number, position: number, order: ReachClasses, below: number): number {
  const { state } = engine;
  const taken = current.staff.filter((_, i) => i !== position);
  // On shift and holding nothing then: a few word reads before the full check.
  const free = state.freeStaff().over(slotFrom(current), slotTo(current));
  // One trial meeting, its seat rewritten per candidate (the checks keep no reference to it).
  const trial = meetingWith(current, { staff: current.staff.slice() });
  let best = -1;
  for (let c = 0; c < order.reaches.length && order.reaches[c]! < below && best < 0; c++) {
    const bits = order.bits[c]!;
    for (let w = 0; w < bits.length; w++) {
      for (let word = bits[w]! & free[w]!; word !== 0; word &= word - 1) {
        const s = w * 32 + 31 - Math.clz32(word & -word);
        if (taken.includes(s)) continue;
        if (best >= 0 && state.staffMinutes[s]! >= state.staffMinutes[best]!) continue;
        trial.staff[position] = s;
        if (staffFree(engine, s, trial, index, taken)) best = s;
      }
    }
  }
  return best;
}

// ---- One seat at a time: each seat of relieveClinicians, and the search's (../moves/relieve-and-serve.ts) ----

const reachOf = new WeakMap<object, Int32Array>();
/** Each seat's eligible members by reach: the walk stops at the holder's reach, and within a reach takes members in the seat's order (ascending, as the bits are read). */
const classesOf = new WeakMap<object, ReachClasses>();

/**
 * For each member of staff, how many individual services they may hold (cached per compiled
 * problem): 0 for a counsellor who may lead only groups.
 *
 * @example
 * ```ts
 * const reach = individualReachOf(engine);
 * if (reach[candidate]! > reach[holder]!) return false; // a clinician's hours for a counsellor's seat
 * ```
 */
export function individualReachOf(engine: Engine): Int32Array {
  let reach = reachOf.get(engine.problem);
  if (!reach) reachOf.set(engine.problem, (reach = individualReach(engine)));
  return reach;
}

/**
 * Hands seat `position` of group meeting `index` to the free colleague of the lowest reach below
 * its holder's (the fewest minutes that week among them), as `relieveClinicians` does for every
 * seat; returns whether it was handed (checked against every hard rule). Reaches and reach
 * classes are cached per compiled problem.
 *
 * @example
 * ```ts
 * if (relieveSeat(engine, groupIndex, 0)) placeIndividual(engine, patient, session, true);
 * ```
 */
export function relieveSeat(engine: Engine, index: number, position: number): boolean {
  const { problem, state } = engine;
  const m = state.meetings[index];
  if (!m || m.pinned || problem.services[m.service]!.kind !== 'group') return false;
  const reach = individualReachOf(engine);
  const holder = m.staff[position] ?? -1;
  if (holder < 0 || reach[holder] === 0) return false;
  const seat = problem.services[m.service]!.seats[engine.prepared.seatOfPosition[m.service]![position]!]!;
  let order = classesOf.get(seat);
  if (!order) classesOf.set(seat, (order = reachClasses(seat, reach, Math.max(1, (problem.staff.length + 31) >>> 5))));
  const best = freestColleague(engine, m, index, position, order, reach[holder]!);
  return best >= 0 && tryReplace(engine, index, meetingWith(m, { staff: m.staff.map((x, i) => (i === position ? best : x)) }));
}
