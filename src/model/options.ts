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

/**
 * The phase a call is in, as `onProgress` reports it:
 * - `validate`, `compile`: reading the problem (cannot be cut short; reported once at their start);
 * - `construct`: building the first timetable (`solve`), `replan`: repairing and serving the
 *   published week after the changes;
 * - `search`: local search (`iteration` counts its iterations);
 * - `export`, `report`: writing the timetable and scoring it by rule;
 * - `causes`: analysing why unmet requirements are unmet (`solve`, `replan`, `checkSchedule`);
 * - `explain`: `explain`'s verifying re-solves (each reports its own phases too).
 */
export type ProgressPhase = 'validate' | 'compile' | 'construct' | 'replan' | 'search' | 'export' | 'report' | 'causes' | 'explain';

/**
 * Reported by `onProgress` while a call runs: once when each phase begins, then at most every
 * 100 ms within it (at least every 250 ms in every phase but `validate` and `compile`). Aborting
 * the signal inside `onProgress` stops the call at its next check.
 */
export interface Progress {
  /** The phase running now. */
  phase: ProgressPhase;
  /**
   * Best score so far (during construction, the score of the timetable built so far, brought up
   * to date at most once a second and at most a tenth of the time; until the first time, a
   * second in, the score the phases before reported).
   */
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
  /**
   * Wall-time budget in milliseconds for the whole call (validation, construction, search, report
   * and causes). Default 3000. The call returns within about 1.1 times it plus 100 ms; validation
   * and compilation cannot be cut, so a very large problem can take longer than a very small limit.
   * `Infinity`: no limit (set `maxIterations`).
   */
  timeLimitMs?: number;
  /** Local-search iteration budget. Default none (time decides). Set it for reproducible results. */
  maxIterations?: number;
  /**
   * Aborting returns the best timetable found so far (`stats.stoppedBecause: 'aborted'`, the
   * causes of unmet requirements `not-analysed`, or `not-reached` for patients a cut
   * construction never came to), after validation and compilation at most.
   */
  signal?: AbortSignal;
  /** Called with the phase and best score, when each phase begins and at most 10 times a second within it. */
  onProgress?: (progress: Progress) => void;
  /** Soft-rule weights, by rule code; unspecified rules keep their defaults. */
  weights?: Partial<Weights>;
  /**
   * What an over-full week gives up. `'whole-patients'` (default): the most patients fully
   * served, higher `Patient.priority` first, then the least shortfall (rule `patients-short`);
   * the others are reported unmet with their causes. `'spread'`: the least total shortfall,
   * shared among everyone (every patient may end a little short).
   */
  triage?: Triage;
}

/**
 * How an over-full week is shared (see `SolveOptions.triage`).
 *
 * @example
 * ```ts
 * const triage: Triage = 'spread';
 * solve(problem, { triage });
 * ```
 */
export type Triage = 'whole-patients' | 'spread';

/** A change to the week that `replan` absorbs. */
export type Change =
  | {
      /** A new patient joins the week. */
      kind: 'admit';
      /** The patient, validated like any patient of the problem; the id must be new. */
      patient: Patient;
    }
  | {
      /** A patient leaves the program. */
      kind: 'discharge';
      /** The patient's id. */
      patient: string;
      /** First date the patient is no longer scheduled (exclusive end, like `dischargedOn`); an earlier `dischargedOn` is kept. */
      from: LocalDate;
    }
  | {
      /** A staff member is out (sick, on leave) for a date or part of it. */
      kind: 'staff-out';
      /** The staff member's id. */
      staff: string;
      /** The date, within the week. */
      date: LocalDate;
      /** Start of the absence, wall clock. Absent: from midnight. */
      start?: LocalTime;
      /** End of the absence, wall clock (after `start`). Absent: to midnight. */
      end?: LocalTime;
    }
  | {
      /** A room cannot be used for a date or part of it. */
      kind: 'room-closed';
      /** The room's id. */
      room: string;
      /** The date, within the week. */
      date: LocalDate;
      /** Start of the closure, wall clock. Absent: from midnight. */
      start?: LocalTime;
      /** End of the closure, wall clock (after `start`). Absent: to midnight. */
      end?: LocalTime;
    }
  | {
      /**
       * A patient missed a published meeting: `replan` keeps the meeting as held, with the
       * patient among its `noShows`, and makes the session up later in the week when needed.
       */
      kind: 'missed';
      /** The patient's id; must be in the meeting's roster. */
      patient: string;
      /** The published meeting's id. */
      meeting: string;
    }
  | {
      /** A published meeting must stay where it is, with its roster. */
      kind: 'pin';
      /** The published meeting's id. */
      meeting: string;
    };
