/**
 * Retiming an individual session in a staff chain's way: a clinician busy with one patient's
 * session at the hour a chain needs them is freed by moving that session to another hour of the
 * same day at which the clinician, the patient and a room are free.
 *
 * Why: the staff chains (./restaff.ts) only hand seats from one clinician to another at a fixed
 * time. In an over-full week the search's neutral steps keep moving individual sessions between
 * a clinician's hours, and a session that sits at the one hour a chain needs (the hour a
 * counsellor's group could go to the therapist) closes the chain until another step happens to
 * move it back. Moving it as the chain's last link keeps the chain open from every such timetable.
 */
import type { PlacedMeeting } from '../../rules/types.js';
import { SLOT_MINUTES, SLOTS_PER_DAY } from '../../time/week.js';
import { chooseRoom, staffDayMinutesWith, staffFree, staffWeekMinutesWith, type Engine } from '../kernel/engine.js';
import { overlaps, patientBlocker } from '../kernel/feasible.js';
import { sessionTimes } from '../construct/individuals.js';
import { meetingSlots } from '../kernel/meeting-slots.js';
import { meetingWith } from '../../compiled/meetings.js';

/**
 * Where the session at `index`, held by staff member `s` and in the way of `slot` (which `s` is to
 * take, in place of meeting `replacing`), may move on its day so that `s` is free for `slot`: the
 * moved session, or `null` when it cannot move or `s` would still not be free. Reads the timetable
 * and changes nothing; the caller applies the move with every hard rule checked.
 *
 * @example
 * ```ts
 * const moved = retimedOutOfTheWay(engine, clinician, section, -1, sessionIndex, true);
 * if (moved) tryReplace(engine, sessionIndex, moved);
 * ```
 */
export function retimedOutOfTheWay(engine: Engine, s: number, slot: PlacedMeeting, replacing: number, index: number, shuffle: boolean): PlacedMeeting | null {
  const { problem, state } = engine;
  const session = state.meetings[index]!;
  const service = problem.services[session.service]!;
  if (session.pinned || service.kind !== 'individual' || session.staff.length !== 1 || session.patients.length !== 1 || session.day !== slot.day) return null;
  // The session stays on its day: the clinician's minutes that day and week are the slot's on top of what they lead now.
  const member = problem.staff[s]!;
  if (staffDayMinutesWith(engine, s, slot, replacing) > member.maxDailyMinutes || staffWeekMinutesWith(engine, s, slot, replacing) > member.maxWeeklyMinutes) return null;
  const p = session.patients[0]!;
  const times = sessionTimes(problem.patients[p]!, service);
  const duration = session.end - session.start;
  // The hours the patient may come narrow the draw; each drawn hour gets the full patient check.
  const starts: number[] = [];
  for (let start = 0; start + duration <= 1440; start += problem.granularityMinutes) {
    if (start === session.start || overlaps(slot, session.day, start, start + duration)) continue;
    const from = session.day * SLOTS_PER_DAY + start / SLOT_MINUTES;
    if (times.containsRange(from, from + duration / SLOT_MINUTES)) starts.push(start);
  }
  if (shuffle) engine.random.shuffle(starts);
  for (const start of starts) {
    const moved: PlacedMeeting = meetingWith(session, { start, end: start + duration });
    const [from, to] = meetingSlots(moved);
    if (patientBlocker(state, engine.prepared, moved, p, index, from, to) !== null) continue;
    if (!staffFree(engine, s, moved, index, [])) continue;
    const place = chooseRoom(engine, moved, index, false);
    if (place) return meetingWith(moved, { room: place.room, telehealth: place.telehealth });
  }
  return null;
}
