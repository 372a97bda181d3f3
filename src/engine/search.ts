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

/**
 * The moves' draw: each move's weight while someone is short and while no one is, and the two
 * totals. While anyone is short, the moves aimed at short patients are drawn `FOCUS` times more
 * often: in a large clinic a blind move almost never touches one of the few who need it.
 * Re-planning serves the affected patients only: the blind moves, drawn for anyone, are left
 * out, and so are the targeted moves that move a whole meeting (its other patients would lose
 * the session they were told about, which the serving guard refuses anyway). The triage moves
 * are drawn only while someone is short and whole patients count.
 */
class MoveDraw {
  private readonly drawn: boolean[];
  private readonly triage: boolean;
  private readonly weights: number[];
  private readonly totals: number[];

  constructor(engine: Engine, serving: boolean) {
    this.drawn = MOVES.map(({ targeted, movesMeeting }) => !serving || (targeted && movesMeeting !== true));
    this.triage = triageOn(engine);
    this.weights = MOVES.map((entry) => weightFor(entry, engine.problem.patients.length));
    this.totals = [false, true].map((short) => MOVES.reduce((sum, entry, k) => sum + this.weightOf(short, entry, k), 0));
  }

  private weightOf(short: boolean, { targeted, triage: forTriage }: MoveEntry, k: number): number {
    return !this.drawn[k] || (forTriage === true && !(short && this.triage)) ? 0 : short && targeted ? this.weights[k]! * FOCUS : this.weights[k]!;
  }

  /** A move drawn by weight (one draw of the generator). */
  pick(engine: Engine, short: boolean): MoveEntry['move'] {
    let roll = engine.random.next() * this.totals[short ? 1 : 0]!;
    let move = MOVES[0]!.move;
    for (let k = 0; k < MOVES.length; k++) {
      const entry = MOVES[k]!;
      roll -= this.weightOf(short, entry, k);
      if (roll < 0) {
        move = entry.move;
        break;
      }
    }
    return move;
  }
}

/** How much more often a targeted move is drawn while someone is short (see `MoveDraw`). */
const FOCUS = 3;

/**
 * The patients in the meetings a change touched (`collect`), each once, and whether the change
 * drifts: leaves met patients short and involves no short one (see `Walk`).
 */
class ChangedPatients {
  readonly list: number[] = [];
  private readonly listed: Uint8Array;

  constructor(patients: number) {
    this.listed = new Uint8Array(patients);
  }

  /** Lists the patients of every meeting changed since `mark`. */
  collect(engine: Engine, mark: number): void {
    const { list, listed } = this;
    for (const p of list) listed[p] = 0;
    list.length = 0;
    engine.state.forEachPatientChangedSince(mark, (p) => {
      if (listed[p] === 1) return;
      listed[p] = 1;
      list.push(p);
    });
  }

  /** Whether the change whose patients `collect` listed leaves met patients short and involves no short one. */
  drifts(engine: Engine): boolean {
    let worsened = false;
    for (const p of this.list) {
      if (engine.shortList.has(p)) return false;
      if (shortfall(engine, p) > 0) worsened = true;
    }
    return worsened;
  }
}

const isPerfect = (s: Score): boolean => s.hard === 0 && s.requirement === 0 && s.soft === 0;

/**
 * One run of the search: the current and best timetables and the phases of an iteration.
 *
 * The short list holds the patients whose every requirement is not met. Late acceptance keeps
 * a worse timetable when the one `historyLength` iterations back was worse still: slack that
 * gains anywhere leave in the history. Spent on a change among met patients only, that slack is
 * a random walk away from what was met (in a week with one track overbooked, the other track's
 * patients drift short while the overbooked track improves, and nothing in the score calls them
 * back). So a change that leaves a met patient short is kept on the history's credit only when
 * it involves a patient who was short (the escapes late acceptance is for: room made for someone
 * who needs it). They are the ones off the short list, which the targeted moves also draw from.
 */
class Walk {
  private readonly state: Engine['state'];
  private current: Score;
  best: Score;
  bestMeetings: Array<PlacedMeeting | undefined>;
  timeToBest: number;
  iteration = 0;
  private lastImprovement = 0;
  private lastKick = 0;
  private readonly acceptance: LateAcceptance;
  private readonly draw: MoveDraw;
  private readonly guard: ServingGuard | undefined;
  private readonly changed: ChangedPatients;
  /** Iterations without a new best after which a search still short of requirements is kicked. */
  private readonly stagnation: number;

