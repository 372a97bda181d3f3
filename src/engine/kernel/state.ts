/**
 * The solver's mutable timetable. It IS a `RuleContext` (./timetable.ts: meetings with reusable
 * free slots, per-patient, staff and room meeting lists) and keeps a `ScoreBoard` current by re-evaluating
 * exactly the subjects a change touched: the meeting, and every patient, staff member and room
 * in it before and after. Changes are logged, so a move is do -> score -> undo, and undo
 * restores the meetings, the lists, the free slots and the score exactly: the score from the
 * board's undo journal, without evaluating any rule again.
 *
 * Meetings are never mutated in place: a change replaces the meeting object, so a snapshot of
 * the meetings array is a snapshot of the timetable.
 */
import type { Score } from '../../model/report.js';
import { ScoreBoard } from '../../rules/score-board.js';
import type { PlacedMeeting, PreviousWeek, Rule, RuleScope } from '../../rules/types.js';
import type { CompiledProblem } from '../../compiled/compile.js';
import { Timetable } from './timetable.js';
import { TouchSet } from './touch-set.js';

interface LogEntry {
  index: number;
  old: PlacedMeeting | undefined;
  /** The slot was taken from (or given back to) the free list by this change. */
  freed: boolean;
  allocated: boolean;
  /** The score board's journal position before this change was scored. */
  checkpoint: number;
}

/**
 * The timetable with its score and undo log (see the module comment).
 *
 * @example
 * ```ts
 * const state = new SolverState(problem, rules, weights);
 * const mark = state.mark();
 * state.add(meeting);
 * if (state.score().hard > 0) state.rollback(mark);
 * ```
 */
export class SolverState extends Timetable {
  private readonly scores: ScoreBoard;
  /** Meeting slots free for reuse (a stack). */
  private readonly free: number[] = [];
  private readonly log: LogEntry[] = [];
  /**
   * Deferred scoring (construction, see `hardScore`): subjects whose hard rules are current but
   * whose requirement and soft rules are not. Empty outside it.
   */
  private readonly deferredMeetings = new TouchSet(64);
  private readonly deferredPatients: TouchSet;
  private readonly deferredStaff: TouchSet;
  private readonly deferredRooms: TouchSet;
  /** Whether scoring has been deferred since the last `commit` (then undo cannot restore the deferred rules). */
  private deferring = false;
  /** The hard rules are deferred too (see {@link SolverState.trustFastChecks}). */
  private trusting = false;
  /** Some deferred subject's hard rules have not been evaluated since it changed. */
  private hardStale = false;
  /**
   * Not scored yet (`scoreLater`): the first rescore evaluates every subject. Re-planning loads
   * the whole published week first; scoring the empty week before it cost a full evaluation
   * (every patient short of everything, every published session lost) that the load undid.
   */
  private unscored: boolean;

  /**
   * `scoreLater`: leave the board unscored until the first {@link SolverState.rescore} (or
   * `mark`, `commit`, `score`), which then evaluates every subject once, for a caller that adds
   * many meetings first.
   */
  constructor(problem: CompiledProblem, rules: readonly Rule[], weights: ReadonlyMap<string, number>, previous?: PreviousWeek, scoreLater: boolean | 'hard-first' = false) {
    super(problem, previous);
    this.deferredPatients = new TouchSet(problem.patients.length);
    this.deferredStaff = new TouchSet(problem.staff.length);
    this.deferredRooms = new TouchSet(problem.rooms.length);
    this.scores = new ScoreBoard(rules, weights);
    this.unscored = scoreLater === true;
    if (scoreLater === 'hard-first') this.scoreHardFirst();
    else if (!scoreLater) this.scores.evaluateAll(this);
  }

