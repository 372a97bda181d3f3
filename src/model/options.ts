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