  constructor(
    private readonly engine: Engine,
    private readonly limits: SearchLimits,
  ) {
    const state = engine.state;
    const budget = engine.budget;
    this.state = state;
    this.current = state.score();
    this.best = this.current;
    this.bestMeetings = state.meetings.slice();
    this.timeToBest = budget.elapsedMs();
    this.acceptance = new LateAcceptance(historyLength(engine.problem.patients.length), this.current);
    this.draw = new MoveDraw(engine, limits.serving !== undefined);
    budget.enter('search', () => ({ bestScore: this.best, iteration: this.iteration }));
    const patients = engine.problem.patients.length;
    this.guard = limits.serving ? new ServingGuard(engine, limits.serving) : undefined;
    this.noteAll();
    engine.shortList.kept = true;
    this.changed = new ChangedPatients(patients);
    this.stagnation = Math.max(3000, 2 * engine.problem.patients.length);
  }

  private note(p: number): void {
    this.engine.shortList.set(p, shortfall(this.engine, p) > 0 && (!this.guard || this.guard.serves(p)));
  }

  private noteAll(): void {
    for (let p = 0; p < this.engine.problem.patients.length; p++) this.note(p);
  }

  /** Why the search stops before the next iteration, or null when it goes on. */
  stopReason(): StopReason | null {
    const { best, iteration, limits } = this;
    if (isPerfect(best)) return 'optimal';
    if (this.guard && this.engine.shortList.next(0) < 0) return 'no-improvement';
    if (iteration >= limits.maxIterations) return 'iteration-limit';
    const budget = this.engine.budget;
    if (budget.aborted()) return 'aborted';
    const settled = best.hard === 0 && best.requirement === 0;
    if (iteration - this.lastImprovement >= (settled ? (limits.settledPatience ?? limits.patience) : limits.patience)) return 'no-improvement';
    // A progress report is made inside `spent()` when due; the caller may abort in it.
    if (iteration % CLOCK_EVERY === 0 && budget.spent()) return budget.stopReason() ?? 'time-limit';
    return null;
  }

  /**
   * Iterated local search: late acceptance settles into a local optimum whose escape takes
   * several changes that each lose (drop a patient's session, open a group in the time it
   * held, move a third group out of the way). When no new best has come for a while and
   * requirements are still short, a few ruin moves are applied whatever they score, from the
   * best timetable, and the search goes on from there; the best is kept throughout. Returns
   * whether this iteration was the kick.
   */
  kickWhenStuck(): boolean {
    const { iteration } = this;
    if (this.guard || this.best.requirement <= 0 || iteration - Math.max(this.lastImprovement, this.lastKick) < this.stagnation) return false;
    this.lastKick = iteration;
    this.current = kick(this.engine, this.bestMeetings);
    this.acceptance.reset(this.current);
    this.noteAll();
    return true;
  }

  /** One drawn move: applied, settled, completed by a chain when it left someone short, then accepted or undone. */
  step(): void {
    const { engine, state, acceptance, changed, guard, iteration } = this;
    const current = this.current;
    const move = this.draw.pick(engine, current.requirement > 0);
    const mark = state.mark();
    if (!move(engine)) {
      state.rollback(mark);
      acceptance.record(iteration, current);
      return;
    }
    if (!settle(engine, mark, current.hard)) {
      acceptance.record(iteration, current);
      return;
    }
    let candidate = state.score();
    changed.collect(engine, mark);
    if (candidate.requirement > current.requirement) {
      completeChain(engine, changed.list);
      if (!settle(engine, mark, current.hard)) {
        acceptance.record(iteration, current);
        return;
      }
      candidate = state.score();
      changed.collect(engine, mark);
    }
    if (guard && !guard.accepts(changed.list)) {
      state.rollback(mark);
      acceptance.record(iteration, current);
      return;
    }
    if (acceptance.allows(candidate, current, iteration, () => !changed.drifts(engine))) this.keep(candidate);
    else state.rollback(mark);
    acceptance.record(iteration, this.current);
  }

  /** Keeps the change just scored as `candidate`: the short list, the guard, the current and maybe the best timetable follow. */
  private keep(candidate: Score): void {
    for (const p of this.changed.list) this.note(p);
    this.guard?.note(this.changed.list);
    this.state.commit();
    this.current = candidate;
    if (better(candidate, this.best)) {
      this.best = candidate;
      this.bestMeetings = this.state.meetings.slice();
      this.timeToBest = this.engine.budget.elapsedMs();
      this.lastImprovement = this.iteration;
    }
  }
}

/** Runs the search from the state's current (committed) timetable. */
export function search(engine: Engine, limits: SearchLimits): SearchResult {
  const walk = new Walk(engine, limits);
  let stoppedBecause: StopReason = 'iteration-limit';
  while (true) {
    const stop = walk.stopReason();
    if (stop !== null) {
      stoppedBecause = stop;
      break;
    }
    walk.iteration += 1;
    if (walk.kickWhenStuck()) continue;
    walk.step();
  }
  engine.shortList.kept = false;
  return { best: walk.bestMeetings, bestScore: walk.best, iterations: walk.iteration, timeToBestMs: walk.timeToBest, stoppedBecause };
}