  /**
   * `'hard-first'`: the hard rules of every subject now, the others deferred (as construction
   * defers them) until the score, the board or a commit is read. Construction then evaluates the
   * requirement and soft rules of the patients it places once, with their week, instead of once
   * on the empty week and again after; a caller that reads the score at once pays the same.
   */
  private scoreHardFirst(): void {
    const board = this.scores;
    const counts: ReadonlyArray<[RuleScope, number, TouchSet]> = [
      ['meeting', this.meetings.length, this.deferredMeetings],
      ['patient', this.problem.patients.length, this.deferredPatients],
      ['staff', this.problem.staff.length, this.deferredStaff],
      ['room', this.problem.rooms.length, this.deferredRooms],
    ];
    for (const [scope, n, deferred] of counts) {
      for (let subject = 0; subject < n; subject++) {
        board.evaluateLevel(this, scope, subject, true, false);
        deferred.add(subject);
      }
    }
    this.deferring = true;
  }

  /** The score board, every rule current (deferred rules are evaluated first). */
  get board(): ScoreBoard {
    if (this.deferring) this.evaluateDeferred();
    return this.scores;
  }

  /**
   * A position in the change log to roll back to (the score is brought up to date first; while
   * scoring is deferred, its hard rules only).
   */
  mark(): number {
    if (this.unscored) this.rescore();
    else if (this.dirty()) {
      if (this.deferring) this.rescoreHard();
      else this.rescore();
    }
    return this.log.length;
  }

  /** Forgets the change log: the current timetable becomes the one undo returns to. */
  commit(): void {
    if (this.unscored || this.dirty()) this.rescore();
    if (this.deferring) this.evaluateDeferred();
    this.deferring = false;
    this.log.length = 0;
    this.scores.forget();
  }

  /**
   * {@link commit} between construction's placements: the undo log is forgotten, and deferred
   * scoring (see `hardScore`) stays on, so a patient placed in every slot of a track has their
   * requirement and soft rules evaluated once, not once a slot. `commit` ends it.
   *
   * @example
   * ```ts
   * for (const slot of slots) {
   *   fillSlot(engine, slot, wanting);
   *   state.forgetLog();
   * }
   * state.commit();
   * ```
   */
  forgetLog(): void {
    if (!this.deferring) {
      this.commit();
      return;
    }
    if (this.dirty()) this.rescoreHard();
    this.log.length = 0;
    this.scores.forget();
  }


  /**
   * The hard total with every change so far scored by the hard rules only; the requirement and
   * soft rules of the subjects touched wait until the score, the board or a commit is read
   * (construction checks the hard total after every placement, and a patient placed in twenty
   * meetings had every rule of theirs evaluated twenty times). Until the next `commit`, undo
   * marks what it restores for evaluation again instead of restoring those rules from the journal.
   *
   * @example
   * ```ts
   * const mark = state.mark();
   * const hard = state.hardScore();
   * state.add(meeting);
   * if (state.hardScore() > hard) state.rollback(mark);
   * ```
   */
  hardScore(): number {
    if (this.unscored) this.rescore();
    else if (this.dirty()) this.rescoreHard();
    return this.scores.hardTotal();
  }

  /**
   * Construction's placements are each checked by the fast checks (kernel/feasible.ts), which
   * refuse whatever would break a hard rule (a property test holds them to the catalogue);
   * evaluating the catalogue's hard rules after every placement as well was its largest single
   * cost (a patient's hard rules evaluated once per meeting they joined). While `on`, the hard
   * rules are deferred with the others: `hardScore` returns the total as last evaluated, and
   * the next `commit`, `score` or `board` evaluates every rule of every subject changed. The
   * caller compares the hard total then (construct.ts does, and builds again checked after
   * every placement when the catalogue disagrees).
   *
   * @example
   * ```ts
   * const hard = state.hardScore();
   * state.trustFastChecks(true);
   * build();
   * state.trustFastChecks(false);
   * state.commit();
   * if (state.hardScore() > hard) rebuildChecked();
   * ```
   */
  trustFastChecks(on: boolean): void {
    // Turned off, the next `commit` brings every rule current (call it before reading the score).
    this.trusting = on;
  }

  /** Evaluates the hard rules of every touched subject; the others wait (deferred). */
  private rescoreHard(): void {
    this.deferring = true;
    if (this.trusting) {
      // Every rule waits, the hard ones too.
      this.hardStale = true;
      this.deferTouched();
      return;
    }
    const board = this.scores;
    for (const m of this.touchedMeetings.items) if (m < this.meetings.length) board.evaluateLevel(this, 'meeting', m, true, true);
    for (const p of this.touchedPatients.items) board.evaluateLevel(this, 'patient', p, true, true);
    for (const s of this.touchedStaff.items) board.evaluateLevel(this, 'staff', s, true, true);
    for (const r of this.touchedRooms.items) board.evaluateLevel(this, 'room', r, true, true);
    this.deferTouched();
  }

