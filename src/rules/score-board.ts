/**
 * Per-rule, per-subject penalties with running totals. `checkSchedule` fills one from scratch;
 * the solver keeps one and re-evaluates only the subjects a move touched. Both call the same
 * rule functions, so the incremental score equals the score from scratch.
 */
import type { Score } from '../model/report.js';
import { closeEvaluationScope, openEvaluationScope } from './evaluation-scope.js';
import { PATIENTS_SHORT } from './patients-short.js';
import type { Emit, Rule, RuleContext, RuleScope, ViolationDetail } from './types.js';

const SCOPES: readonly RuleScope[] = ['meeting', 'patient', 'staff', 'room'];

/** Number of subjects of a scope in a context. */
export function subjectCount(ctx: RuleContext, scope: RuleScope): number {
  switch (scope) {
    case 'meeting':
      return ctx.meetings.length;
    case 'patient':
      return ctx.problem.patients.length;
    case 'staff':
      return ctx.problem.staff.length;
    case 'room':
      return ctx.problem.rooms.length;
  }
}

/**
 * The weight a rule scores with: a soft rule's from `weights` or its default; a hard or
 * requirement rule weighs 1, except that `weights` may switch the triage rule off with 0 (the
 * pipeline's `triage: 'spread'`; users cannot weigh it, `resolveWeights` refuses).
 *
 * @example
 * ```ts
 * ruleWeight(patientsShort, new Map([TRIAGE_OFF])); // 0
 * ```
 */
export function ruleWeight(rule: Rule, weights: ReadonlyMap<string, number>): number {
  if (rule.level === 'soft') return weights.get(rule.code) ?? rule.defaultWeight ?? 1;
  return rule.code === PATIENTS_SHORT && weights.get(rule.code) === 0 ? 0 : 1;
}

export class ScoreBoard {
  readonly rules: readonly Rule[];
  /** Weight per rule (same order as `rules`). */
  readonly weights: Float64Array;
  /**
   * penalties[rule][subject], violations[rule][subject]; a subject past the end reads 0. Typed
   * arrays grown on the first breach past their end: plain arrays written at scattered subjects
   * (a requirement rule breached by a few patients of many) fell back to dictionary elements, a
   * hash look-up for every subject evaluated (three rules' arrays after a 2,000-patient
   * construction).
   */
  private readonly penalties: Float64Array[];
  private readonly counts: Int32Array[];
  private readonly totalPenalty: Float64Array;
  private readonly totalCount: Float64Array;
  private readonly rulesByScope: Map<RuleScope, number[]>;
  /** The hard rules of each scope, and the others (requirement and soft), for scoring in two steps. */
  private readonly hardByScope: Map<RuleScope, number[]>;
  private readonly otherByScope: Map<RuleScope, number[]>;
  /**
   * The rules of each scope at each level, in board order: `peek` and `subjectPenalty` (every
   * shortfall the moves read) walk one level's rules instead of the whole scope's.
   */
  private readonly levelByScope: Map<RuleScope, Record<Rule['level'], number[]>>;
  /**
   * Undo journal: (rule, subject, previous penalty, previous count) per value changed since
   * `checkpoint`, so `restore` returns to a checkpoint without evaluating any rule again.
   */
  private journal: number[] = [];

  /**
   * Each rule's `evaluate`, read once: the rules are object literals of several shapes, so
   * reading the method off the rule at every evaluation was a megamorphic load in the solver's
   * hottest loop.
   */
  private readonly evaluators: ReadonlyArray<Rule['evaluate']>;

  constructor(rules: readonly Rule[], weights: ReadonlyMap<string, number>) {
    this.rules = rules;
    this.evaluators = rules.map((rule) => rule.evaluate);
    this.weights = Float64Array.from(rules, (rule) => ruleWeight(rule, weights));
    this.penalties = rules.map(() => new Float64Array(0));
    this.counts = rules.map(() => new Int32Array(0));
    this.totalPenalty = new Float64Array(rules.length);
    this.totalCount = new Float64Array(rules.length);
    this.rulesByScope = new Map(SCOPES.map((scope) => [scope, [] as number[]]));
    this.hardByScope = new Map(SCOPES.map((scope) => [scope, [] as number[]]));
    this.otherByScope = new Map(SCOPES.map((scope) => [scope, [] as number[]]));
    this.levelByScope = new Map(SCOPES.map((scope) => [scope, { hard: [], requirement: [], soft: [] }]));
    rules.forEach((rule, index) => {
      if (this.weights[index] === 0) return;
      this.rulesByScope.get(rule.scope)!.push(index);
      this.levelByScope.get(rule.scope)![rule.level].push(index);
      (rule.level === 'hard' ? this.hardByScope : this.otherByScope).get(rule.scope)!.push(index);
    });
  }

