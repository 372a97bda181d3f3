/** The move `drop-day` of the neighbourhood (./index.ts holds its weight and why). */
import { canLeave, removePatient } from '../kernel/engine.js';
import { randomPatient } from './choose.js';
import type { Move } from './move.js';

/** A patient's whole day is dropped (per-day thresholds, maximum days). */
export const dropDay: Move = (engine) => {
  const p = randomPatient(engine);
  const mine = engine.state.patientMeetings[p]!;
  const pick = engine.random.pick(mine);
  if (pick === undefined) return false;
  const day = engine.state.meetings[pick]!.day;
  for (const index of mine.filter((i) => engine.state.meetings[i]!.day === day)) {
    if (!canLeave(engine, index)) return false;
    removePatient(engine, index, p);
  }
  return true;
};