  /** Moves every touched subject to the deferred ones (their hard rules are current). */
  private deferTouched(): void {
    for (const m of this.touchedMeetings.items) this.deferredMeetings.add(m);
    for (const p of this.touchedPatients.items) this.deferredPatients.add(p);
    for (const s of this.touchedStaff.items) this.deferredStaff.add(s);
    for (const r of this.touchedRooms.items) this.deferredRooms.add(r);
    this.untouch();
  }

  /**
   * Evaluates the requirement and soft rules of the deferred subjects, outside the undo journal:
   * an undo back past this point marks every subject it changes as deferred again, and a subject
   * it does not change keeps values that hold for it before and after.
   */
  private evaluateDeferred(): void {
    const board = this.scores;
    // Past the end too: an undo that dropped an appended slot restores no value written here.
    // With the hard rules stale as well (construction trusting the fast checks), every rule of a
    // subject in one evaluation: one memo scope, so a patient's week is measured once for the
    // hard rules and the others, not once for each (rules are functions of the timetable, so the
    // order they run in changes no value).
    const hard = this.hardStale;
    this.hardStale = false;
    if (hard) {
      for (const m of this.deferredMeetings.items) board.evaluate(this, 'meeting', m, false);
      for (const p of this.deferredPatients.items) board.evaluate(this, 'patient', p, false);
      for (const s of this.deferredStaff.items) board.evaluate(this, 'staff', s, false);
      for (const r of this.deferredRooms.items) board.evaluate(this, 'room', r, false);
    } else {
      for (const m of this.deferredMeetings.items) board.evaluateLevel(this, 'meeting', m, false, false);
      for (const p of this.deferredPatients.items) board.evaluateLevel(this, 'patient', p, false, false);
      for (const s of this.deferredStaff.items) board.evaluateLevel(this, 'staff', s, false, false);
      for (const r of this.deferredRooms.items) board.evaluateLevel(this, 'room', r, false, false);
    }
    this.deferredMeetings.clear();
    this.deferredPatients.clear();
    this.deferredStaff.clear();
    this.deferredRooms.clear();
  }

  /** Adds a meeting in a free slot; returns its index. */
  add(meeting: PlacedMeeting): number {
    const reused = this.free.length > 0;
    const index = reused ? this.free.pop()! : this.meetings.length;
    if (!reused) this.meetings.push(undefined);
    this.log.push({ index, old: undefined, freed: false, allocated: reused, checkpoint: this.scores.checkpoint() });
    this.place(index, meeting);
    return index;
  }

  /** Replaces the meeting at `index` (which must exist). */
  replace(index: number, meeting: PlacedMeeting): void {
    this.log.push({ index, old: this.meetings[index], freed: false, allocated: false, checkpoint: this.scores.checkpoint() });
    this.place(index, meeting);
  }

  /** Removes the meeting at `index`; its slot becomes free. */
  remove(index: number): void {
    this.log.push({ index, old: this.meetings[index], freed: true, allocated: false, checkpoint: this.scores.checkpoint() });
    this.place(index, undefined);
    this.free.push(index);
  }

  /**
   * Undoes every change after `mark`, newest first. The score returns to what it was at `mark`
   * through the board's journal (the timetable then was scored: `mark` makes sure of it).
   */
  rollback(mark: number): void {
    if (this.log.length <= mark) {
      this.rescore();
      return;
    }
    const checkpoint = this.log[mark]!.checkpoint;
    while (this.log.length > mark) {
      const entry = this.log.pop()!;
      if (entry.freed) this.free.pop();
      this.place(entry.index, entry.old);
      if (entry.old === undefined) {
        if (entry.allocated) this.free.push(entry.index);
        else if (entry.index === this.meetings.length - 1) this.meetings.pop(); // appended by `add`: drop it again
      }
    }
    // The journal restores the hard rules exactly (they were current at `mark`); while scoring is
    // deferred the others may not have been, so what the undo changed is evaluated again later.
    // Trusting the fast checks, the hard rules were not current either.
    if (this.trusting) this.hardStale = true;
    if (this.deferring) this.deferTouched();
    else this.untouch();
    this.scores.restore(checkpoint);
  }

