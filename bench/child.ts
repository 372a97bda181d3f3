/**
 * Runs one bench script in its own Node process (so its time and peak RSS are its own) and reads
 * the one line it prints as `MARKER {json}`.
 */
import { spawn } from 'node:child_process';

/**
 * The JSON after `marker` on the line the script printed; rejects with the end of its stderr when
 * it exits non-zero or prints no such line.
 *
 * @example
 * ```ts
 * const row = await runMarked<RunResult>(join(here, 'run-one.ts'), ['--patients', '1000'], 'BENCH_RESULT', root);
 * ```
 */
export function runMarked<T>(script: string, args: readonly string[], marker: string, cwd: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const line = out.split('\n').find((l) => l.startsWith(`${marker} `));
      if (code !== 0 || !line) reject(new Error(`${script} ${args.join(' ')} exited ${code}: ${err.slice(-2000)}`));
      else resolve(JSON.parse(line.slice(marker.length + 1)) as T);
    });
  });
}