  /** Running sums of the rule being evaluated; one emit closure for the board's lifetime. */
  private pending = 0;
  private pendingCount = 0;
  private readonly emit: Emit = (amount) => {
    this.pending += amount;
    this.pendingCount += 1;
  };

  /**
   * Re-evaluates every rule of `scope` on one subject, updating totals; `journal: false` records
   * nothing for `restore` (see {@link ScoreBoard.evaluateLevel}).
   */
  evaluate(ctx: RuleContext, scope: RuleScope, subject: number, journal = true): void {
    this.evaluateRules(ctx, this.rulesByScope.get(scope)!, subject, journal);
  }

  /**
   * Re-evaluates only the hard rules of `scope` on one subject (`hard`), or only the others, updating
   * totals; `journal: false` records nothing for `restore` (the caller takes care that no restore
   * needs these values: see SolverState's deferred scoring). Construction needs the hard total
   * after every placement but the rest only when it reads it: scoring in two steps lets it
   * evaluate the requirement and soft rules once for a patient placed many times.
   *
   * @example
   * ```ts
   * board.evaluateLevel(state, 'patient', 3, true, true); // the hard total is current for patient 3
   * ```
   */
  evaluateLevel(ctx: RuleContext, scope: RuleScope, subject: number, hard: boolean, journal: boolean): void {
    this.evaluateRules(ctx, (hard ? this.hardByScope : this.otherByScope).get(scope)!, subject, journal);
  }

  private evaluateRules(ctx: RuleContext, ruleIndexes: readonly number[], subject: number, journal: boolean): void {
    const opened = openEvaluationScope();
    const rules = this.rules;
    const evaluators = this.evaluators;
    const emit = this.emit;
    try {
      for (let k = 0; k < ruleIndexes.length; k++) {
        const ruleIndex = ruleIndexes[k]!;
        this.pending = 0;
        this.pendingCount = 0;
        evaluators[ruleIndex]!.call(rules[ruleIndex], ctx, subject, emit);
        const oldPenalty = this.penalties[ruleIndex]![subject] ?? 0;
        const oldCount = this.counts[ruleIndex]![subject] ?? 0;
        if (oldPenalty === this.pending && oldCount === this.pendingCount) continue;
        if (journal) this.journal.push(ruleIndex, subject, oldPenalty, oldCount);
        this.totalPenalty[ruleIndex]! += this.pending - oldPenalty;
        this.totalCount[ruleIndex]! += this.pendingCount - oldCount;
        this.set(ruleIndex, subject, this.pending, this.pendingCount);
      }
    } finally {
      if (opened) closeEvaluationScope();
    }
  }

  /** Writes one subject's penalty and count for a rule, growing its arrays when the subject is past their end. */
  private set(ruleIndex: number, subject: number, penalty: number, count: number): void {
    let penalties = this.penalties[ruleIndex]!;
    if (subject >= penalties.length) {
      // Doubling: the meetings' subjects grow one slot at a time while a timetable is built.
      const size = Math.max(subject + 1, 2 * penalties.length, 16);
      penalties = new Float64Array(size);
      penalties.set(this.penalties[ruleIndex]!);
      this.penalties[ruleIndex] = penalties;
      const counts = new Int32Array(size);
      counts.set(this.counts[ruleIndex]!);
      this.counts[ruleIndex] = counts;
    }
    penalties[subject] = penalty;
    this.counts[ruleIndex]![subject] = count;
  }

  /** A position in the undo journal (see `restore`). */
  checkpoint(): number {
    return this.journal.length;
  }

