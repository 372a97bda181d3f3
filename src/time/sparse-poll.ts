import type { Budget } from './budget.js';

/**
 * `budget.spent()` for a loop of steps whose cost varies from a fraction of a microsecond to a
 * pass over the clinic: the clock is read every step while steps are slow, and once every
 * `maxStride` steps at most while they are fast. Polling every step cost a third of the cause
 * analysis of a 50,000-patient week (2.7 s of 8.4 s in clock reads); polling every 8 let 8
 * slow steps run 540 ms past a deadline. The stride doubles after a poll that came under
 * `fastMs` after the one before and falls back to 1 after a slower one, so a run of slow steps
 * after fast ones overshoots by at most `maxStride` steps, once.
 *
 * @example
 * ```ts
 * const stop = sparsePoll(budget);
 * for (const placement of placements) {
 *   if (stop()) return undefined;
 *   tally(placement);
 * }
 * ```
 */
export function sparsePoll(budget: Pick<Budget, 'spent' | 'now'>, maxStride = 16, fastMs = 1): () => boolean {
  let stride = 1;
  let countdown = 1;
  let polledAt = budget.now();
  return () => {
    if (--countdown > 0) return false;
    if (budget.spent()) {
      countdown = 1;
      return true;
    }
    const now = budget.now();
    stride = now - polledAt < fastMs ? Math.min(maxStride, stride * 2) : 1;
    polledAt = now;
    countdown = stride;
    return false;
  };
}
