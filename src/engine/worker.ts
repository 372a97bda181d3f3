/**
 * `solveInWorker`: the same solve in a Node worker thread, so a service's event loop is never
 * blocked. Same problem, seed and iteration budget give the same timetable as `solve`.
 *
 * Where the worker code is found: next to the running bundle (`dist/worker.js` beside
 * `dist/index.js`, `dist/worker.cjs` beside `dist/index.cjs`). Run from source (vitest, tsx) it
 * starts `worker-entry.ts` through tsx's loader. When neither exists (an unusual bundler), it
 * solves on the calling thread after yielding once, so the call still works.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Problem } from '../model/problem.js';
import type { Progress, SolveOptions } from '../model/options.js';
import type { Solution } from '../model/schedule.js';
import { assertValidProblem } from '../input/validate.js';
import { solve } from './solve.js';

type Result = Solution;

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
 * Solves in a worker thread. `signal` aborts the search (the best timetable so far is returned);
 * `onProgress` is called on the calling thread.
 *
 * @throws {ProblemError} (as a rejected promise) when `problem` is invalid.
 *
 * @example
 * ```ts
 * const controller = new AbortController();
 * const pending = solveInWorker(problem, { seed: 7, maxIterations: 20000, signal: controller.signal });
 * const { schedule, report } = await pending;
 * ```
 */
export function solveInWorker(problem: Problem, options: SolveOptions = {}): Promise<Result> {
  return new Promise<Result>((resolve, reject) => {
    try {
      assertValidProblem(problem);
    } catch (error) {
      reject(error);
      return;
    }
    const location = workerLocation();
    const { signal, onProgress, ...plain } = options;
    if (!location) {
      inProcess(problem, options, resolve, reject);
      return;
    }
    const abortFlag = new Int32Array(new SharedArrayBuffer(4));
    const abort = (): void => {
      Atomics.store(abortFlag, 0, 1);
    };
    if (signal?.aborted) abort();
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
      action();
      void worker.terminate();
    };
    worker.on('message', (message: { type: 'progress'; progress: Progress } | { type: 'done'; result: Result } | { type: 'error'; message: string }) => {
      if (message.type === 'progress') onProgress?.(message.progress);
      else if (message.type === 'done') finish(() => resolve(message.result));
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
