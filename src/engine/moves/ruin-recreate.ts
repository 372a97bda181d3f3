/** The move `ruin-recreate` of the neighbourhood (./index.ts holds its weight and why). */
import { canLeave, removePatient } from '../kernel/engine.js';
import { individualNeeds, placeIndividual } from '../construct/individuals.js';
import { isGroup, join, randomPatient, wantingPatient } from './choose.js';
import type { Move } from './move.js';

/** Ruin and recreate one patient's week (or one day of it): leave what they may, then rejoin greedily. */
export const ruinPatient: Move = (engine) => {
  const p = engine.random.next() < 0.5 ? wantingPatient(engine) : randomPatient(engine);
  const onlyDay = engine.random.next() < 0.5 ? engine.random.int(7) : -1;
  for (const index of [...engine.state.patientMeetings[p]!]) {
    const m = engine.state.meetings[index]!;
    if ((onlyDay < 0 || m.day === onlyDay) && canLeave(engine, index)) removePatient(engine, index, p);
  }
  const tracks = engine.problem.patients[p]!.tracks;
  const live = engine.state.liveMeetings().filter((i) => {
    const m = engine.state.meetings[i]!;
    return isGroup(engine, m) && tracks.includes(m.track) && (onlyDay < 0 || m.day === onlyDay);
  });
  const offset = engine.random.int(Math.max(1, live.length));
  for (let k = 0; k < live.length; k++) {
    const index = live[(offset + k) % live.length]!;
    if (engine.state.meetings[index]) join(engine, index, p);
  }
  for (const [s, missing] of individualNeeds(engine, p)) {
    for (let i = 0; i < missing; i++) if (placeIndividual(engine, p, s, true) < 0) break;
  }
  return true;
};
