/**
 * How `solveInWorker` starts its worker in a browser: a module Web Worker running
 * `dist/browser/worker.js` (the solver with its dependencies, one file), found beside this module
 * by `new URL('./worker.js', import.meta.url)`. Vite and webpack see that pattern and emit the
 * worker with the app; with esbuild or another bundler that does not, copy
 * `node_modules/iop-scheduler/dist/browser/worker.js` next to the bundle that imports the package.
 *
 * Aborting: on a cross-origin isolated page (`crossOriginIsolated`, so `SharedArrayBuffer`
 * exists) the worker polls a shared flag and answers with its best timetable, as on Node;
 * elsewhere the worker's event loop is busy solving and cannot read a message, so an abort
 * terminates it and `solveInWorker` rejects with the signal's reason.
 *
 * The package's `#thread` import resolves here for every platform but Node.
 *
 * @module
 */
import { sharedAbortFlag, type StartThread, type WorkerMessage } from './protocol.js';

/** The parts of the DOM's `Worker` used here (the project's types have no DOM). */
interface WebWorker {
  onmessage: ((event: { data: WorkerMessage }) => void) | null;
  onerror: ((event: { message?: string; preventDefault(): void }) => void) | null;
  onmessageerror: ((event: unknown) => void) | null;
  postMessage(message: unknown): void;
  terminate(): void;
}
// The global `Worker`, named as such so that Vite and webpack recognise `new Worker(new URL(...))`.
declare const Worker: (new (url: URL, options: { type: 'module'; name?: string }) => WebWorker) | undefined;

/**
 * Starts the Web Worker, or returns `undefined` where there is no `Worker` (a server renderer,
 * an old worker scope).
 *
 * @example
 * ```ts
 * const thread = startThread({ problem, options: { seed: 1 }, progress: true }, events);
 * ```
 */
export const startThread: StartThread = (input, events) => {
  if (typeof Worker !== 'function') return undefined;
  const abortFlag = sharedAbortFlag();
  const worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module', name: 'iop-scheduler' });
  worker.onmessage = (event): void => events.message(event.data);
  worker.onerror = (event): void => {
    event.preventDefault();
    events.failed(new Error(`solveInWorker: the worker failed: ${event.message ?? 'it could not be loaded'}`), false);
  };
  worker.onmessageerror = (): void => events.failed(new Error('solveInWorker: a message from the worker could not be read.'), false);
  worker.postMessage({ ...input, abortFlag });
  return { abortFlag, terminate: () => worker.terminate() };
};
