/**
 * A solver working set on a compiled problem: what `solve` and re-planning start from before
 * construction, and the time a call keeps at its end for the report.
 */
import { meetingWith, type PlacedMeeting, type PreviousWeek } from '../../compiled/meetings.js';
import type { CompiledProblem } from '../../compiled/compile.js';
import type { Rule } from '../../rules/types.js';
import { Budget } from '../../time/budget.js';
import type { SlotSet } from '../../time/slot-set.js';
import { ConflictStats } from './conflicts.js';
import type { Engine } from './engine.js';
import { prepare } from '../../compiled/prepared.js';
import { Random } from './random.js';
import { ShortList } from './short-list.js';
import { SolverState } from './state.js';

/** Extra inputs for re-planning: meetings to start from (pinned ones never change) and a previous week. */
export interface SolveStart {
  initial?: readonly PlacedMeeting[];
  previous?: PreviousWeek;
  /** Per day, the first minute a meeting may start at (re-planning's cutoff: see `Engine.opensAt`). */
  opensAt?: readonly number[];
  /** Polish re-seats only the group times overlapping these slots (see `Engine.polishOnly`). */
  polishOnly?: SlotSet;
  /**
   * Score the week only when first asked (see `SolverState`), for a caller that loads a whole
   * week into the engine right after (re-planning's release). The result is the same.
   */
  scoreLater?: boolean;
}

/**
 * Milliseconds to keep, at the end of a call's budget, for what follows construction and search
 * and cannot be cut: the deferred rules construction leaves to its end, going back to the best
 * timetable, the export and the report: 50 ms plus 0.2 ms a patient plus 2.5% of the limit, and
 * at least twice what validation, compilation and the engine's tables took in this call
 * (`floorMs`: they scale with the clinic and slow down with the machine's load alike, so the
 * reserve follows a loaded machine). Measured (December 2026, process CPU, cold, dist,
 * `maxIterations: 0`) as multiples of that floor: a complete 1,000-patient week 1.3 x (export
 * 103 ms, report 209, after a floor of 252). Twice the floor is thus a 1.5 x margin over a
 * complete week, and no more: with 1.5 x the floor and 0.15 ms a patient, a 2,564 ms solve of
 * 1,000 patients at load 8.6 returned 669 ms late (its report took 565 ms of wall time after a
 * floor of 138), the same solve with this reserve beside it 226 ms late: one pair at that load
 * proves little, but the limit is the promise. Never more than half the limit: a limit too short
 * for construction gives construction half of it; a caller's limit is a promise, the served count
 * at a limit too short for construction is not.
 *
 * The reserve does not shrink when construction is cut early: finishing a cut week costs about
 * what finishing a complete one does (bench/anytime-tail.ts, CPU, load 7-9: 0.80-2.33 x the floor
 * after 20 cuts of a 1,000-patient week, 1.32-1.96 x after 10 complete ones), because the report,
 * most of the tail, details every unmet patient. A reserve following the meetings placed was tried
 * (8dd29c3, reverted): it kept 76-99% of this one where the tail was dearest. A report whose cost
 * follows progress would have to come first.
 *
 * @example
 * ```ts
 * engine.budget = budget.reserve(reportReserveMs(3000, 1000, budget.elapsedMs())); // 325 ms or more
 * ```
 */
export function reportReserveMs(timeLimitMs: number, patients: number, floorMs: number): number {
  return Math.min(timeLimitMs / 2, Math.max(50 + timeLimitMs / 40 + 0.2 * patients, 2 * floorMs));
}

/**
 * A solver working set on a compiled problem, holding the `initial` meetings (if any), before
 * construction. For tests and for modules that drive the engine themselves (re-planning).
 */
export function createEngine(
  compiled: CompiledProblem,
  rules: readonly Rule[],
  weights: ReadonlyMap<string, number>,
  seed: number,
  start: SolveStart = {},
): Engine {
  // An empty start (solve) scores its hard rules now and the rest when first read: construction
  // places most patients before that, so nobody's requirements are measured on the empty week
  // and again on the built one (the same score: see SolverState's 'hard-first').
  const emptyStart = start.scoreLater !== true && (start.initial === undefined || start.initial.length === 0);
  const state = new SolverState(compiled, rules, weights, start.previous, start.scoreLater === true ? true : emptyStart ? 'hard-first' : false);
  const engine: Engine = {
    problem: compiled,
    state,
    prepared: prepare(compiled),
    random: new Random(seed),
    conflicts: new ConflictStats(),
    safetyRejections: 0,
    budget: Budget.unlimited(),
    shortList: new ShortList(compiled.patients.length),
  };
  if (start.opensAt) engine.opensAt = start.opensAt;
  if (start.polishOnly) engine.polishOnly = start.polishOnly;
  for (const meeting of start.initial ?? []) state.add(meetingWith(meeting, { staff: [...meeting.staff], patients: [...meeting.patients] }));
  if (start.scoreLater === true || emptyStart) return engine;
  state.rescore();
  state.commit();
  return engine;
}
