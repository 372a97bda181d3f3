/**
 * The Web Worker of `solveInWorker` in browsers (built, with its dependencies, to
 * `dist/browser/worker.js`, a module worker): waits for one input, solves it, posts the result.
 */
import type { WorkerInput, WorkerMessage } from './protocol.js';
import { runInWorker } from './run.js';

/** The parts of a `DedicatedWorkerGlobalScope` used here (the project's types have no DOM). */
interface WorkerScope {
  onmessage: ((event: { data: WorkerInput }) => void) | null;
  postMessage(message: WorkerMessage): void;
}

const scope = globalThis as unknown as WorkerScope;
scope.onmessage = (event): void => {
  scope.onmessage = null;
  runInWorker(event.data, (message) => scope.postMessage(message));
};
