// A Node app that bundles this package into one file (esbuild --platform=node): solveInWorker
// must not fall back to the calling thread silently. Without dist/worker.js beside the bundle it
// warns (IOP_NO_WORKER_FILE) and still solves; with dist/worker.js bundled beside it (as the
// warning advises), it uses the worker and does not warn. Both give the timetable solve gives.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';

const root = resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'iop-bundled-'));
try {
  const app = `
    import { solve, solveInWorker, sampleClinic } from ${JSON.stringify(join(root, 'dist/index.js'))};
    const options = { seed: 4, maxIterations: 200, timeLimitMs: 60_000 };
    const inWorker = await solveInWorker(sampleClinic(), options);
    const direct = solve(sampleClinic(), options);
    if (JSON.stringify(inWorker.schedule) !== JSON.stringify(direct.schedule)) throw new Error('different timetables');
    console.log('same');`;
  await build({ stdin: { contents: app, resolveDir: root, loader: 'js' }, outfile: join(dir, 'app.mjs'), bundle: true, platform: 'node', format: 'esm', logLevel: 'error' });
  // stdout then stderr, whatever the exit code (an assertion below says what went wrong).
  const runWithStderr = () => {
    const stderr = join(dir, 'stderr.txt');
    return execFileSync('sh', ['-c', `"${process.execPath}" "${join(dir, 'app.mjs')}" 2>"${stderr}"; cat "${stderr}"`], { encoding: 'utf8' });
  };
  const alone = runWithStderr();
  assert.match(alone, /^same$/m, 'the bundled app solves without the worker file');
  assert.match(alone, /IOP_NO_WORKER_FILE/, 'and says it solved on the calling thread');
  // The worker imports the package's dependencies, which a deployed bundle may not have beside it: bundle it too.
  await build({ entryPoints: [join(root, 'dist/worker.js')], outfile: join(dir, 'worker.js'), bundle: true, platform: 'node', format: 'esm', logLevel: 'error' });
  const beside = runWithStderr();
  assert.match(beside, /^same$/m, 'the bundled app solves in the worker copied beside it');
  assert.doesNotMatch(beside, /IOP_NO_WORKER_FILE/, 'and does not warn');
  console.log('bundled Node app: warns without dist/worker.js beside it, uses it when bundled beside; same timetable as solve');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
