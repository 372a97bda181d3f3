/**
 * Facts derived from a compiled problem alone, memoised per problem. A `CompiledProblem` is never
 * mutated after `compileProblem`, so these memos are always correct; they spare the solver's hot
 * path from re-resolving hours rules and from allocating sets on every evaluation.
 */
import { resolveHoursRules, type ResolvedHoursRules } from '../input/defaults.js';
import type { CompiledProblem } from '../compiled/compile.js';
import { prorateRules } from '../compiled/partial-week.js';

interface ProblemMemo {
  /** rulesByPatient[patient][track + 1]: resolved rules, built on first use. */
  rulesByPatient: Array<Array<ResolvedHoursRules | undefined> | undefined>;
  /** Scratch marks for counting distinct patients without a Set (see `DistinctCounter`). */
  patientMarks: DistinctCounter;
  staffMarks: DistinctCounter;
}

const memos = new WeakMap<CompiledProblem, ProblemMemo>();

function memoOf(problem: CompiledProblem): ProblemMemo {
  let memo = memos.get(problem);
  if (!memo) {
    memo = {
      rulesByPatient: [],
      patientMarks: new DistinctCounter(problem.patients.length),
      staffMarks: new DistinctCounter(problem.staff.length),
    };
    memos.set(problem, memo);
  }
  return memo;
}

/** The hours rules of `patient` when its rules come from `track` (-1: the program's), minimums scaled for a partial week. */
export function resolvedRules(problem: CompiledProblem, patient: number, track: number): ResolvedHoursRules {
  const memo = memoOf(problem);
  const byTrack = (memo.rulesByPatient[patient] ??= []);
  let rules = byTrack[track + 1];
  if (!rules) {
    const source = problem.source;
    const whole = resolveHoursRules(source.rules, track >= 0 ? source.tracks[track]?.rules : undefined, source.patients[patient]?.rules);
    rules = prorateRules(problem, patient, track, whole);
    byTrack[track + 1] = rules;
  }
  return rules;
}

/**
 * Counts distinct indexes with a reusable mark array: `begin()` starts a new count in O(1), so no
 * Set is built per evaluation. Evaluation is synchronous and rules never nest, so one counter per
 * problem and kind suffices; callers must finish counting before they emit.
 */
export class DistinctCounter {
  private readonly marks: Uint32Array;
  private epoch = 0;

  constructor(size: number) {
    this.marks = new Uint32Array(size);
  }

  /** Starts a new count. */
  begin(): void {
    this.epoch += 1;
    if (this.epoch === 0xffffffff) {
      this.marks.fill(0);
      this.epoch = 1;
    }
  }

  /** Marks `index`; true when it was not marked yet in this count. */
  add(index: number): boolean {
    if (index < 0 || index >= this.marks.length || this.marks[index] === this.epoch) return false;
    this.marks[index] = this.epoch;
    return true;
  }
}

export function patientCounter(problem: CompiledProblem): DistinctCounter {
  return memoOf(problem).patientMarks;
}

export function staffCounter(problem: CompiledProblem): DistinctCounter {
  return memoOf(problem).staffMarks;
}
