import { describe, expect, it } from 'vitest';
import { solve } from '../../src/pipeline/solve.js';
import { solveInWorker, solveInWorkerWithin } from '../../src/worker/solve-in-worker.js';
import type { Progress } from '../../src/model/options.js';
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

  it('returns the best timetable so far when aborted while it runs (the worker answering within the grace)', async () => {
    const controller = new AbortController();
    const onProgress = (p: Progress): void => {
      if (p.phase === 'construct') controller.abort();
    };
    // A generous grace: the outcome must not depend on how busy the machine is.
    const { report } = await solveInWorkerWithin(clinic(), { timeLimitMs: 60_000, signal: controller.signal, onProgress }, 60_000);
    expect(report.stats?.stoppedBecause).toBe('aborted');
    expect(report.stats?.iterations).toBe(0);
    expect(report.feasible).toBe(true);
  });

  it('rejects at once with the abort reason when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort(new Error('cancelled by the clinic'));
    await expect(solveInWorker(clinic(), { signal: controller.signal })).rejects.toThrow('cancelled by the clinic');
  });

  it('rejects with an AbortError when the worker cannot answer within the grace after an abort', async () => {
    const controller = new AbortController();
    // Grace 0: the worker is still starting when the abort comes, so it has no timetable to give.
    const pending = solveInWorkerWithin(clinic(), { timeLimitMs: 60_000, signal: controller.signal }, 0);
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('rejects an invalid problem with a ProblemError', async () => {
    await expect(solveInWorker(null as never)).rejects.toBeInstanceOf(ProblemError);
  });
});
