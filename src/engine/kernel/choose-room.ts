/**
 * Choosing a room for a meeting: the first free room in an order that keeps rooms few services
 * can use for those services (or a random one of the first free), else telehealth where allowed.
 */
import type { PlacedMeeting } from '../../rules/types.js';
import { CANDIDATES_WEIGHED, roomFreeAt } from './availability.js';
import { entityNames } from './conflicts.js';
import type { Engine } from './engine-type.js';
import { FreeTimes } from './free-times.js';
import { slotFrom, slotTo } from './meeting-slots.js';

const roomUseCache = new WeakMap<object, Int32Array>();

/** How many services each room is eligible for (cached per compiled problem). */
function roomUses(problem: Engine['problem']): Int32Array {
  let uses = roomUseCache.get(problem);
  if (!uses) {
    uses = new Int32Array(problem.rooms.length);
    for (const service of problem.services) for (const r of service.eligibleRooms) uses[r]! += 1;
    roomUseCache.set(problem, uses);
  }
  return uses;
}

/**
 * A room for `m` (the replaced meeting's own counts as free): a random one of the first few free
 * from a random start when `shuffle`, else the first free in preference order; telehealth when no
 * room is free and the service and every patient allow it; `null` otherwise (the first rooms
 * that were full are counted as the bottleneck).
 *
 * @example
 * ```ts
 * const place = chooseRoom(engine, session, -1, true); // e.g. { room: 3, telehealth: false }
 * ```
 */
export function chooseRoom(engine: Engine, m: PlacedMeeting, replacing: number, shuffle: boolean): { room: number; telehealth: boolean } | null {
  const service = engine.problem.services[m.service]!;
  if (service.telehealth === 'only') return { room: -1, telehealth: true };
  let room = -1;
  const from = slotFrom(m);
  const to = slotTo(m);
  // Rooms available and empty then (and the replaced meeting's own): the others are not asked.
  const free = engine.state.freeRooms().over(from, to);
  const own = replacing >= 0 ? (engine.state.meetings[replacing]?.room ?? -1) : -1;
  // Indexed loops, no closure: asked for every start construction tries for a session.
  if (shuffle) {
    // A uniform pick among the first few free rooms from a random start.
    const eligible = service.eligibleRooms;
    const offset = engine.random.int(Math.max(1, eligible.length));
    let seen = 0;
    for (let k = 0; k < eligible.length && seen < CANDIDATES_WEIGHED; k++) {
      const r = eligible[(offset + k) % eligible.length]!;
      if (!(r === own || FreeTimes.has(free, r)) || !roomFreeAt(engine, r, m, from, to, replacing)) continue;
      seen += 1;
      if (engine.random.int(seen) === 0) room = r;
    }
  } else {
    // The room fewest other services can use, then the smallest: a family room that doubles as
    // an office is kept for the family session only it can host. The first free in that order.
    const preferred = roomsInPreference(engine.problem, m.service);
    for (let k = 0; k < preferred.length; k++) {
      const r = preferred[k]!;
      if ((r === own || FreeTimes.has(free, r)) && roomFreeAt(engine, r, m, from, to, replacing)) {
        room = r;
        break;
      }
    }
  }
  if (room >= 0) return { room, telehealth: false };
  // The rooms that were full (the first few: enough to name the bottleneck).
  const rooms = entityNames(engine.problem).rooms;
  for (let k = 0; k < Math.min(4, service.eligibleRooms.length); k++) engine.conflicts.blockEntity('room-double-booked', rooms[service.eligibleRooms[k]!]!);
  if (service.telehealth === 'allowed' && m.patients.every((p) => engine.problem.patients[p]!.telehealth)) return { room: -1, telehealth: true };
  return null;
}

const roomOrderCache = new WeakMap<object, number[][]>();

/** Each service's eligible rooms, fewest uses first, then smallest, then in problem order (cached). */
function roomsInPreference(problem: Engine['problem'], service: number): readonly number[] {
  let orders = roomOrderCache.get(problem);
  if (!orders) {
    const uses = roomUses(problem);
    const rooms = problem.rooms;
    orders = problem.services.map((s) => [...s.eligibleRooms].sort((a, b) => uses[a]! - uses[b]! || rooms[a]!.capacity - rooms[b]!.capacity || a - b));
    roomOrderCache.set(problem, orders);
  }
  return orders[service]!;
}
