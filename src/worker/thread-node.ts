/**
 * How `solveInWorker` starts its worker on Node: a `worker_threads` Worker running the worker
 * code found next to the running bundle (`dist/worker.js` beside `dist/thread.js`,
 * `dist/worker.cjs` beside `dist/thread.cjs`). Run from source (vitest, tsx) it starts
 * `entry-node.ts` through tsx's loader. When neither exists (an app that bundled this package
 * into one file), it warns once and `solveInWorker` solves on the calling thread.
 *
 * The package's `#thread` import resolves here under the `node` condition; browsers get
 * `thread-web.ts`. Only this module and `entry-node.ts` import Node built-ins.
 *
 * @module
 */
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { StartThread, WorkerMessage } from './protocol.js';

/** The URL of the module this code runs in, in ESM and CJS builds alike. */
function hereUrl(): string | undefined {
  if (typeof __filename === 'string') return pathToFileURL(__filename).href;
  return (import.meta as { url?: string }).url;
}

function workerLocation(here: string): { url: URL; fromSource: boolean } | undefined {
  const extension = /\.(c?js|mjs|ts)$/.exec(here)?.[1];
  if (extension === 'ts') {
    const url = new URL('./entry-node.ts', here);
    return existsSync(fileURLToPath(url)) ? { url, fromSource: true } : undefined;
  }
  for (const name of extension === 'cjs' ? ['worker.cjs', 'worker.js'] : ['worker.js', 'worker.cjs']) {
    const url = new URL(`./${name}`, here);
    if (existsSync(fileURLToPath(url)) && url.href !== here) return { url, fromSource: false };
  }
  return undefined;
}

let warned = false;

/** Tells the app once (not silently, as before) that its bundle left the worker file behind. */
function warnNoWorker(here: string | undefined): void {
  if (warned) return;
  warned = true;
  process.emitWarning(
    `solveInWorker: no worker.js beside ${here ?? 'this bundle'}; solving on the calling thread. ` +
      'Bundle node_modules/iop-scheduler/dist/worker.js (or worker.cjs) into a worker.js (worker.cjs) next to your bundle, or keep iop-scheduler external.',
    { code: 'IOP_NO_WORKER_FILE' },
  );
}

/**
 * Starts the worker thread, or returns `undefined` when its code cannot be found.
 *
 * @example
 * ```ts
 * const thread = startThread({ problem, options: { seed: 1 }, progress: false }, events);
 * ```
 */
export const startThread: StartThread = (input, events) => {
  const here = hereUrl();
  const location = here ? workerLocation(here) : undefined;
  if (!location) {
    warnNoWorker(here);
    return undefined;
  }
  const abortFlag = new Int32Array(new SharedArrayBuffer(4));
  const workerData = { ...input, abortFlag };
  // From source, register tsx's loader inside the thread before importing the TypeScript entry.
  const worker = location.fromSource
    ? new Worker(`import('tsx/esm/api').then((api) => { api.register(); return import(${JSON.stringify(location.url.href)}); });`, { eval: true, workerData })
    : new Worker(location.url, { workerData });
  worker.on('message', (message: WorkerMessage) => events.message(message));
  worker.on('error', (error) => events.failed(error, location.fromSource));
  worker.on('exit', (code) => events.failed(new Error(`solveInWorker: the worker stopped (exit code ${code}) before it finished.`), false));
  return {
    abortFlag,
    terminate: () => void worker.terminate(),
  };
};
