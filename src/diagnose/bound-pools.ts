/**
 * The shared resources of diagnose's upper bound (./bound.ts): a set of rooms or of staff, with
 * what one patient-minute of a service takes from it at least and what it offers inside a set of
 * slots. The cuts of the bound are these pools over stretches of the week.
 */
import type { CompiledProblem, CompiledService } from '../compiled/compile.js';
import { SlotSet } from '../time/slot-set.js';
import { SLOT_MINUTES, SLOTS_PER_DAY } from '../time/week.js';

const DAYS = 7;
const WORDS_PER_DAY = SLOTS_PER_DAY / 32;

/** A resource shared by many patients: a set of rooms or of staff. */
export interface Pool {
  resource: 'rooms' | 'staff';
  members: readonly number[];
  /** Resource-minutes one patient-minute of `service` uses at least (0: the pool is not needed). */
  rate: (service: CompiledService, remote: boolean) => number;
  /** Resource-minutes the pool offers inside `slots`. */
  supply: (slots: SlotSet) => number;
  label: string;
  /**
   * What one meeting of `service` takes from the pool per minute whoever attends: staff pools, the
   * pool's staff it needs; room pools, the seats of the smallest room it may use (the room is
   * taken whole), 0 where it may be held by telehealth, without a room.
   */
  seats?: (service: CompiledService) => number;
}

/**
 * Minutes of `set` outside `removed` on each day.
 *
 * @example
 * ```ts
 * const minutes = outsideByDay(staff.available, eveningSlots); // [Mon, ..., Sun] minutes outside the evenings
 * ```
 */
export function outsideByDay(set: SlotSet, removed: SlotSet): number[] {
  const result = new Array<number>(DAYS).fill(0);
  for (let i = 0; i < set.words.length; i++) {
    let word = (set.words[i]! & ~(removed.words[i] ?? 0)) >>> 0;
    let bits = 0;
    while (word !== 0) {
      word &= word - 1;
      bits++;
    }
    if (bits > 0) result[Math.floor(i / WORDS_PER_DAY)]! += bits * SLOT_MINUTES;
  }
  return result;
}

/**
 * The most patients one meeting of `service` can hold: 1 for an individual session, else its
 * maximum size, capped by its largest eligible room unless it may run by telehealth.
 *
 * @example
 * ```ts
 * const size = groupSize(problem, problem.services[0]!); // 12 for a 12-seat process group
 * ```
 */
export function groupSize(problem: CompiledProblem, service: CompiledService): number {
  if (service.kind === 'individual') return 1;
  if (service.telehealth !== 'never') return service.maxSize;
  const largest = Math.max(0, ...service.eligibleRooms.map((r) => problem.rooms[r]!.capacity));
  return Math.max(1, Math.min(service.maxSize, largest));
}

function roomPool(problem: CompiledProblem, members: readonly number[], label: string): Pool {
  const inPool = new Set(members);
  const served = problem.services.filter((s) => s.telehealth !== 'only' && s.eligibleRooms.length > 0 && s.eligibleRooms.every((r) => inPool.has(r)));
  // A room's seats: the most patients one meeting of a pool service can hold there.
  const seats = new Map<number, number>();
  for (const service of served) {
    for (const room of service.eligibleRooms) {
      const size = Math.min(problem.rooms[room]!.capacity, service.kind === 'group' ? service.maxSize : 1);
      seats.set(room, Math.max(seats.get(room) ?? 0, size));
    }
  }
  const smallest = new Map(served.map((s) => [s.index, Math.min(...s.eligibleRooms.map((r) => seats.get(r) ?? 0))]));
  const rates = new Map(served.map((s) => [s.index, s.kind === 'group' ? 1 : smallest.get(s.index)!]));
  return {
    resource: 'rooms',
    members,
    label,
    rate: (service, remote) => (remote && service.telehealth !== 'never' ? 0 : rates.get(service.index) ?? 0),
    // Whole sections (./bound-forced.ts): each meeting at a slot holds a room of its own.
    seats: (service) => (service.telehealth === 'never' ? smallest.get(service.index) ?? 0 : 0),
    supply: (slots) => {
      let total = 0;
      for (const [room, size] of seats) {
        const open = problem.rooms[room]!.available.clone();
        open.intersectWith(slots);
        total += open.size() * SLOT_MINUTES * size;
      }
      return total;
    },
  };
}

function staffPool(problem: CompiledProblem, members: readonly number[], label: string): Pool {
  const inPool = new Set(members);
  const rates = new Map<number, number>();
  const seatCounts = new Map<number, number>();
  for (const service of problem.services) {
    const seats = service.seats.filter((seat) => seat.eligibleStaff.length > 0 && seat.eligibleStaff.every((m) => inPool.has(m)));
    const count = seats.reduce((sum, seat) => sum + seat.count, 0);
    if (count > 0) rates.set(service.index, count / groupSize(problem, service));
    if (count > 0) seatCounts.set(service.index, count);
  }
  return {
    resource: 'staff',
    members,
    label,
    rate: (service) => rates.get(service.index) ?? 0,
    seats: (service) => seatCounts.get(service.index) ?? 0,
    supply: (slots) => {
      let total = 0;
      const elsewhere = invert(slots);
      for (const member of members) {
        const staff = problem.staff[member]!;
        const byDay = outsideByDay(staff.available, elsewhere);
        const daily = byDay.reduce((sum, minutes) => sum + Math.min(minutes, staff.maxDailyMinutes), 0);
        total += Math.min(daily, staff.maxWeeklyMinutes);
      }
      return total;
    },
  };
}

function invert(set: SlotSet): SlotSet {
  const result = SlotSet.full();
  result.removeAll(set);
  return result;
}

/**
 * Every pool a cut is tried on: the eligible rooms of each service, the eligible staff of each
 * seat, every room and all staff (each set once).
 *
 * @example
 * ```ts
 * for (const pool of pools(problem)) console.log(pool.label, pool.supply(SlotSet.full()));
 * ```
 */
export function pools(problem: CompiledProblem): Pool[] {
  const result: Pool[] = [];
  const seen = new Set<string>();
  const add = (resource: 'rooms' | 'staff', members: readonly number[], label: string): void => {
    const sorted = [...new Set(members)].sort((a, b) => a - b);
    const key = `${resource}:${sorted.join(',')}`;
    if (sorted.length === 0 || seen.has(key)) return;
    seen.add(key);
    result.push(resource === 'rooms' ? roomPool(problem, sorted, label) : staffPool(problem, sorted, label));
  };
  for (const service of problem.services) {
    add('rooms', service.eligibleRooms, `rooms for ${service.id}`);
    for (const seat of service.seats) add('staff', seat.eligibleStaff, `staff with ${[...seat.credentials].sort().join('/')}`);
  }
  add('rooms', problem.rooms.map((r) => r.index), 'every room');
  add('staff', problem.staff.map((s) => s.index), 'all staff');
  return result;
}
