/** The move `switch-service-by-chain` of the neighbourhood (./index.ts holds its weight and why). */
import { switchPartner } from '../chains/handover.js';
import { otherGroupServices } from '../chains/service-switch.js';
import { need, shortPatient } from '../kernel/needs.js';
import { sessionsOf } from '../kernel/tally.js';
import type { Move } from './move.js';

/**
 * A group the short patient attends becomes a service they still need, its leader freed by a
 * staff chain when nobody who may lead that service is free then (a counsellor who may lead only
 * psychoeducation takes over a colleague's psychoeducation group at the same hour, and the
 * colleague leads the switched group). A group of a service the patient has more of than asked
 * is taken first: its members lose a session they can spare. `switch-service` asks only who is
 * free, and in a tight week nobody is: every licensed hour of the evening is taken, and the
 * surplus groups are the counsellors'.
 */
export const switchServiceByChain: Move = (engine) => {
  const p = shortPatient(engine);
  if (p < 0) return false;
  const { problem, state, random } = engine;
  const want = engine.prepared.patients[p]!.wantSessions;
  const mine = state.patientMeetings[p]!.filter((i) => {
    const m = state.meetings[i]!;
    return !m.pinned && m.track >= 0 && m.staff.length === 1 && problem.services[m.service]!.kind === 'group';
  });
  const spare = mine.filter((i) => {
    const s = state.meetings[i]!.service;
    return sessionsOf(engine, p, s) > Math.max(0, want[s]!);
  });
  const index = random.pick(spare.length > 0 ? spare : mine);
  if (index === undefined) return false;
  const options = otherGroupServices(engine, state.meetings[index]!).filter(
    (s) => need(engine, p, want, s.index) > 0 && engine.prepared.seatOfPosition[s.index]!.length === 1,
  );
  const service = random.pick(options);
  return service !== undefined && switchPartner(engine, index, service.index);
};
