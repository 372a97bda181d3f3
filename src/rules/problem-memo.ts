/**
 * Facts derived from a compiled problem alone, memoised per problem. A `CompiledProblem` is never
 * mutated after `compileProblem`, so these memos are always correct; they spare the solver's hot
 * path from re-resolving hours rules and from allocating sets on every evaluation.
 */
import type { CompiledProblem } from '../compiled/compile.js';

// The hours rules are memoised one floor down, where the solver's tables read them too.
export { resolvedRules } from '../compiled/hours-rules.js';

interface ProblemMemo {
  /** Scratch marks for counting distinct patients without a Set (see `DistinctCounter`). */
  patientMarks: DistinctCounter;
  staffMarks: DistinctCounter;
}

const memos = new WeakMap<CompiledProblem, ProblemMemo>();

function memoOf(problem: CompiledProblem): ProblemMemo {
  let memo = memos.get(problem);
  if (!memo) {
    memo = {
      patientMarks: new DistinctCounter(problem.patients.length),
      staffMarks: new DistinctCounter(problem.staff.length),
    };
    memos.set(problem, memo);
  }
  return memo;
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
