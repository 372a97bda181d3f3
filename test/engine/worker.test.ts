import { describe, expect, it } from 'vitest';
import { solve } from '../../src/engine/solve.js';
import { solveInWorker } from '../../src/engine/worker.js';
import { ProblemError } from '../../src/model/issue.js';
import { clinic } from './scenario-kit.js';

describe('solveInWorker', () => {
  it('returns the same timetable as solve for the same seed and iteration budget, and reports progress', async () => {
    const problem = clinic();
    const options = { seed: 5, maxIterations: 200, timeLimitMs: 60_000 };
    const progress: number[] = [];
    const inWorker = await solveInWorker(problem, { ...options, onProgress: (p) => progress.push(p.iteration) });
    const direct = solve(problem, options);
    expect(inWorker.schedule).toEqual(direct.schedule);
    expect(inWorker.report.score).toEqual(direct.report.score);
    expect(progress.length).toBeGreaterThan(0);
  });

  it('returns the best timetable so far when aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const { report } = await solveInWorker(clinic(), { timeLimitMs: 60_000, signal: controller.signal });
    expect(report.stats?.stoppedBecause).toBe('aborted');
    expect(report.feasible).toBe(true);
  });

  it('rejects an invalid problem with a ProblemError', async () => {
    await expect(solveInWorker(null as never)).rejects.toBeInstanceOf(ProblemError);
  });
});
