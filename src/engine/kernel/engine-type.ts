/**
 * The engine: what one solve's steps read and change (the state, its lookup tables, the random
 * generator, the conflict statistics, the budget). The primitives on it are ./engine.ts's.
 */
import type { Budget } from '../../time/budget.js';
import type { SlotSet } from '../../time/slot-set.js';
import type { CompiledProblem } from '../../compiled/compile.js';
import type { Prepared } from '../../compiled/prepared.js';
import type { ConflictStats } from './conflicts.js';
import type { Random } from './random.js';
import type { ShortList } from './short-list.js';
import type { SolverState } from './state.js';

export interface Engine {
  problem: CompiledProblem;
  state: SolverState;
  prepared: Prepared;
  random: Random;
  conflicts: ConflictStats;
  /** Moves the catalogue rejected although the dedicated checks passed (should stay 0). */
  safetyRejections: number;
  /** The call's time budget and abort signal: construction and search stop once it is spent. */
  budget: Budget;
  /** Patients short of a requirement, kept by the search while it runs (`kept`). */
  shortList: ShortList;
  /**
   * Re-planning: per day of the week, the first wall-clock minute a meeting may start at (what
   * started before it has happened; 1441: the whole day has). Absent: every time is open.
   */
  opensAt?: readonly number[];
  /**
   * A warm start on a changed copy of a week (explain's verifying re-solves): construction's
   * polish re-seats only the group times that overlap these slots. Absent: every group time.
   */
  polishOnly?: SlotSet;
  /**
   * Construction is running (`construct` sets it): `settleHard` then scores by the hard rules
   * alone and defers the others (see `SolverState.hardScore`); while the state trusts the fast
   * checks (`SolverState.trustFastChecks`, construct.ts) the hard rules wait too, and the
   * catalogue is asked once at the end. Outside it (the search's moves place individual
   * sessions through the same functions) it settles every rule, as `settle`.
   */
  deferScoring?: boolean;
}