  /**
   * Makes the timetable `snapshot` again (an earlier `meetings.slice()`: meetings are never
   * changed in place, so an unchanged slot holds the same object), through logged changes.
   */
  restoreTo(snapshot: ReadonlyArray<PlacedMeeting | undefined>): void {
    const length = Math.max(this.meetings.length, snapshot.length);
    for (let index = 0; index < length; index++) {
      const current = this.meetings[index];
      const wanted = snapshot[index];
      if (current === wanted) continue;
      if (wanted === undefined) this.remove(index);
      else if (current !== undefined) this.replace(index, wanted);
      else {
        // A free slot (or past the end): take it off the free stack and fill it.
        while (this.meetings.length <= index) {
          this.free.push(this.meetings.length);
          this.meetings.push(undefined);
        }
        const at = this.free.indexOf(index);
        if (at >= 0) this.free.splice(at, 1);
        this.log.push({ index, old: undefined, freed: false, allocated: true, checkpoint: this.scores.checkpoint() });
        this.place(index, wanted);
      }
    }
  }

  /**
   * The weighted penalty patient `p` carries at `level` in the timetable as it is, or would carry
   * with `probe` added: a session of `p` alone with no staff and no room, put for the evaluation
   * only where `add` would put it (see `ScoreBoard.peek`). Nothing is logged, touched or scored,
   * so the board need not be current (nor is it made so): a move weighs many such probes between
   * two scorings. Without a probe, a patient untouched since the last scoring is read off the
   * board (as `shortfall` reads it); only one a change touched since is evaluated.
   *
   * @example
   * ```ts
   * const gain = state.peekWith(p, 'requirement') - state.peekWith(p, 'requirement', { ...session, patients: [p], staff: [], room: -1 });
   * ```
   */
  peekWith(p: number, level: Rule['level'], probe?: PlacedMeeting): number {
    if (probe === undefined) return this.unscored || this.touchedPatients.has(p) ? this.scores.peek(this, 'patient', p, level) : this.board.subjectPenalty('patient', p, level);
    if (probe.staff.length > 0 || probe.room >= 0 || probe.patients.length !== 1 || probe.patients[0] !== p) throw new Error('peekWith: a probe holds patient p alone, with no staff and no room');
    const reused = this.free.length > 0;
    const index = reused ? this.free[this.free.length - 1]! : this.meetings.length;
    this.meetings[index] = probe;
    const mine = this.patientMeetings[p]!;
    mine.push(index);
    try {
      return this.scores.peek(this, 'patient', p, level);
    } finally {
      mine.pop();
      if (reused) this.meetings[index] = undefined;
      else this.meetings.length = index;
    }
  }

  /** Calls `visit` for every patient in a meeting changed since `mark`, before or after the change (repeats possible). */
  forEachPatientChangedSince(mark: number, visit: (patient: number) => void): void {
    for (let at = mark; at < this.log.length; at++) {
      const entry = this.log[at]!;
      for (const p of entry.old?.patients ?? []) visit(p);
      for (const p of this.meetings[entry.index]?.patients ?? []) visit(p);
    }
  }

  /** Re-evaluates every touched subject. */
  rescore(): void {
    const board = this.scores;
    if (this.unscored) {
      this.unscored = false;
      this.untouch();
      board.evaluateAll(this);
      return;
    }
    for (const m of this.touchedMeetings.items) if (m < this.meetings.length) board.evaluate(this, 'meeting', m);
    for (const p of this.touchedPatients.items) board.evaluate(this, 'patient', p);
    for (const s of this.touchedStaff.items) board.evaluate(this, 'staff', s);
    for (const r of this.touchedRooms.items) board.evaluate(this, 'room', r);
    this.untouch();
  }


  score(): Score {
    if (this.unscored) this.rescore();
    if (this.deferring) this.evaluateDeferred();
    return this.scores.score();
  }
}
