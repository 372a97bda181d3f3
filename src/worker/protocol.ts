/**
 * What `solveInWorker` and its worker say to each other, the same over Node's `worker_threads`
 * and a browser's Web Worker, and what a platform's thread module gives `solveInWorker`.
 *
 * @module
 */
import type { Issue } from '../model/issue.js';
import type { Problem } from '../model/problem.js';
import type { Progress, SolveOptions } from '../model/options.js';
import type { Solution } from '../model/schedule.js';

/** What the worker is given: the problem, the plain options, and the shared abort flag if any. */
export interface WorkerInput {
  problem: Problem;
  options: Omit<SolveOptions, 'signal' | 'onProgress'>;
  /** Set to 1 by the caller to abort; absent where memory cannot be shared (a browser page that is not cross-origin isolated). */
  abortFlag?: Int32Array | undefined;
  /** Whether the caller listens to progress (posting it costs a structured clone each time). */
  progress: boolean;
}

/** What the worker posts back: progress any number of times, then exactly one of the others. */
export type WorkerMessage =
  | { type: 'progress'; progress: Progress }
  | { type: 'done'; result: Solution }
  | { type: 'invalid'; issues: readonly Issue[] }
  | { type: 'error'; message: string };

/** What a thread module calls back with. */
export interface ThreadEvents {
  message(message: WorkerMessage): void;
  /** The thread failed; `retryInProcess` when solving on the calling thread is the better answer (running from source without tsx). */
  failed(error: unknown, retryInProcess: boolean): void;
}

/** A started worker, as `solveInWorker` drives it. */
export interface Thread {
  /** The flag the worker polls, or `undefined` when aborting can only terminate it. */
  readonly abortFlag: Int32Array | undefined;
  terminate(): void;
}

/**
 * A platform's way to start the worker (`thread-node.ts` on Node, `thread-web.ts` in browsers;
 * the package's `#thread` import chooses). `undefined` when no worker can be started here, and
 * `solveInWorker` then solves on the calling thread.
 */
export type StartThread = (input: Omit<WorkerInput, 'abortFlag'>, events: ThreadEvents) => Thread | undefined;

/**
 * A shared abort flag where the platform allows it (Node always; a browser page only when
 * cross-origin isolated), else `undefined`.
 *
 * @example
 * ```ts
 * const flag = sharedAbortFlag(); // Int32Array(1) or undefined
 * ```
 */
export function sharedAbortFlag(): Int32Array | undefined {
  const scope = globalThis as { crossOriginIsolated?: boolean };
  if (typeof SharedArrayBuffer === 'undefined' || scope.crossOriginIsolated === false) return undefined;
  return new Int32Array(new SharedArrayBuffer(4));
}
