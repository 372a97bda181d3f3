import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Thread, WorkerInput } from './protocol.js';
import { sampleClinic as clinic } from '../sample/clinic.js';

// The platform's thread, replaced: none at all, or one that never answers and shares no flag (a
// browser page that is not cross-origin isolated).
const thread = vi.hoisted(() => ({ mode: 'none' as 'none' | 'silent', terminated: 0, started: [] as unknown[] }));
vi.mock('./thread-node.js', () => ({
  startThread: (input: WorkerInput): Thread | undefined => {
    thread.started.push(input);
    if (thread.mode === 'none') return undefined;
    return { abortFlag: undefined, terminate: () => void thread.terminated++ };
  },
}));
const { solveInWorker } = await import('./solve-in-worker.js');
const { solve } = await import('../pipeline/solve.js');

afterEach(() => {
  vi.unstubAllGlobals();
  thread.mode = 'none';
  thread.terminated = 0;
  thread.started = [];
});

describe('solveInWorker without a worker, or without a shared flag', () => {
  it('solves on the calling thread with timers only (browsers have no setImmediate)', async () => {
    vi.stubGlobal('setImmediate', undefined);
    const options = { seed: 2, maxIterations: 100, timeLimitMs: 60_000 };
    const solved = await solveInWorker(clinic(), options);
    expect(solved.schedule).toEqual(solve(clinic(), options).schedule);
  });

  it('terminates the worker and rejects with the reason at once when there is no flag to set', async () => {
    thread.mode = 'silent';
    const controller = new AbortController();
    const pending = solveInWorker(clinic(), { signal: controller.signal });
    controller.abort(new Error('stopped by the user'));
    await expect(pending).rejects.toThrow('stopped by the user');
    expect(thread.terminated).toBe(1);
  });
});
