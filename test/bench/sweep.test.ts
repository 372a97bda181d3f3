import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

// bench/sweep.ts is a tool run by hand over hundreds of clinics; this keeps it working (it runs a
// few small random clinics through every promise it checks and exits 1 on any failure).
describe('bench/sweep.ts', () => {
  it('runs a few random clinics through every check and finds no failure', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'bench/sweep.ts', '4', '1', '100'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, TZ: 'UTC', SWEEP_ONLY: 'random' },
      timeout: 50_000,
    });
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('4 clinics');
    expect(run.stdout).toContain('No failures.');
    expect(run.status).toBe(0);
  }, 60_000);
});
