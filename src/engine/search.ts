/**
 * Local search: late acceptance hill climbing on the lexicographic score (requirement shortfall,
 * then soft penalty; hard stays 0 because every move is checked before and after it is applied).
 * Moves are drawn by weight from a seeded generator. The clock only decides when to stop, never
 * what is chosen, so with `maxIterations` set (and a time limit not reached) the run is
 * reproducible. The clock, the abort signal and progress reports are the engine's `budget`.
 */
import type { Score, StopReason } from '../model/report.js';
import type { PlacedMeeting } from '../rules/types.js';
import { settle, type Engine } from './kernel/engine.js';
import { completeChain } from './chains/chain.js';
import { better, LateAcceptance } from './acceptance.js';
import { MOVES, RUIN_MOVES, weightFor, type MoveEntry } from './moves/index.js';
import { triageOn } from './moves/triage.js';
import { shortfall } from './kernel/needs.js';
import { ServingGuard } from './kernel/serving.js';

export interface SearchLimits {
  maxIterations: number;
  /** Iterations without a new best after which the search gives up. */
  patience: number;
  /**
   * Iterations without a new best after which the search stops once nothing but soft rules is
   * left to gain (0 hard, 0 requirement shortfall): the soft score still improves, but slowly,
   * so easy instances finish early. Defaults to `patience`.
   */
  settledPatience?: number;
  /**
   * Re-planning: the patients the changes affected. The search then serves only them: the
   * targeted moves draw from those still short, a change is kept only when it lowers their
   * shortfall and leaves every other patient the sessions they had (kernel/serving.ts), no
   * kicks, and the search stops once none of them is short.
   */
  serving?: readonly number[];
}

export interface SearchResult {
  best: Array<PlacedMeeting | undefined>;
  bestScore: Score;
  iterations: number;
  timeToBestMs: number;
  stoppedBecause: StopReason;
}

/**
 * Iterations the late acceptance history reaches back (every iteration is recorded, see
 * ./acceptance.ts): short in a clinic of a few dozen patients or more, where the shortfall falls
 * steadily and old credit lets the walk drift from what it gained (generated clinics of 120-500
 * patients, 10,000 iterations: 6,123 served with 400 against 5,883 with 1,000); longer in a small
 * tight puzzle, where escaping a local optimum takes a longer walk (the feasible-by-construction
 * sample, seeds 1-8 at 20,000 iterations: 168 of 192 met with 400, 184 with 1,000).
 */
function historyLength(patients: number): number {
  return Math.max(400, Math.min(2000, Math.round(20_000 / Math.max(1, patients))));
}
/**
 * Ruin moves a kick applies (see `kick`). One: the escapes a stuck search needs are near the best
 * timetable, and each further ruin move takes it further away. On the exact reference at 30,000
 * iterations, seeds 1-40: 395 of 400 runs at the optimum with one (35 patients: 36 of 40), 387
 * with three (29 of 40). Two did no better than three on seeds 1-20, six worse at 10,000 iterations.
 */
const KICK_MOVES = 1;
/** Iterations between two looks at the clock (the abort flag is read every iteration). */
const CLOCK_EVERY = 32;

/**
 * Restores the best timetable and applies `KICK_MOVES` ruin moves unconditionally (each still
 * keeps every hard rule). Returns the new current score.
 */
function kick(engine: Engine, bestMeetings: ReadonlyArray<PlacedMeeting | undefined>): Score {
  const state = engine.state;
  state.restoreTo(bestMeetings);
  state.commit();
  const hard = state.score().hard;
  for (let k = 0; k < KICK_MOVES; k++) {
    const move = engine.random.pick(RUIN_MOVES)!;
    const mark = state.mark();
    if (!move(engine)) {
      state.rollback(mark);
      continue;
    }
    if (settle(engine, mark, hard)) state.commit();
  }
  state.commit();
  return state.score();
}

