/**
 * The search's acceptance: late acceptance hill climbing on the lexicographic score (hard, then
 * requirement shortfall, then soft). A change is kept when it is no worse than the current
 * timetable, or no worse than the current timetable of `length` iterations ago.
 *
 * Every iteration ages the history, a draw whose move found nothing to change included. When
 * only the changes the search scored wrote to it, the history reached back over many more
 * iterations than its length wherever most draws fail (a large tight clinic, where the moves
 * aimed at short patients often find no seat), and late acceptance kept losing steps whose credit
 * came from timetables thousands of iterations old: a random walk away from the best. Generated
 * clinics (bench/generate.ts, 13 instances of 120-500 patients at tightness 1.0-1.3 x seeds 1-2,
 * 10,000 iterations): 6,123 patients served against 5,830, 21 runs better and none worse.
 */
import type { Score } from '../model/report.js';

/**
 * Whether score `a` is strictly better than `b` (hard first, then requirement, then soft).
 *
 * @example
 * ```ts
 * better({ hard: 0, requirement: 60, soft: 9 }, { hard: 0, requirement: 120, soft: 0 }); // true
 * ```
 */
export function better(a: Score, b: Score): boolean {
  if (a.hard !== b.hard) return a.hard < b.hard;
  if (a.requirement !== b.requirement) return a.requirement < b.requirement;
  return a.soft < b.soft - 1e-9;
}

/**
 * Whether score `a` is no worse than `b`.
 *
 * @example
 * ```ts
 * noWorse({ hard: 0, requirement: 60, soft: 9 }, { hard: 0, requirement: 60, soft: 9 }); // true
 * ```
 */
export function noWorse(a: Score, b: Score): boolean {
  return !better(b, a);
}

/**
 * The late acceptance history: the current score of each of the last `length` iterations.
 *
 * @example
 * ```ts
 * const acceptance = new LateAcceptance(400, state.score());
 * if (acceptance.allows(candidate, current, iteration, () => true)) current = candidate;
 * acceptance.record(iteration, current); // every iteration, whatever the move did
 * ```
 */
export class LateAcceptance {
  private readonly history: Score[];

  constructor(
    readonly length: number,
    start: Score,
  ) {
    this.history = Array.from({ length }, () => start);
  }

  /**
   * Whether `candidate` may replace `current` at `iteration`: when no worse than it, or, when
   * `escape()` says a losing step may be kept, no worse than the score `length` iterations back.
   */
  allows(candidate: Score, current: Score, iteration: number, escape: () => boolean): boolean {
    return noWorse(candidate, current) || (noWorse(candidate, this.history[iteration % this.length]!) && escape());
  }

  /** Records the current score of `iteration` (call it once every iteration). */
  record(iteration: number, current: Score): void {
    this.history[iteration % this.length] = current;
  }

  /** Forgets the history: every entry becomes `current` (after a kick). */
  reset(current: Score): void {
    this.history.fill(current);
  }
}
