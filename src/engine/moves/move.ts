/**
 * The one shape of a local-search move, and the clinic size from which the neighbourhood changes.
 */
import type { Engine } from '../kernel/engine.js';

/**
 * A local-search move: changes the state through the engine's checked primitives and returns
 * whether it produced a change that keeps every hard rule; the search then scores it and keeps
 * or undoes it. A move that fails half-way is undone by the search.
 *
 * @example
 * ```ts
 * const noop: Move = () => false; // nothing to change: the search draws again
 * ```
 */
export type Move = (engine: Engine) => boolean;

/**
 * Patients from which a clinic draws its moves by `largeWeight` (./index.ts) and change-staff hands no group seat up (./change-staff.ts): the over-full references of
 * 60 patients and more stall where the small ones (10-40) and the small tight puzzles of
 * test/engine/feasible.property.test.ts do not, and those pay for a neighbourhood tuned for them.
 */
export const LARGE_CLINIC = 50;
