/** The move `rebuild-window` of the neighbourhood (./index.ts holds its weight and why). */
import type { Engine } from '../kernel/engine.js';
import { fillSlot } from '../construct/seating.js';
import { individualNeeds, placeIndividual } from '../construct/individuals.js';
import { resectionAt } from '../chains/resection.js';
import { membersOf, shortfall, shortPatient } from '../kernel/needs.js';
import type { GroupSlot } from '../kernel/slots.js';
import { isGroup } from './choose.js';
import { sectionSeats } from '../kernel/availability.js';
import type { Move } from './move.js';
import { slotsOf } from './rebuild-track-day.js';

/**
 * Ruin and recreate one track's day, groups and individual sessions together, then re-seat each
 * of its times exactly. An over-full week stalls where several times of a day need their mix of
 * services changed at once (a process hour turned into skills, the individual session its
 * clinician gave moved to another hour): each such change loses alone, so no one-time step, the
 * exact re-seating of ./resection-time.ts included, takes it. Here the whole day is rebuilt by
 * construction's own placement (short patients seated first), the day's missing individual
 * sessions are placed again, and every time of the day is then re-seated exactly, so the
 * acceptance judges a polished day rather than a raw rebuild; a day that comes out with more
 * shortfall is undone here.
 */
export const rebuildWindow: Move = (engine) => {
  const before = engine.state.score().requirement;
  if (before === 0) return false;
  const picked = pickDay(engine);
  if (!picked) return false;
  const { track, day, slots } = picked;
  const members = membersOf(engine, track);
  ruinDay(engine, track, day, members);
  // Short patients first, each group in a random order: the seats go to who needs them.
  const order = engine.random.shuffle([...members]);
  const short = order.filter((p) => shortfall(engine, p) > 0);
  const rest = order.filter((p) => shortfall(engine, p) === 0);
  const seated = [...short, ...rest];
  for (const slot of slots) fillSlot(engine, slot, seated.slice(0, 2 * seatsAt(engine, slot)));
  for (const p of engine.random.shuffle([...members])) {
    for (const [s, missing] of individualNeeds(engine, p)) {
      for (let i = 0; i < missing; i++) if (placeIndividual(engine, p, s, true, undefined, [day]) < 0) break;
    }
  }
  for (const slot of engine.random.shuffle([...slots])) resectionAt(engine, slot);
  // Offered only when the total shortfall did not rise: a rebuilt day that loses, kept on the
  // late acceptance's credit, is a large step away from what was gained, and in a large clinic
  // such steps cost more than they find (bench/bound.ts, 1,000 patients at tightness 1.0,
  // 20,000 iterations, seeds 1-4: 3,739 served when they were offered, 3,764 when not, 3,771
  // before the move).
  engine.state.rescore();
  return engine.state.score().requirement <= before;
};

/**
 * Seats the slot's services could offer at most: every room one of them may use, at its size
 * capped by the service's section size. Construction seats a whole track at every slot; here the
 * patients beyond twice this number would only try the full sections one by one.
 */
function seatsAt(engine: Engine, slot: GroupSlot): number {
  const { problem } = engine;
  const seats = new Map<number, number>();
  for (const s of slot.services) {
    for (const r of problem.services[s]!.eligibleRooms) {
      seats.set(r, Math.max(seats.get(r) ?? 0, sectionSeats(engine, s, r)));
    }
  }
  let total = 0;
  for (const n of seats.values()) total += n;
  return total;
}

/** A track and day a short patient attends or could (else any), with the track's group slots that day. */
function pickDay(engine: Engine): { track: number; day: number; slots: GroupSlot[] } | null {
  const { problem, random } = engine;
  const p = shortPatient(engine);
  const track = p >= 0 ? random.pick(problem.patients[p]!.tracks) : random.int(problem.tracks.length);
  if (track === undefined || track >= problem.tracks.length) return null;
  const pick = random.pick(slotsOf(engine, track));
  if (!pick) return null;
  const slots = slotsOf(engine, track).filter((slot) => slot.day === pick.day);
  return { track, day: pick.day, slots };
}

/** Takes apart the track's unpinned groups that day and its members' unpinned individual sessions that day. */
function ruinDay(engine: Engine, track: number, day: number, members: readonly number[]): void {
  const state = engine.state;
  const doomed = new Set<number>();
  for (const p of members) {
    for (const index of state.patientMeetings[p]!) {
      const m = state.meetings[index]!;
      if (m.day !== day || m.pinned) continue;
      if (isGroup(engine, m) ? m.track === track : m.patients.length === 1) doomed.add(index);
    }
  }
  for (const index of [...doomed].sort((a, b) => a - b)) state.remove(index);
}
