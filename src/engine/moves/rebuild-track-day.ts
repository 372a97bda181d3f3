/** The move `rebuild-track-day` of the neighbourhood (./index.ts holds its weight and why). */
import type { Engine } from '../kernel/engine.js';
import { fillSlot } from '../construct/seating.js';
import { groupSlots, type GroupSlot } from '../kernel/slots.js';
import { isGroup } from './choose.js';
import type { Move } from './move.js';

const slotCache = new WeakMap<object, GroupSlot[][]>();

/**
 * The group slots of `track` (cached per compiled problem).
 *
 * @example
 * ```ts
 * const mondays = slotsOf(engine, track).filter((slot) => slot.day === 0);
 * ```
 */
export function slotsOf(engine: Engine, track: number): GroupSlot[] {
  let perTrack = slotCache.get(engine.problem);
  if (!perTrack) {
    perTrack = engine.problem.tracks.map((t) => groupSlots(engine.problem, t));
    slotCache.set(engine.problem, perTrack);
  }
  return perTrack[track] ?? [];
}

/**
 * Ruin and recreate one track-day: its group meetings are closed and the day's slots are filled
 * again, patients in a random order and services rotated differently.
 */
export const rebuildTrackDay: Move = (engine) => {
  const problem = engine.problem;
  const track = engine.random.int(problem.tracks.length);
  const slots = slotsOf(engine, track);
  const pick = engine.random.pick(slots);
  if (!pick) return false;
  const day = pick.day;
  for (const index of engine.state.liveMeetings()) {
    const m = engine.state.meetings[index]!;
    if (m.track === track && m.day === day && !m.pinned && isGroup(engine, m)) engine.state.remove(index);
  }
  const members = problem.patients.filter((p) => p.tracks.includes(track)).map((p) => p.index);
  engine.random.shuffle(members);
  const turn = engine.random.int(8);
  for (const slot of slots) {
    if (slot.day === day) fillSlot(engine, { ...slot, ordinal: slot.ordinal + turn }, members);
  }
  return true;
};
