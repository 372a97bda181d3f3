/** The move `open-group-for` of the neighbourhood (./index.ts holds its weight and why). */
import { shortPatient } from '../kernel/needs.js';
import { openGroupOn } from './new-group.js';
import type { Move } from './move.js';

/**
 * A new group for the short patient at a time of their track they can attend, with the track's
 * other patients who can come too (short ones first; a patient may leave a larger group for it).
 */
export const openGroupFor: Move = (engine) => openGroupOn(engine, shortPatient(engine), -1);
