/**
 * `solveInWorker`: the same solve off the calling thread, so a service's event loop or a page
 * is never blocked. Same problem, seed and iteration budget give the same timetable as `solve`.
 *
 * The thread comes from the platform: Node's `worker_threads` (`thread-node.ts`) or a browser's
 * Web Worker (`thread-web.ts`). The built package picks one through its `#thread` import
 * (`node` condition, else the browser's), so the main entry imports no Node built-in; run from
 * source it is the Node one. Where no worker can be started, it solves on the calling thread
 * after yielding once, so the call still works.
 *
 * Validation runs in the worker too (a large problem takes a second to validate, which would
 * block the caller and delay an abort timer); its issues come back as a `ProblemError`.
 *
 * @module
 */
import type { Problem } from '../model/problem.js';
import type { SolveOptions } from '../model/options.js';
import type { Solution } from '../model/schedule.js';
import { ProblemError } from '../model/issue.js';
import { solve } from '../pipeline/solve.js';
import type { WorkerMessage } from './protocol.js';
// The build replaces this import with the package's `#thread` (see tsup.config.ts).
import { startThread } from './thread-node.js';

/**
 * Milliseconds `solveInWorker` waits, after its signal aborts, for the worker's best timetable
 * before it rejects with the abort reason instead: the worker answers within a few milliseconds
 * from construction or search, but not while it is still starting, validating or compiling a
 * large problem (the floor: about 0.3 s at 1,000 patients), nor while a large week's report is written.
 */
export const ABORT_GRACE_MS = 80;

/** The signal's reason, or an `AbortError` as `fetch` and `timers/promises` give. */
function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('This operation was aborted', 'AbortError');
}

function inProcess(problem: Problem, options: SolveOptions, resolve: (result: Solution) => void, reject: (error: unknown) => void): void {
  // setTimeout rather than setImmediate: browsers have no setImmediate.
  setTimeout(() => {
    try {
      resolve(solve(problem, options));
    } catch (error) {
      reject(error);
    }
  }, 0);
}

/**
 * Solves in a worker (a Node worker thread, or a module Web Worker in a browser). `onProgress`
 * is called on the calling thread.
 *
 * Aborting (`signal`): the promise settles within about 0.1 s of the abort, whatever the size:
 * - with the best timetable found so far (`stats.stoppedBecause: 'aborted'`, causes
 *   `not-analysed`, or `not-reached` for patients construction never came to) when the worker
 *   answers within 80 ms (`ABORT_GRACE_MS`) of the abort, which it
 *   does once construction has begun (the usual case after the first `onProgress` call);
 * - else rejected with `signal.reason` (an `AbortError` unless given), the worker stopped: it
 *   was still starting, validating or compiling and had no timetable yet;
 * - in a browser page that is not cross-origin isolated (no `SharedArrayBuffer`), the worker
 *   cannot be asked for its best timetable: it is terminated at once and the promise rejects
 *   with `signal.reason`;
 * - an already aborted signal rejects at once, without starting a worker (as `fetch` does).
 *
 * In a browser the worker is `dist/browser/worker.js`, loaded beside the package's code with
 * `new URL('./worker.js', import.meta.url)` (Vite and webpack emit it; with esbuild, copy it
 * next to your bundle).
 *
 * @throws {ProblemError} (as a rejected promise) when `problem` is invalid.
 * @throws the signal's abort reason (as a rejected promise), as above.
 *
 * @example
 * ```ts
 * const controller = new AbortController();
 * const pending = solveInWorker(problem, { seed: 7, maxIterations: 20000, signal: controller.signal });
 * const { schedule, report } = await pending;
 * ```
 */
export function solveInWorker(problem: Problem, options: SolveOptions = {}): Promise<Solution> {
  return solveInWorkerWithin(problem, options, ABORT_GRACE_MS);
}

/**
 * {@link solveInWorker} with the grace after an abort given (tests give a generous one, so that
 * the outcome does not depend on how fast the machine is).
 *
 * @example
 * ```ts
 * const { report } = await solveInWorkerWithin(problem, { signal }, 60_000);
 * ```
 */
export function solveInWorkerWithin(problem: Problem, options: SolveOptions, graceMs: number): Promise<Solution> {
  return new Promise<Solution>((resolve, reject) => {
    const { signal, onProgress, ...plain } = options;
    if (signal?.aborted) {
      reject(abortReason(signal));
      return;
    }
    let settled = false;
    let grace: ReturnType<typeof setTimeout> | undefined;
    let thread: ReturnType<typeof startThread>;
    const finish = (action: () => void): void => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', abort);
      if (grace !== undefined) clearTimeout(grace);
      action();
      thread?.terminate();
    };
    const abort = (): void => {
      const flag = thread?.abortFlag;
      if (!flag) {
        finish(() => reject(abortReason(signal!)));
        return;
      }
      Atomics.store(flag, 0, 1);
      // Every phase in the worker polls the flag; if it cannot answer in time, give up on it.
      grace = setTimeout(() => finish(() => reject(abortReason(signal!))), graceMs);
    };
    thread = startThread(
      { problem, options: plain, progress: onProgress !== undefined },
      {
        message: (message: WorkerMessage) => {
          if (message.type === 'progress') onProgress?.(message.progress);
          else if (message.type === 'done') finish(() => resolve(message.result));
          else if (message.type === 'invalid') finish(() => reject(new ProblemError(message.issues)));
          else finish(() => reject(new Error(`solveInWorker: ${message.message}`)));
        },
        // From source without a usable tsx, solve here rather than fail.
        failed: (error, retryInProcess) => finish(() => (retryInProcess ? inProcess(problem, options, resolve, reject) : reject(error))),
      },
    );
    if (!thread) {
      inProcess(problem, options, resolve, reject);
      return;
    }
    signal?.addEventListener('abort', abort, { once: true });
  });
}
