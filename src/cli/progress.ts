/**
 * The progress bar drawn on stderr while the solver runs, only when stderr is a terminal.
 */
import type { Progress } from '../model/options.js';
import type { CliIo } from './io.js';

const BAR = 24;

/**
 * A progress reporter for `solve`'s `onProgress`, and `done()` to clear the line; no-ops when
 * stderr is not a terminal.
 *
 * @example
 * ```ts
 * const bar = progressBar(io, { timeLimitMs: 3000 });
 * try { solve(problem, { timeLimitMs: 3000, ...(bar.onProgress ? { onProgress: bar.onProgress } : {}) }); } finally { bar.done(); }
 * ```
 */
export function progressBar(io: CliIo, budget: { timeLimitMs: number; maxIterations?: number }): { onProgress?: (p: Progress) => void; done(): void } {
  if (io.stderrIsTTY !== true) return { done: () => undefined };
  let drawn = false;
  const draw = (text: string): void => (io.drawProgress ? io.drawProgress(text) : io.stderr(text));
  return {
    onProgress(progress: Progress): void {
      const byTime = progress.elapsedMs / Math.max(1, budget.timeLimitMs);
      const byIterations = budget.maxIterations === undefined ? 0 : progress.iteration / Math.max(1, budget.maxIterations);
      const fraction = Math.min(1, Math.max(byTime, byIterations));
      const filled = Math.round(fraction * BAR);
      const { hard, requirement, soft } = progress.bestScore;
      draw(
        `\r\x1b[2KSolving [${'#'.repeat(filled)}${'-'.repeat(BAR - filled)}] ${String(Math.round(fraction * 100)).padStart(3)}% ` +
          `${(progress.elapsedMs / 1000).toFixed(1)} s · hard ${hard} · req ${requirement} · soft ${soft}`,
      );
      drawn = true;
    },
    done(): void {
      if (drawn) draw('\r\x1b[2K');
    },
  };
}
