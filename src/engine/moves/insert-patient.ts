/** The move `insert-patient` of the neighbourhood (./index.ts holds its weight and why). */
import { isGroup, join, randomMeeting, wantingPatient } from './choose.js';
import type { Move } from './move.js';

/** A patient joins a group of one of their tracks. */
export const insertPatient: Move = (engine) => {
  const p = wantingPatient(engine);
  const tracks = engine.problem.patients[p]!.tracks;
  const index = randomMeeting(engine, (m) => isGroup(engine, m) && (m.track < 0 || tracks.includes(m.track)) && !m.patients.includes(p));
  return index >= 0 && join(engine, index, p);
};
