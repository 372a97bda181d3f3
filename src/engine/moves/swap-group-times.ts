/** The move `swap-group-times` of the neighbourhood (./index.ts holds its weight and why). */
import { equip, tryAdd } from '../kernel/engine.js';
import { enter, patientFits, shortPatient, trackMeetings } from '../kernel/needs.js';
import type { Move } from './move.js';
import { meetingWith } from '../../compiled/meetings.js';

/**
 * Two groups of the short patient's track on one day trade places in their block (the later
 * one starts where the earlier one started, the earlier one ends where the later one ended),
 * then the patient joins one they can now attend: a reordering no single-meeting move reaches
 * when the two share a room, staff or patients.
 */
export const swapGroupTimes: Move = (engine) => {
  const p = shortPatient(engine);
  if (p < 0) return false;
  const track = engine.random.pick(engine.problem.patients[p]!.tracks);
  if (track === undefined) return false;
  const meetings = trackMeetings(engine, track).filter((i) => !engine.state.meetings[i]!.pinned);
  const a = engine.random.pick(meetings);
  if (a === undefined) return false;
  const ma = engine.state.meetings[a]!;
  const b = engine.random.pick(meetings.filter((i) => i !== a && engine.state.meetings[i]!.day === ma.day && engine.state.meetings[i]!.start !== ma.start));
  if (b === undefined) return false;
  const mb = engine.state.meetings[b]!;
  const [early, late] = ma.start < mb.start ? [ma, mb] : [mb, ma];
  const movedLate = meetingWith(late, { start: early.start, end: early.start + (late.end - late.start) });
  const movedEarly = meetingWith(early, { start: late.end - (early.end - early.start), end: late.end });
  engine.state.remove(a);
  engine.state.remove(b);
  const placed: number[] = [];
  for (const m of [movedLate, movedEarly]) {
    let index = tryAdd(engine, m);
    if (index < 0) {
      const equipped = equip(engine, m, -1, true, false);
      index = equipped === null ? -1 : tryAdd(engine, equipped);
    }
    if (index < 0) return false;
    placed.push(index);
  }
  for (const index of engine.random.shuffle(placed)) {
    const m = engine.state.meetings[index]!;
    if (!m.patients.includes(p) && patientFits(engine, m, p, -1) && enter(engine, index, p)) break;
  }
  return true;
};