  /**
   * Puts back every penalty changed since `checkpoint` (newest first), exactly: penalties are
   * integers, so the totals return to the same values. The caller restores the timetable itself.
   */
  restore(checkpoint: number): void {
    const journal = this.journal;
    for (let at = journal.length - 4; at >= checkpoint; at -= 4) {
      const ruleIndex = journal[at]!;
      const subject = journal[at + 1]!;
      this.totalPenalty[ruleIndex]! += journal[at + 2]! - (this.penalties[ruleIndex]![subject] ?? 0);
      this.totalCount[ruleIndex]! += journal[at + 3]! - (this.counts[ruleIndex]![subject] ?? 0);
      this.set(ruleIndex, subject, journal[at + 2]!, journal[at + 3]!);
    }
    journal.length = Math.min(journal.length, checkpoint);
  }

  /** Forgets the undo journal: no `restore` will go back past this point. */
  forget(): void {
    this.journal.length = 0;
  }

  /** Evaluates every subject of every scope. */
  evaluateAll(ctx: RuleContext): void {
    for (const scope of SCOPES) {
      const n = subjectCount(ctx, scope);
      for (let subject = 0; subject < n; subject++) this.evaluate(ctx, scope, subject);
    }
    this.forget();
  }

  /**
   * The weighted total of the hard rules alone (what `score().hard` says, without building a score).
   *
   * @example
   * ```ts
   * if (board.hardTotal() > before) state.rollback(mark);
   * ```
   */
  hardTotal(): number {
    let total = 0;
    for (let index = 0; index < this.rules.length; index++) {
      if (this.rules[index]!.level === 'hard') total += this.totalPenalty[index]! * this.weights[index]!;
    }
    return total;
  }

  score(): Score {
    const score: Score = { hard: 0, requirement: 0, soft: 0 };
    for (let index = 0; index < this.rules.length; index++) {
      score[this.rules[index]!.level] += this.totalPenalty[index]! * this.weights[index]!;
    }
    return score;
  }

  /**
   * Weighted penalty `subject` would carry at `level` in `ctx` as it is now, evaluating only that
   * level's rules and recording nothing: a what-if for a change the caller makes and takes back
   * without scoring it (what a probe session would gain a patient).
   */
  peek(ctx: RuleContext, scope: RuleScope, subject: number, level: Rule['level']): number {
    const opened = openEvaluationScope();
    let total = 0;
    const ruleIndexes = this.levelByScope.get(scope)![level];
    try {
      for (let k = 0; k < ruleIndexes.length; k++) {
        const ruleIndex = ruleIndexes[k]!;
        this.pending = 0;
        this.evaluators[ruleIndex]!.call(this.rules[ruleIndex], ctx, subject, this.emit);
        total += this.pending * this.weights[ruleIndex]!;
      }
    } finally {
      if (opened) closeEvaluationScope();
    }
    return total;
  }

  /** Weighted penalty one subject carries at one level (e.g. a patient's requirement shortfall). */
  subjectPenalty(scope: RuleScope, subject: number, level: Rule['level']): number {
    let total = 0;
    const ruleIndexes = this.levelByScope.get(scope)![level];
    for (let k = 0; k < ruleIndexes.length; k++) {
      const ruleIndex = ruleIndexes[k]!;
      total += (this.penalties[ruleIndex]![subject] ?? 0) * this.weights[ruleIndex]!;
    }
    return total;
  }

  /** Breaches rule `ruleIndex` reported on `subject` when last evaluated (0 when never). */
  subjectViolations(ruleIndex: number, subject: number): number {
    return this.counts[ruleIndex]![subject] ?? 0;
  }

  /** Sum of penalties and violation count of one rule. */
  ruleTotals(ruleIndex: number): { penalty: number; violations: number } {
    return { penalty: this.totalPenalty[ruleIndex]!, violations: this.totalCount[ruleIndex]! };
  }
}

/** Every breach one rule reports on one subject, with details built. */
export function collectViolations(
  rule: Rule,
  ctx: RuleContext,
  subject: number,
): Array<{ penalty: number; detail: ViolationDetail }> {
  const found: Array<{ penalty: number; detail: ViolationDetail }> = [];
  rule.evaluate(ctx, subject, (penalty, detail) => found.push({ penalty, detail: detail() }));
  return found;
}

/** Lexicographic comparison: negative when `a` is better than `b`. */
export function compareScores(a: Score, b: Score): number {
  if (a.hard !== b.hard) return a.hard - b.hard;
  if (a.requirement !== b.requirement) return a.requirement - b.requirement;
  return a.soft - b.soft;
}
