/** The move `split-off-group` of the neighbourhood (./index.ts holds its weight and why). */
import { canLeave, groupsHeld, removePatient } from '../kernel/engine.js';
import { shortPatient } from '../kernel/needs.js';
import { openGroupOn } from './new-group.js';
import type { Move } from './move.js';

/**
 * A patient leaves one of their groups and a new group of the same service opens for them at
 * another time: the session is kept, but the time it held is freed. Alone it gains nothing, so
 * blind moves never chain it; it is the first step of many coordinated changes (a patient's only
 * free evening taken by a session that could be held on another day, where nobody else can come).
 */
export const splitOffGroup: Move = (engine) => {
  const p = engine.random.next() < 0.7 ? shortPatient(engine) : engine.random.int(engine.problem.patients.length);
  if (p < 0) return false;
  const mine = engine.state.patientMeetings[p]!.filter((i) => {
    const m = engine.state.meetings[i]!;
    return engine.problem.services[m.service]!.kind === 'group' && m.patients.length > 1 && canLeave(engine, i);
  });
  const index = engine.random.pick(mine);
  if (index === undefined) return false;
  const service = engine.state.meetings[index]!.service;
  removePatient(engine, index, p);
  return openGroupOn(engine, p, -1, service) && groupsHeld(engine, [index]);
};
