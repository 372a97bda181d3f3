/**
 * Completing ejection chains. Many improvements take two steps, the first of which loses: a
 * patient gives up a fixed-size group to a peer who needs it more, and only then joins another
 * group that brings their week back to its exact hours. Late acceptance rarely keeps the losing
 * first step long enough for the second to be drawn. So when a move leaves patients shorter than
 * they were, each of them is first offered a place right away (a group of their track they can
 * join, an individual session they miss), and the search judges the compound move.
 */
import { individualNeeds, placeIndividual } from '../construct/individuals.js';
import type { Engine } from '../kernel/engine.js';
import { enter, patientFits, shortfall, trackMeetings } from '../kernel/needs.js';

/** Groups tried per patient: enough to find a free seat, few enough to stay cheap. */
const TRIES = 6;

/** Offers each of `patients` who is short a group seat or a missing individual session. */
export function completeChain(engine: Engine, patients: readonly number[]): void {
  for (const p of patients) {
    engine.state.rescore();
    if (shortfall(engine, p) === 0) continue;
    for (const [s, missing] of individualNeeds(engine, p)) {
      for (let k = 0; k < missing; k++) if (placeIndividual(engine, p, s, true) < 0) break;
    }
    engine.state.rescore();
    if (shortfall(engine, p) === 0) continue;
    const track = engine.random.pick(engine.problem.patients[p]!.tracks);
    if (track === undefined) continue;
    let tried = 0;
    for (const index of engine.random.shuffle(trackMeetings(engine, track))) {
      const m = engine.state.meetings[index];
      if (!m || m.pinned || m.patients.includes(p) || !patientFits(engine, m, p, -1)) continue;
      if (enter(engine, index, p)) {
        engine.state.rescore();
        if (shortfall(engine, p) === 0) break;
      }
      if (++tried >= TRIES) break;
    }
  }
}