/** Runs the search from the state's current (committed) timetable. */
export function search(engine: Engine, limits: SearchLimits): SearchResult {
  const state = engine.state;
  const budget = engine.budget;
  let current = state.score();
  let best = current;
  let bestMeetings = state.meetings.slice();
  let timeToBest = budget.elapsedMs();
  let lastImprovement = 0;
  const acceptance = new LateAcceptance(historyLength(engine.problem.patients.length), current);
  // While anyone is short, the moves aimed at short patients are drawn more often: in a large
  // clinic a blind move almost never touches one of the few who need it.
  const focus = 3;
  // Re-planning serves the affected patients only: the blind moves, drawn for anyone, are left
  // out, and so are the targeted moves that move a whole meeting (its other patients would
  // lose the session they were told about, which the serving guard refuses anyway).
  const serving = limits.serving !== undefined;
  const drawn = MOVES.map(({ targeted, movesMeeting }) => !serving || (targeted && movesMeeting !== true));
  // The triage moves are drawn only while someone is short and whole patients count.
  const triage = triageOn(engine);
  const weights = MOVES.map((entry) => weightFor(entry, engine.problem.patients.length));
  const weightOf = (short: boolean, { targeted, triage: forTriage }: MoveEntry, k: number): number =>
    !drawn[k] || (forTriage === true && !(short && triage)) ? 0 : short && targeted ? weights[k]! * focus : weights[k]!;
  const totals = [false, true].map((short) => MOVES.reduce((sum, entry, k) => sum + weightOf(short, entry, k), 0));
  let iteration = 0;
  budget.enter('search', () => ({ bestScore: best, iteration }));
  let stoppedBecause: StopReason = 'iteration-limit';
  const isPerfect = (s: Score): boolean => s.hard === 0 && s.requirement === 0 && s.soft === 0;
  // Patients whose every requirement is met. Late acceptance keeps a worse timetable when the
  // one `historyLength` iterations back was worse still: slack that gains anywhere leave in the history.
  // Spent on a change among met patients only, that slack is a random walk away from what was
  // met (in a week with one track overbooked, the other track's patients drift short while the
  // overbooked track improves, and nothing in the score calls them back). So a change that
  // leaves a met patient short is kept on the history's credit only when it involves a patient
  // who was short (the escapes late acceptance is for: room made for someone who needs it).
  // They are the ones off the short list, which the targeted moves also draw from.
  const patients = engine.problem.patients.length;
  const shortList = engine.shortList;
  const guard = limits.serving ? new ServingGuard(engine, limits.serving) : undefined;
  const note = (p: number): void => shortList.set(p, shortfall(engine, p) > 0 && (!guard || guard.serves(p)));
  for (let p = 0; p < patients; p++) note(p);
  shortList.kept = true;
  const changed: number[] = [];
  const listed = new Uint8Array(patients);
  const collect = (mark: number): void => {
    for (const p of changed) listed[p] = 0;
    changed.length = 0;
    state.forEachPatientChangedSince(mark, (p) => {
      if (listed[p] === 1) return;
      listed[p] = 1;
      changed.push(p);
    });
  };
  /** Whether the change whose patients `collect` listed leaves met patients short and involves no short one. */
  const drifts = (): boolean => {
    let worsened = false;
    for (const p of changed) {
      if (shortList.has(p)) return false;
      if (shortfall(engine, p) > 0) worsened = true;
    }
    return worsened;
  };

  let lastKick = 0;
  // Iterations without a new best after which a search still short of requirements is kicked.
  const stagnation = Math.max(3000, 2 * engine.problem.patients.length);

  while (true) {
    if (isPerfect(best)) {
      stoppedBecause = 'optimal';
      break;
    }
    if (guard && shortList.next(0) < 0) {
      stoppedBecause = 'no-improvement';
      break;
    }
    if (iteration >= limits.maxIterations) {
      stoppedBecause = 'iteration-limit';
      break;
    }
    if (budget.aborted()) {
      stoppedBecause = 'aborted';
      break;
    }
    const settled = best.hard === 0 && best.requirement === 0;
    if (iteration - lastImprovement >= (settled ? (limits.settledPatience ?? limits.patience) : limits.patience)) {
      stoppedBecause = 'no-improvement';
      break;
    }
    // A progress report is made inside `spent()` when due; the caller may abort in it.
    if (iteration % CLOCK_EVERY === 0 && budget.spent()) {
      stoppedBecause = budget.stopReason() ?? 'time-limit';
      break;
    }
    iteration += 1;

    // Iterated local search: late acceptance settles into a local optimum whose escape takes
    // several changes that each lose (drop a patient's session, open a group in the time it
    // held, move a third group out of the way). When no new best has come for a while and
    // requirements are still short, a few ruin moves are applied whatever they score, from the
    // best timetable, and the search goes on from there; the best is kept throughout.
    if (!guard && best.requirement > 0 && iteration - Math.max(lastImprovement, lastKick) >= stagnation) {
      lastKick = iteration;
      current = kick(engine, bestMeetings);
      acceptance.reset(current);
      for (let p = 0; p < patients; p++) note(p);
      continue;
    }

    const short = current.requirement > 0;
    let roll = engine.random.next() * totals[short ? 1 : 0]!;
    let move = MOVES[0]!.move;
    for (let k = 0; k < MOVES.length; k++) {
      const entry = MOVES[k]!;
      roll -= weightOf(short, entry, k);
      if (roll < 0) {
        move = entry.move;
        break;
      }
    }
    const mark = state.mark();
    if (!move(engine)) {
      state.rollback(mark);
      acceptance.record(iteration, current);
      continue;
    }
    if (!settle(engine, mark, current.hard)) {
      acceptance.record(iteration, current);
      continue;
    }
    let candidate = state.score();
    collect(mark);
    if (candidate.requirement > current.requirement) {
      completeChain(engine, changed);
      if (!settle(engine, mark, current.hard)) {
        acceptance.record(iteration, current);
        continue;
      }
      candidate = state.score();
      collect(mark);
    }
    if (guard && !guard.accepts(changed)) {
      state.rollback(mark);
      acceptance.record(iteration, current);
      continue;
    }
    if (acceptance.allows(candidate, current, iteration, () => !drifts())) {
      for (const p of changed) note(p);
      guard?.note(changed);
      state.commit();
      current = candidate;
      if (better(current, best)) {
        best = current;
        bestMeetings = state.meetings.slice();
        timeToBest = budget.elapsedMs();
        lastImprovement = iteration;
      }
    } else {
      state.rollback(mark);
    }
    acceptance.record(iteration, current);
  }
  shortList.kept = false;
  return { best: bestMeetings, bestScore: best, iterations: iteration, timeToBestMs: timeToBest, stoppedBecause };
}
