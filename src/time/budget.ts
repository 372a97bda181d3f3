/**
 * `Budget`: the one deadline of a public call (`solve`, `replan`, `checkSchedule`, `explain`,
 * `diagnose`), made once when the call begins and passed to every phase, with the caller's abort
 * signal and progress sink (DESIGN section 11). Phases poll {@link Budget.spent} often (it costs a
 * clock read); a phase that may not be cut (validation, compilation) runs before the first poll.
 *
 * @module
 */
import type { Progress, ProgressPhase } from '../model/options.js';
import type { Score } from '../model/report.js';

/** What a phase reports beside its name: the best score so far and its iteration count. */
export interface ProgressStatus {
  bestScore: Score;
  iteration: number;
}

/** Something with an `aborted` flag: an `AbortSignal`, or the worker's view of a shared flag. */
export interface AbortFlag {
  readonly aborted: boolean;
}

/** How to make a {@link Budget}. */
export interface BudgetOptions {
  /** Milliseconds from now to the deadline; `Infinity` for none. Negative or NaN counts as 0. */
  timeLimitMs: number;
  signal?: AbortFlag | undefined;
  onProgress?: ((progress: Progress) => void) | undefined;
  /** The clock, in milliseconds (default `performance.now`); tests inject their own. */
  now?: (() => number) | undefined;
  /** Least time between two progress reports within a phase. Default {@link PROGRESS_EVERY_MS}. */
  progressEveryMs?: number;
}

/** Least milliseconds between two `onProgress` calls within one phase (a new phase reports at once). */
export const PROGRESS_EVERY_MS = 100;

const NO_SCORE: Score = { hard: 0, requirement: 0, soft: 0 };

/** The progress sink one call's budgets share, so slices do not report more often than the call. */
interface Sink {
  onProgress: ((progress: Progress) => void) | undefined;
  every: number;
  last: number;
  phase: ProgressPhase;
  status: () => ProgressStatus;
}

/**
 * A deadline, an abort flag and a progress sink. Cheap to poll; {@link Budget.slice} and
 * {@link Budget.reserve} give a phase a shorter deadline on the same signal and sink.
 *
 * @example
 * ```ts
 * const budget = new Budget({ timeLimitMs: 2000, signal: controller.signal, onProgress });
 * budget.enter('construct', () => ({ bestScore: state.score(), iteration: 0 }));
 * for (const slot of slots) {
 *   if (budget.spent()) break; // the deadline passed or the caller aborted
 *   fill(slot);
 * }
 * ```
 */
export class Budget {
  /** Clock reading when the call began. */
  readonly startedAt: number;
  /** Clock reading past which the phases holding this budget stop. */
  readonly deadline: number;
  readonly #now: () => number;
  readonly #signal: AbortFlag | undefined;
  readonly #sink: Sink;

