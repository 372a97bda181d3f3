/**
 * The running cost of one problem's availabilities (./expansion.ts checks it against the
 * limits); its own module so that the validation context can hold one without importing the
 * checks, which import the context.
 */

/**
 * The running total of one problem's availabilities, kept on its validation `Context`.
 *
 * @example
 * ```ts
 * const tally = new ExpansionTally();
 * tally.weekStartDay = 20_780; // 2026-11-23
 * ```
 */
export class ExpansionTally {
  /** The problem's week (days since 1970-01-01), once read; the cost of old DTSTARTs depends on it. */
  weekStartDay: number | undefined;
  /** Windows, exceptions, entries and distinct rule costs counted so far. */
  units = 0;
  /** Whether the problem total has been reported (once is enough). */
  reported = false;
  /** Rule texts already counted: the expander caches by text, so a shared rule costs once. */
  readonly texts: Set<string> = new Set();
}
