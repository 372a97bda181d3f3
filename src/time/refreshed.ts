/**
 * A value that is costly to compute and read often, computed again only when the one held is
 * older than `intervalMs` on `clock`. Progress during construction reads the score this way:
 * while construction defers the catalogue's rules, reading the score evaluates every patient
 * placed since the last read, and doing that for each 100 ms progress report added a third to
 * a 1,000-patient construction's CPU time (275 ms without `onProgress`, 374 ms with it).
 *
 * Two bounds more (`options`):
 * - `costShare`: the value is also held at least `1 / costShare` times as long as computing it
 *   last took, so refreshing never takes more than about that share of the time. In a cold
 *   process on a loaded machine one evaluation of a 1,000-patient week's deferred rules took a
 *   third of a second: refreshed every second, the progress reports were a quarter of the
 *   construction's CPU time.
 * - `initial`: answered until the first interval has passed, instead of computing at once.
 *   Construction's first report came at its start, and evaluated every rule of the empty week
 *   (a few tens of ms cold) only to evaluate them all again once the patients were placed.
 *
 * @example
 * ```ts
 * const score = refreshedEvery(budget, 1000, () => state.score());
 * budget.enter('construct', () => ({ bestScore: score(), iteration: 0 }));
 * const cheap = refreshedEvery(budget, 1000, () => state.score(), { costShare: 0.1, initial: NO_SCORE });
 * ```
 */
export function refreshedEvery<T>(clock: { now(): number }, intervalMs: number, compute: () => T, options: { costShare?: number; initial?: T } = {}): () => T {
  const { costShare, initial } = options;
  let computedAt = initial === undefined ? -Infinity : clock.now();
  let holdMs = intervalMs;
  let value: T | undefined = initial;
  return () => {
    const now = clock.now();
    if (value === undefined || now - computedAt >= holdMs) {
      value = compute();
      const after = clock.now();
      computedAt = after;
      holdMs = costShare !== undefined && costShare > 0 ? Math.max(intervalMs, (after - now) / costShare) : intervalMs;
    }
    return value;
  };
}
