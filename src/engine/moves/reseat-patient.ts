/** The move `reseat-patient` of the neighbourhood (./index.ts holds its weight and why). */
import { reseatPatient } from '../chains/reseat.js';
import { shortPatient } from '../kernel/needs.js';
import type { Move } from './move.js';

/**
 * A short patient's group seats across the week are chosen again exactly, half the time with
 * their individual sessions lifted and placed again around them (../chains/reseat.ts).
 */
export const reseatShortPatient: Move = (engine) => {
  const p = shortPatient(engine);
  return p >= 0 && reseatPatient(engine, p, engine.random.next() < 0.5);
};