  constructor(options: BudgetOptions, parent?: { startedAt: number; sink: Sink }) {
    this.#now = options.now ?? (() => performance.now());
    this.#signal = options.signal;
    const now = this.#now();
    this.startedAt = parent?.startedAt ?? now;
    const limit = Number.isNaN(options.timeLimitMs) ? 0 : Math.max(0, options.timeLimitMs);
    this.deadline = now + limit;
    this.#sink = parent?.sink ?? {
      onProgress: options.onProgress,
      every: options.progressEveryMs ?? PROGRESS_EVERY_MS,
      last: -Infinity,
      phase: 'validate',
      status: () => ({ bestScore: NO_SCORE, iteration: 0 }),
    };
  }

  /**
   * A budget without deadline, signal or sink (for internal callers that bound their work otherwise).
   *
   * @example
   * ```ts
   * const engine = createEngine(compiled, rules, weights, 1); // engine.budget = Budget.unlimited()
   * ```
   */
  static unlimited(): Budget {
    return new Budget({ timeLimitMs: Infinity });
  }

  /** The clock reading now. */
  now(): number {
    return this.#now();
  }

  /** Milliseconds since the call began. */
  elapsedMs(): number {
    return this.#now() - this.startedAt;
  }

  /** Milliseconds left before the deadline (0 once past it). */
  remainingMs(): number {
    return Math.max(0, this.deadline - this.#now());
  }

  /** Whether the caller aborted. */
  aborted(): boolean {
    return this.#signal?.aborted === true;
  }

  /**
   * Whether the phase must stop now: the caller aborted or the deadline passed. When a progress
   * report is due it is made first, so a caller who aborts inside `onProgress` is seen at once.
   */
  spent(): boolean {
    if (this.#signal?.aborted === true) return true;
    const now = this.#now();
    if (now >= this.deadline) return true;
    const sink = this.#sink;
    if (sink.onProgress !== undefined && now - sink.last >= sink.every) {
      this.#report(now);
      return this.aborted();
    }
    return false;
  }

  /**
   * Reports progress when due, without stopping anything: for work that cannot be cut (the
   * report), so that `onProgress` keeps coming while it runs.
   */
  tick(): void {
    const sink = this.#sink;
    if (sink.onProgress === undefined || this.aborted()) return;
    const now = this.#now();
    if (now - sink.last >= sink.every) this.#report(now);
  }

  /** Why the work stopped, if the budget is the reason: `'aborted'` first, then `'time-limit'`. */
  stopReason(): 'aborted' | 'time-limit' | undefined {
    if (this.aborted()) return 'aborted';
    return this.#now() >= this.deadline ? 'time-limit' : undefined;
  }

  /**
   * Enters `phase` (named in every progress report from now on) and reports it at once, with
   * `status` giving the best score and iteration count for this and later reports.
   */
  enter(phase: ProgressPhase, status?: () => ProgressStatus): void {
    const sink = this.#sink;
    sink.phase = phase;
    if (status) sink.status = status;
    if (sink.onProgress !== undefined && this.#signal?.aborted !== true) this.#report(this.#now());
  }

  /** The phase last entered. */
  phase(): ProgressPhase {
    return this.#sink.phase;
  }

  /** A budget on the same signal and sink whose deadline is at most `limitMs` from now (never past this one's). */
  slice(limitMs: number): Budget {
    const now = this.#now();
    const limit = Math.min(Number.isNaN(limitMs) ? 0 : limitMs, this.deadline - now);
    return new Budget({ timeLimitMs: limit, signal: this.#signal, now: this.#now }, { startedAt: this.startedAt, sink: this.#sink });
  }

  /** A budget on the same signal and sink that ends `reserveMs` before this one (for work that must follow). */
  reserve(reserveMs: number): Budget {
    return this.slice(this.deadline - Math.max(0, reserveMs) - this.#now());
  }

  #report(now: number): void {
    const sink = this.#sink;
    sink.last = now;
    const { bestScore, iteration } = sink.status();
    sink.onProgress?.({ phase: sink.phase, bestScore: { ...bestScore }, elapsedMs: now - this.startedAt, iteration });
  }
}

/**
 * The budget of a public call from its options: `timeLimitMs` (at least 0; `Infinity` for no
 * limit; absent or NaN: `defaultMs`), `signal` and `onProgress`.
 *
 * @example
 * ```ts
 * const budget = budgetOf(options, DEFAULT_TIME_LIMIT_MS);
 * ```
 */
export function budgetOf(
  options: { timeLimitMs?: number | undefined; signal?: AbortFlag | undefined; onProgress?: ((progress: Progress) => void) | undefined },
  defaultMs: number,
  now?: () => number,
): Budget {
  const given = options.timeLimitMs;
  const limit = given === undefined || Number.isNaN(given) ? defaultMs : Math.max(0, given);
  return new Budget({ timeLimitMs: limit, signal: options.signal, onProgress: options.onProgress, now });
}
