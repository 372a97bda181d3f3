/** The move `move-patient` of the neighbourhood (./index.ts holds its weight and why). */
import { canLeave, removePatient } from '../kernel/engine.js';
import { isGroup, join, randomMeeting } from './choose.js';
import type { Move } from './move.js';

/** A patient moves from one group to another (often a parallel section or another time). */
export const movePatient: Move = (engine) => {
  const from = randomMeeting(engine, (m) => isGroup(engine, m));
  if (from < 0 || !canLeave(engine, from)) return false;
  const source = engine.state.meetings[from]!;
  const p = engine.random.pick(source.patients)!;
  const tracks = engine.problem.patients[p]!.tracks;
  const sameTime = engine.random.next() < 0.5;
  const to = randomMeeting(engine, (m) => isGroup(engine, m) && (m.track < 0 || tracks.includes(m.track)) && !m.patients.includes(p) && (!sameTime || (m.day === source.day && m.start === source.start)));
  if (to < 0 || to === from) return false;
  removePatient(engine, from, p);
  return join(engine, to, p);
};
