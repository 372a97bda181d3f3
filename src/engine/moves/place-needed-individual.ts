/** The move `place-needed-individual` of the neighbourhood (./index.ts holds its weight and why). */
import { individualNeeds, placeIndividual } from '../construct/individuals.js';
import { placeIndividualBySwitchedHandOver } from '../chains/handover.js';
import { placeByEjection } from '../construct/ejection.js';
import { shortPatient } from '../kernel/needs.js';
import { placeIndividualByChain, placeIndividualInPlaceOf } from '../chains/restaff.js';
import type { Move } from './move.js';

/**
 * The short patient's missing individual session is placed: at a free time, else in the place
 * of another patient's session that moves elsewhere, or in hours a clinician frees by handing a
 * group to a colleague (chains of these build up over the search's sideways steps), or, leaving
 * a group of theirs, in the very place of another patient's session, which moves to a free hour
 * of its patient or into a group hour they leave; or, last, in the hour of a group that changes
 * service for a colleague who may lead only the other one (../chains/handover.ts).
 */
export const placeNeededIndividual: Move = (engine) => {
  const p = shortPatient(engine);
  if (p < 0) return false;
  const needs = individualNeeds(engine, p);
  const pick = engine.random.pick(needs);
  if (!pick) return false;
  return (
    placeIndividual(engine, p, pick[0], true) >= 0 ||
    placeByEjection(engine, p, pick[0], true).placed ||
    placeIndividualByChain(engine, p, pick[0], true, true) ||
    placeIndividualInPlaceOf(engine, p, pick[0], true) ||
    placeIndividualBySwitchedHandOver(engine, p, pick[0])
  );
};
