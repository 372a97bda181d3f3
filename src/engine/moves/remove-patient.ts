/** The move `remove-patient` of the neighbourhood (./index.ts holds its weight and why). */
import { canLeave, removePatient } from '../kernel/engine.js';
import { randomMeeting } from './choose.js';
import type { Move } from './move.js';

/** A patient leaves one of their sessions. */
export const removeFromMeeting: Move = (engine) => {
  const index = randomMeeting(engine);
  if (index < 0) return false;
  const m = engine.state.meetings[index]!;
  const p = engine.random.pick(m.patients)!;
  if (!canLeave(engine, index)) return false;
  removePatient(engine, index, p);
  return true;
};
