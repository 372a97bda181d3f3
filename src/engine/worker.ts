/**
 * `solveInWorker`: the same solve in a Node worker thread, so a service's event loop is never
 * blocked. Same problem, seed and iteration budget give the same timetable as `solve`.
 *
 * Where the worker code is found: next to the running bundle (`dist/worker.js` beside
 * `dist/index.js`, `dist/worker.cjs` beside `dist/index.cjs`). Run from source (vitest, tsx) it
 * starts `worker-entry.ts` through tsx's loader. When neither exists (an unusual bundler), it
 * solves on the calling thread after yielding once, so the call still works.
 *
 * Validation runs in the worker too (a large problem takes a second to validate, which would
 * block the caller's event loop and delay an abort timer); its issues come back as a `ProblemError`.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Problem } from '../model/problem.js';
import type { Progress, SolveOptions } from '../model/options.js';
import type { Solution } from '../model/schedule.js';
import { ProblemError, type Issue } from '../model/issue.js';
import { solve } from '../pipeline/solve.js';

type Result = Solution;

type WorkerMessage =
  | { type: 'progress'; progress: Progress }
  | { type: 'done'; result: Result }
  | { type: 'invalid'; issues: Issue[] }
  | { type: 'error'; message: string };

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

/** The URL of the module this code runs in, in ESM and CJS builds alike. */
function hereUrl(): string | undefined {
  if (typeof __filename === 'string') return pathToFileURL(__filename).href;
  return (import.meta as { url?: string }).url;
}

function workerLocation(): { url: URL; fromSource: boolean } | undefined {
  const here = hereUrl();
  if (!here) return undefined;
  const extension = /\.(c?js|mjs|ts)$/.exec(here)?.[1];
  if (extension === 'ts') {
    const url = new URL('./worker-entry.ts', here);
    return existsSync(fileURLToPath(url)) ? { url, fromSource: true } : undefined;
  }
  for (const name of extension === 'cjs' ? ['worker.cjs', 'worker.js'] : ['worker.js', 'worker.cjs']) {
    const url = new URL(`./${name}`, here);
    if (existsSync(fileURLToPath(url))) return { url, fromSource: false };
  }
  return undefined;
}

function inProcess(problem: Problem, options: SolveOptions, resolve: (result: Result) => void, reject: (error: unknown) => void): void {
  setImmediate(() => {
    try {
      resolve(solve(problem, options));
    } catch (error) {
      reject(error);
    }
  });
}

/**
 * Solves in a worker thread. `onProgress` is called on the calling thread.
 *
 * Aborting (`signal`): the promise settles within about 0.1 s of the abort, whatever the size:
 * - with the best timetable found so far (`stats.stoppedBecause: 'aborted'`, causes
 *   `not-analysed`) when the worker answers within 80 ms (`ABORT_GRACE_MS`) of the abort, which it
 *   does once construction has begun (the usual case after the first `onProgress` call);
 * - else rejected with `signal.reason` (an `AbortError` unless given), the worker stopped: it
 *   was still starting, validating or compiling and had no timetable yet;
 * - an already aborted signal rejects at once, without starting a worker (as `fetch` does).
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
export function solveInWorker(problem: Problem, options: SolveOptions = {}): Promise<Result> {
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
export function solveInWorkerWithin(problem: Problem, options: SolveOptions, graceMs: number): Promise<Result> {
  return new Promise<Result>((resolve, reject) => {
    const { signal, onProgress, ...plain } = options;
    if (signal?.aborted) {
      reject(abortReason(signal));
      return;
    }
    const location = workerLocation();
    if (!location) {
      inProcess(problem, options, resolve, reject);
      return;
    }
    const abortFlag = new Int32Array(new SharedArrayBuffer(4));
    let grace: ReturnType<typeof setTimeout> | undefined;
    const abort = (): void => {
      Atomics.store(abortFlag, 0, 1);
      // Every phase in the worker polls the flag; if it cannot answer in time, give up on it.
      grace = setTimeout(() => finish(() => reject(abortReason(signal!))), graceMs);
    };
    signal?.addEventListener('abort', abort, { once: true });
    const workerData = { problem, options: plain, abortFlag, progress: onProgress !== undefined };
    // From source, register tsx's loader inside the thread before importing the TypeScript entry.
    const worker = location.fromSource
      ? new Worker(`import('tsx/esm/api').then((api) => { api.register(); return import(${JSON.stringify(location.url.href)}); });`, { eval: true, workerData })
      : new Worker(location.url, { workerData });
    let settled = false;
    const finish = (action: () => void): void => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', abort);
      if (grace !== undefined) clearTimeout(grace);
      action();
      void worker.terminate();
    };
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') onProgress?.(message.progress);
      else if (message.type === 'done') finish(() => resolve(message.result));
      else if (message.type === 'invalid') finish(() => reject(new ProblemError(message.issues)));
      else finish(() => reject(new Error(`solveInWorker: ${message.message}`)));
    });
    worker.on('error', (error) => {
      // From source without a usable tsx, solve here rather than fail.
      if (location.fromSource) finish(() => inProcess(problem, options, resolve, reject));
      else finish(() => reject(error));
    });
    worker.on('exit', (code) => finish(() => reject(new Error(`solveInWorker: the worker stopped (exit code ${code}) before it finished.`))));
  });
}
