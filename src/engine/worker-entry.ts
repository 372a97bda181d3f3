/**
 * The worker thread of `solveInWorker`: runs `solve` on the problem it is given and posts the
 * result back. Aborting is a shared flag every phase polls through the solve's budget (the
 * worker's event loop is busy solving, so it could not receive a message in time).
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { SolveOptions } from '../model/options.js';
import type { Problem } from '../model/problem.js';
import { ProblemError } from '../model/issue.js';
import { solve } from '../pipeline/solve.js';

interface WorkerInput {
  problem: Problem;
  options: Omit<SolveOptions, 'signal' | 'onProgress'>;
  abortFlag: Int32Array;
  progress: boolean;
}

function run(): void {
  const port = parentPort;
  if (!port) return;
  const input = workerData as WorkerInput;
  const signal = {
    get aborted(): boolean {
      return Atomics.load(input.abortFlag, 0) === 1;
    },
  } as AbortSignal;
  try {
    const result = solve(input.problem, {
      ...input.options,
      signal,
      ...(input.progress ? { onProgress: (progress) => port.postMessage({ type: 'progress', progress }) } : {}),
    });
    port.postMessage({ type: 'done', result });
  } catch (error) {
    if (error instanceof ProblemError) port.postMessage({ type: 'invalid', issues: error.issues });
    else port.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
}

run();
