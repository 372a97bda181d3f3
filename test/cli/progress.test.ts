import { describe, expect, it } from 'vitest';
import { progressBar } from '../../src/cli/progress.js';

function collector(tty: boolean): { io: { stdout: (t: string) => void; stderr: (t: string) => void; stderrIsTTY: boolean }; text: () => string } {
  let written = '';
  return { io: { stdout: () => undefined, stderr: (t) => (written += t), stderrIsTTY: tty }, text: () => written };
}

describe('progressBar', () => {
  it('draws the share of the time budget used and the best score on a terminal, then clears the line', () => {
    const { io, text } = collector(true);
    const bar = progressBar(io, { timeLimitMs: 2000 });
    bar.onProgress?.({ phase: 'search', bestScore: { hard: 0, requirement: 120, soft: 35 }, elapsedMs: 500, iteration: 10 });
    expect(text()).toContain('Solving [######------------------]  25% 0.5 s · hard 0 · req 120 · soft 35');
    bar.done();
    expect(text().endsWith('\r\x1b[2K')).toBe(true);
  });

  it('follows the iteration budget when it runs ahead of the clock', () => {
    const { io, text } = collector(true);
    progressBar(io, { timeLimitMs: 60_000, maxIterations: 100 }).onProgress?.({ phase: 'search', bestScore: { hard: 0, requirement: 0, soft: 0 }, elapsedMs: 10, iteration: 50 });
    expect(text()).toContain(' 50% ');
  });

  it('stays silent when stderr is not a terminal', () => {
    const { io, text } = collector(false);
    const bar = progressBar(io, { timeLimitMs: 1000 });
    expect(bar.onProgress).toBeUndefined();
    bar.done();
    expect(text()).toBe('');
  });
});
