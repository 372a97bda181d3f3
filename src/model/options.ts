/**
 * Options of `solve`, `replan` and the changes `replan` applies.
 *
 * @module
 */
import type { LocalDate, LocalTime, Patient } from './problem.js';
import type { Score } from './report.js';

/**
 * Weights of the soft rules, by rule code. Defaults are documented on each rule
 * (see `ruleCatalogue()`); a weight of 0 switches the rule off.
 */
export type Weights = Record<string, number>;

/** Reported by `onProgress` while the solver runs, at most 10 times a second. */
export interface Progress {
  /** Best score so far. */
  bestScore: Score;
  /** Milliseconds since the call began. */
  elapsedMs: number;
  /** Local-search iterations done. */
  iteration: number;
}

/**
 * How to run the solver.
 *
 * @example
 * ```ts
 * const controller = new AbortController();
 * const { schedule } = solve(problem, { seed: 7, timeLimitMs: 2000, signal: controller.signal });
 * ```
 */
export interface SolveOptions {
  /** Seed of the random choices. Default 1. Same seed and same `maxIterations` give the same timetable. */
  seed?: number;
  /** Wall-time budget in milliseconds. Default 3000. The call returns within it. */
  timeLimitMs?: number;
  /** Local-search iteration budget. Default none (time decides). Set it for reproducible results. */
  maxIterations?: number;
  /** Aborting returns the best timetable found so far. */
  signal?: AbortSignal;
  /** Called with the best score, at most 10 times a second. */
  onProgress?: (progress: Progress) => void;
  /** Soft-rule weights, by rule code; unspecified rules keep their defaults. */
  weights?: Partial<Weights>;
}

/** A change to the week that `replan` absorbs. */
export type Change =
  | { kind: 'admit'; patient: Patient }
  | { kind: 'discharge'; patient: string; from: LocalDate }
  | { kind: 'staff-out'; staff: string; date: LocalDate; start?: LocalTime; end?: LocalTime }
  | { kind: 'room-closed'; room: string; date: LocalDate; start?: LocalTime; end?: LocalTime }
  | { kind: 'missed'; patient: string; meeting: string }
  | { kind: 'pin'; meeting: string };
