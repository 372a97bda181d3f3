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
  /** Per homogeneity prefix, each patient's class (see {@link prefixTagClasses}). */
  prefixClasses: Map<string, Int32Array>;
}

const memos = new WeakMap<CompiledProblem, ProblemMemo>();

function memoOf(problem: CompiledProblem): ProblemMemo {
  let memo = memos.get(problem);
  if (!memo) {
    memo = {
      patientMarks: new DistinctCounter(problem.patients.length),
      staffMarks: new DistinctCounter(problem.staff.length),
      prefixClasses: new Map(),
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

/**
 * Per patient, a number for the set of their tags under `prefix`: two patients share it exactly
 * when they hold the same such tags (order and repeats aside; none is a set of its own). The
 * homogeneity rule compares these instead of matching tag strings both ways for every pair of a
 * meeting, on every evaluation.
 *
 * @example
 * ```ts
 * const classes = prefixTagClasses(problem, 'age:');
 * classes[0] === classes[1]; // patients 0 and 1 hold the same 'age:' tags
 * ```
 */
export function prefixTagClasses(problem: CompiledProblem, prefix: string): Int32Array {
  const memo = memoOf(problem);
  let classes = memo.prefixClasses.get(prefix);
  if (classes === undefined) {
    const numbered = new Map<string, number>();
    classes = new Int32Array(problem.patients.length);
    problem.patients.forEach((patient, p) => {
      const key = JSON.stringify([...new Set(patient.tags.filter((tag) => tag.startsWith(prefix)))].sort());
      let id = numbered.get(key);
      if (id === undefined) numbered.set(key, (id = numbered.size));
      classes![p] = id;
    });
    memo.prefixClasses.set(prefix, classes);
  }
  return classes;
}
