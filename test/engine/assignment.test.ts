import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assign, type AssignmentProblem } from '../../src/engine/chains/assignment.js';

/** The best value over every assignment that fills the minima (null when none does), by enumeration. */
function bruteForce(problem: AssignmentProblem): number | null {
  const items = problem.values.length;
  const bins = problem.capacity.length;
  let best: number | null = null;
  const choice = new Array<number>(items).fill(-1);
  const visit = (i: number): void => {
    if (i === items) {
      const count = new Array<number>(bins).fill(0);
      let value = 0;
      for (let k = 0; k < items; k++) {
        if (choice[k]! < 0) continue;
        count[choice[k]!]! += 1;
        value += problem.values[k]![choice[k]!]!;
      }
      if (count.some((c, b) => c > problem.capacity[b]! || c < problem.minimum[b]!)) return;
      if (best === null || value > best) best = value;
      return;
    }
    for (let b = -1; b < bins; b++) {
      if (b >= 0 && problem.values[i]![b] === null) continue;
      choice[i] = b;
      visit(i + 1);
    }
    choice[i] = -1;
  };
  visit(0);
  return best;
}

const problems = fc.integer({ min: 1, max: 3 }).chain((bins) =>
  fc.record({
    values: fc.array(fc.array(fc.option(fc.integer({ min: -5, max: 12 }), { nil: null, freq: 4 }), { minLength: bins, maxLength: bins }), { minLength: 0, maxLength: 6 }),
    capacity: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: bins, maxLength: bins }),
    minimum: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: bins, maxLength: bins }),
  }),
);

describe('assign', () => {
  it('seats the most valuable items within capacity and leaves the rest out', () => {
    const result = assign({ values: [[5], [9], [-1], [7]], capacity: [2], minimum: [0] });
    expect(result.bins).toEqual([-1, 0, -1, 0]);
    expect(result.value).toBe(16);
    expect(result.minimaMet).toBe(true);
  });

  it('fills a minimum with items of negative value when nothing better can', () => {
    const result = assign({ values: [[3], [-2], [-4]], capacity: [3], minimum: [3] });
    expect(result.bins).toEqual([0, 0, 0]);
    expect(result.value).toBe(-3);
    expect(result.minimaMet).toBe(true);
  });

  it('moves an item to its second choice when that frees a seat worth more', () => {
    // Item 0 prefers bin 0 (10 against 8), but item 1 can only go to bin 0 and is worth 9 there.
    const result = assign({ values: [[10, 8], [9, null]], capacity: [1, 1], minimum: [0, 0] });
    expect(result.bins).toEqual([1, 0]);
    expect(result.value).toBe(17);
  });

  it('reports minima it cannot fill', () => {
    expect(assign({ values: [[1, null]], capacity: [2, 2], minimum: [0, 1] }).minimaMet).toBe(false);
  });

  it('finds the value enumeration finds, whenever the minima can be met', () => {
    fc.assert(
      fc.property(problems, (problem) => {
        const result = assign(problem);
        const best = bruteForce(problem);
        const count = new Array<number>(problem.capacity.length).fill(0);
        for (const [i, b] of result.bins.entries()) {
          if (b < 0) continue;
          expect(problem.values[i]![b]).not.toBeNull();
          count[b]! += 1;
        }
        count.forEach((c, b) => expect(c).toBeLessThanOrEqual(problem.capacity[b]!));
        if (best === null) {
          expect(result.minimaMet).toBe(false);
        } else {
          expect(result.minimaMet).toBe(true);
          expect(result.value).toBe(best);
        }
      }),
      { numRuns: 400 },
    );
  });
});
