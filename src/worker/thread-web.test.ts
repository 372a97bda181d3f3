import { afterEach, describe, expect, it, vi } from 'vitest';
import { solve } from '../pipeline/solve.js';
import { runInWorker } from './run.js';
import type { WorkerInput, WorkerMessage } from './protocol.js';
import { startThread } from './thread-web.js';
import { sampleClinic as clinic } from '../sample/clinic.js';

/** A stand-in for the DOM's Worker: runs the worker's code (runInWorker) on a later tick. */
class FakeWorker {
  static last: FakeWorker | undefined;
  onmessage: ((event: { data: WorkerMessage }) => void) | null = null;
  onerror: unknown = null;
  onmessageerror: unknown = null;
  terminated = false;
  input: WorkerInput | undefined;
  constructor(
    readonly url: URL,
    readonly options: unknown,
  ) {
    FakeWorker.last = this;
  }
  postMessage(input: WorkerInput): void {
    this.input = input;
    setTimeout(() => runInWorker(structuredClone(input), (message) => this.onmessage?.({ data: structuredClone(message) })), 0);
  }
  terminate(): void {
    this.terminated = true;
  }
}

afterEach(() => {
  vi.unstubAllGlobals();
  FakeWorker.last = undefined;
});

describe('the browser thread', () => {
  it('is absent where there is no Worker (solveInWorker then solves in place)', () => {
    vi.stubGlobal('Worker', undefined);
    expect(startThread({ problem: clinic(), options: {}, progress: false }, { message: () => {}, failed: () => {} })).toBeUndefined();
  });

  it('starts a module worker beside itself and gets the same timetable as solve', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    vi.stubGlobal('crossOriginIsolated', true);
    const options = { seed: 3, maxIterations: 100, timeLimitMs: 60_000 };
    const messages: WorkerMessage[] = [];
    const done = new Promise<void>((resolve) => {
      startThread({ problem: clinic(), options, progress: true }, { message: (m) => (messages.push(m), m.type === 'done' && resolve()), failed: () => {} });
    });
    await done;
    const worker = FakeWorker.last!;
    expect(worker.url.pathname.endsWith('/worker.js')).toBe(true);
    expect(worker.options).toMatchObject({ type: 'module' });
    expect(worker.input?.abortFlag).toBeInstanceOf(Int32Array);
    expect(messages.some((m) => m.type === 'progress')).toBe(true);
    const last = messages.at(-1);
    expect(last?.type === 'done' && last.result.schedule).toEqual(solve(clinic(), options).schedule);
  });

  it('shares no abort flag on a page that is not cross-origin isolated (an abort can only terminate)', () => {
    vi.stubGlobal('Worker', FakeWorker);
    vi.stubGlobal('crossOriginIsolated', false);
    const thread = startThread({ problem: clinic(), options: {}, progress: false }, { message: () => {}, failed: () => {} });
    expect(thread?.abortFlag).toBeUndefined();
    expect(FakeWorker.last?.input?.abortFlag).toBeUndefined();
    thread?.terminate();
    expect(FakeWorker.last?.terminated).toBe(true);
  });
});
