/** The move `individual` of the neighbourhood (./index.ts holds its weight and why). */
import { individualNeeds, placeIndividual } from '../construct/individuals.js';
import { isGroup, randomPatient, wantingPatient } from './choose.js';
import type { Move } from './move.js';

/** An individual session is placed for a patient who needs one, or an existing one moves. */
export const placeOrMoveIndividual: Move = (engine) => {
  const p = engine.random.next() < 0.5 ? wantingPatient(engine) : randomPatient(engine);
  const needs = individualNeeds(engine, p);
  const own = engine.state.patientMeetings[p]!.filter((i) => {
    const m = engine.state.meetings[i]!;
    return !isGroup(engine, m) && !m.pinned;
  });
  const index = engine.random.pick(own);
  if (needs.length > 0) {
    // Sometimes make room first: lift another session, place the missing one, put the other back.
    const lifted = index !== undefined && engine.random.next() < 0.5 ? engine.state.meetings[index]!.service : -1;
    if (lifted >= 0) engine.state.remove(index!);
    if (placeIndividual(engine, p, engine.random.pick(needs)![0], true) < 0) return false;
    return lifted < 0 || placeIndividual(engine, p, lifted, true) >= 0;
  }
  if (index === undefined) return false;
  const service = engine.state.meetings[index]!.service;
  engine.state.remove(index);
  return placeIndividual(engine, p, service, true) >= 0;
};
