/**
 * What the triage moves ask of a patient: whether the score counts whole patients (rule
 * `patients-short` on: `SolveOptions.triage: 'whole-patients'`), and each short patient's place in
 * the queue: higher priority first (their triage weight), then the nearest to fully served.
 */
import { PATIENTS_SHORT, triageWeights } from '../../rules/patients-short.js';
import type { Engine } from '../kernel/engine.js';
import { shortfall, shortPatient } from '../kernel/needs.js';

const triageIndexes = new WeakMap<object, number>();

/**
 * Whether the board scores whole patients (rule `patients-short` present and not weighted 0).
 *
 * @example
 * ```ts
 * if (!triageOn(engine)) return false; // under 'spread' a triage move has nothing to do
 * ```
 */
export function triageOn(engine: Engine): boolean {
  const board = engine.state.board;
  let index = triageIndexes.get(board);
  if (index === undefined) {
    index = board.rules.findIndex((rule) => rule.code === PATIENTS_SHORT);
    triageIndexes.set(board, index);
  }
  return index >= 0 && board.weights[index] !== 0;
}

/**
 * Patient `p`'s triage weight (its priority's place; higher is served first).
 *
 * @example
 * ```ts
 * const urgentFirst = triageWeight(engine, a) > triageWeight(engine, b);
 * ```
 */
export function triageWeight(engine: Engine, p: number): number {
  return triageWeights(engine.problem).weight[p]!;
}

/**
 * Minute-equivalents `p` is short by, without the triage weight (0 when fully served); needs a
 * scored state (`state.mark()` scores it).
 *
 * @example
 * ```ts
 * engine.state.mark();
 * if (minutesShortOf(engine, p) === 0) return true; // served
 * ```
 */
export function minutesShortOf(engine: Engine, p: number): number {
  const total = shortfall(engine, p);
  return total > 0 && triageOn(engine) ? total - triageWeight(engine, p) : total;
}

/**
 * Whether `a` comes before `b` in the triage queue: higher priority, then nearer to fully served.
 *
 * @example
 * ```ts
 * const mayTakeSeat = shortfall(engine, q) > 0 && servedBefore(engine, p, q);
 * ```
 */
export function servedBefore(engine: Engine, a: number, b: number): boolean {
  const wa = triageWeight(engine, a);
  const wb = triageWeight(engine, b);
  if (wa !== wb) return wa > wb;
  return minutesShortOf(engine, a) < minutesShortOf(engine, b);
}

/**
 * Of a few short patients drawn at random, the first in the triage queue (`first`) or the last
 * (`!first`); -1 when nobody is short. A few draws, not the whole list: in a large clinic the
 * queue's head is not worth a scan per move, and the draws keep the search from trying the same
 * patient forever.
 *
 * @example
 * ```ts
 * const p = queuedPatient(engine, true); // to serve
 * const q = queuedPatient(engine, false, 2); // to give up a session
 * ```
 */
export function queuedPatient(engine: Engine, first: boolean, draws = 4): number {
  let pick = -1;
  for (let k = 0; k < draws; k++) {
    const p = shortPatient(engine);
    if (p < 0) return pick;
    if (pick < 0 || (first ? servedBefore(engine, p, pick) : servedBefore(engine, pick, p))) pick = p;
  }
  return pick;
}
