/**
 * The worker's side of `solveInWorker`, shared by the Node and the Web Worker entries: solve the
 * problem it was given and post the result. Aborting is the shared flag, polled by every phase
 * through the solve's budget: the worker's event loop is busy solving, so it could not read a
 * message in time.
 *
 * @module
 */
import { ProblemError } from '../model/issue.js';
import type { AbortFlag } from '../time/budget.js';
import { solve } from '../pipeline/solve.js';
import type { WorkerInput, WorkerMessage } from './protocol.js';

/**
 * Solves `input` and posts progress, then one final message.
 *
 * @example
 * ```ts
 * runInWorker(workerData as WorkerInput, (message) => parentPort!.postMessage(message));
 * ```
 */
export function runInWorker(input: WorkerInput, post: (message: WorkerMessage) => void): void {
  const flag = input.abortFlag;
  const signal: AbortFlag | undefined = flag
    ? {
        get aborted(): boolean {
          return Atomics.load(flag, 0) === 1;
        },
      }
    : undefined;
  try {
    const result = solve(input.problem, {
      ...input.options,
      ...(signal ? { signal: signal as AbortSignal } : {}),
      ...(input.progress ? { onProgress: (progress) => post({ type: 'progress', progress }) } : {}),
    });
    post({ type: 'done', result });
  } catch (error) {
    if (error instanceof ProblemError) post({ type: 'invalid', issues: error.issues });
    else post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
}
