/**
 * A new group's leader when nobody is simply free to lead it. In a tight evening the clinicians
 * who may lead a process or skills group are, at the hour a short patient could take one, either
 * busy, or idle with their week's hours spent elsewhere (1,000 patients, tightness 1.0, seed 2:
 * of 109 such hours of short evening patients, 43 had a room and an idle clinician without
 * hours, 21 an idle clinician with hours). An idle one gets an hour back by handing one of their
 * meetings at another time to a colleague free then; a busy one through a staff chain
 * (./restaff.ts: hand-overs, or the session in the way moved to another hour, ./retime.ts).
 */
import type { PlacedMeeting } from '../../rules/types.js';
import { chooseRoom, chooseStaff, staffFree, tryReplace, type Engine } from '../kernel/engine.js';
import { overlaps } from '../kernel/feasible.js';
import { meetingSlots } from '../kernel/state.js';
import { freeStaffByChain } from './restaff.js';

/** Idle clinicians without hours tried per call, and meetings of each offered to a colleague. */
const IDLE_TRIED = 4;
const HANDED_TRIED = 4;

/**
 * Group `m` (not in the timetable, one leader seat) with a free room and a leader freed for it,
 * the changes that free them applied; `null` when there is none (the changes are then undone).
 * The caller adds the group, or rolls back.
 *
 * @example
 * ```ts
 * const equipped = equip(engine, group, -1, false, true) ?? equipByChain(engine, group);
 * if (equipped) tryAdd(engine, equipped);
 * ```
 */
export function equipByChain(engine: Engine, m: PlacedMeeting): PlacedMeeting | null {
  if (engine.prepared.seatOfPosition[m.service]!.length !== 1) return null;
  const place = chooseRoom(engine, m, -1, true);
  if (!place) return null;
  const open: PlacedMeeting = { ...m, room: place.room, telehealth: place.telehealth, staff: [-1] };
  const leader = relievedLeader(engine, open);
  if (leader >= 0) return { ...open, staff: [leader] };
  const chained = freeStaffByChain(engine, open, 0, true, true);
  return chained < 0 ? null : { ...open, staff: [chained] };
}

/**
 * A clinician who may lead `m`, on shift and holding nothing then but short of hours that day or
 * week, freed by handing one of their meetings at another time to a colleague free for it (the
 * others of its seats kept). Returns the leader, or -1 with the timetable unchanged.
 */
function relievedLeader(engine: Engine, m: PlacedMeeting): number {
  const { problem, state, random } = engine;
  const [from, to] = meetingSlots(m);
  const seat = problem.services[m.service]!.seats[engine.prepared.seatOfPosition[m.service]![0]!]!;
  let tried = 0;
  for (const s of random.shuffle([...seat.eligibleStaff])) {
    if (tried >= IDLE_TRIED) break;
    if (!problem.staff[s]!.available.containsRange(from, to)) continue;
    if (state.staffMeetings[s]!.some((index) => overlaps(state.meetings[index]!, m.day, m.start, m.end))) continue;
    tried += 1;
    const mine = random.shuffle(state.staffMeetings[s]!.filter((index) => !state.meetings[index]!.pinned));
    for (const index of mine.slice(0, HANDED_TRIED)) {
      const other = state.meetings[index]!;
      const handed = chooseStaff(engine, { ...other, staff: other.staff.map((x) => (x === s ? -1 : x)) }, index, true, true, s);
      if (!handed) continue;
      const mark = state.mark();
      if (tryReplace(engine, index, { ...other, staff: handed }) && staffFree(engine, s, m, -1, [])) return s;
      state.rollback(mark);
    }
  }
  return -1;
}
