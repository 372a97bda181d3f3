/**
 * The Node worker thread of `solveInWorker` (built to `dist/worker.js` and `dist/worker.cjs`).
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { WorkerInput } from './protocol.js';
import { runInWorker } from './run.js';

const port = parentPort;
if (port) runInWorker(workerData as WorkerInput, (message) => port.postMessage(message));
