import { describe, expect, it } from 'vitest';
import { compileProblem } from '../../src/compiled/compile.js';
import { servedBound } from '../../src/diagnose/bound.js';
import { solve } from '../../src/pipeline/solve.js';
import { generateProgram } from '../../bench/generate.js';

describe('servedBound on generated clinics', () => {
  it('is never below the patients a solve fully serves (over-full generated clinics)', () => {
    for (const seed of [3, 1]) {
      const problem = generateProgram({ patients: 30, seed, tightness: 1.6 });
      const bound = servedBound(compileProblem(problem));
      const { report } = solve(problem, { seed: 1, maxIterations: 500, timeLimitMs: 60_000 });
      const served = report.patients.filter((row) => row.met).length;
      expect(bound.patients).toBeGreaterThanOrEqual(served);
      // Seed 3's licensed staff cannot lead every group and individual session (26 of 30 at most).
      if (seed === 3) expect(bound.patients).toBeLessThan(bound.total);
    }
  });
});
