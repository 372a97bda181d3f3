/**
 * The cause of a shortfall that says nothing about the clinic: construction was cut by the time
 * limit before it came to the patient. Written for each such entry at no analysis cost, where a
 * placement analysis would spend the call's last milliseconds (124 ms for the patients a 400 ms
 * solve of 1,000 patients never reached) explaining a week that was never attempted.
 */
import type { Cause } from '../model/report.js';

/** The cause code of a requirement construction never tried to meet (the time limit cut it first). */
export const NOT_REACHED = 'not-reached';

/**
 * The cause of every unmet requirement of a patient construction never reached: what happened
 * and the repair (more time, or no abort when the caller's `signal` cut it).
 *
 * @example
 * ```ts
 * notReachedCause('p-07');
 * // { code: 'not-reached', message: 'The time limit ended construction before it came to patient p-07: ...' }
 * notReachedCause('p-07', true).message; // 'The call was aborted before ...'
 * ```
 */
export function notReachedCause(patient: string, aborted = false): Cause {
  const why = aborted ? 'The call was aborted' : 'The time limit ended construction';
  const repair = aborted ? 'A solve that is not aborted' : 'A larger timeLimitMs';
  return {
    code: NOT_REACHED,
    message: `${why} before it came to patient ${patient}: their sessions were never all tried. ${repair} lets solve() place them; nothing in the clinic is known to stand in the way.`,
  };
}
