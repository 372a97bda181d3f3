/** The move `open-group-by-chain` of the neighbourhood (./index.ts holds its weight and why). */
import { equipByChain } from '../chains/chained-leader.js';
import { shortPatient } from '../kernel/needs.js';
import { openGroupOn } from './new-group.js';
import type { Move } from './move.js';

/**
 * `open-group-for` when nobody is free to lead the new group: its leader is freed by a staff
 * chain (an individual session moved to another hour of its day, a group handed to a colleague).
 * In a tight evening every clinician is busy at the hours a short patient can come, so the plain
 * move finds a room and the patients but no leader.
 */
export const openGroupByChain: Move = (engine) => openGroupOn(engine, shortPatient(engine), -1, -1, equipByChain);
