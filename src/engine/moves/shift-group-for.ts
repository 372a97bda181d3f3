/** The move `shift-group-for` of the neighbourhood (./index.ts holds its weight and why). */
import { equip, tryReplace } from '../kernel/engine.js';
import { patientFits, shortPatient, trackMeetings } from '../kernel/needs.js';
import { windowStarts } from '../kernel/slots.js';
import type { Move } from './move.js';
import { meetingWith } from '../../compiled/meetings.js';

/**
 * A group of the short patient's track moves, roster and all, to a time the patient can attend
 * too, and the patient joins it (two steps that blind moves rarely chain: the move alone gains nothing).
 */
export const shiftGroupFor: Move = (engine) => {
  const problem = engine.problem;
  const p = shortPatient(engine);
  if (p < 0) return false;
  const track = engine.random.pick(problem.patients[p]!.tracks);
  if (track === undefined) return false;
  const index = engine.random.pick(trackMeetings(engine, track).filter((i) => !engine.state.meetings[i]!.pinned && !engine.state.meetings[i]!.patients.includes(p)));
  if (index === undefined) return false;
  const m = engine.state.meetings[index]!;
  const duration = m.end - m.start;
  const day = engine.random.next() < 0.6 ? m.day : engine.random.int(7);
  const times = windowStarts(problem, problem.tracks[track]!, day, duration, m.service).filter((start) => start !== m.start || day !== m.day);
  for (const start of engine.random.shuffle(times).slice(0, 4)) {
    const next = meetingWith(m, { day, start, end: start + duration, patients: [...m.patients, p] });
    if (!patientFits(engine, next, p, -1)) continue;
    if (tryReplace(engine, index, next)) return true;
    const equipped = equip(engine, next, index, true, false);
    if (equipped !== null && tryReplace(engine, index, equipped)) return true;
  }
  return false;
};
