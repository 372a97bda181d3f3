// The built package in a browser: bundles a page with esbuild for the browser (which fails if the
// main entry imports a Node built-in), runs it in headless Chromium, and checks that
// solveInWorker in a Web Worker gives the same schedule (hash) as solve in Node, reports
// progress, and aborts: terminated and rejected on a plain page, the best so far where the page
// is cross-origin isolated. Prints the bundle sizes of validate + solve and of the whole index.
// Skips (exit 0) only when Chromium is missing and CI is not set; under CI it fails instead.
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { solve } from '../../dist/index.js';
import { findChromium, serve, withChromium } from './chromium.mjs';
import { OPTIONS, scheduleHash } from './shared.js';

const root = resolve(import.meta.dirname, '../..');
const chromium = findChromium();
if (!chromium) {
  if (process.env.CI) throw new Error('browser test: Chromium not found (CI is set, so this fails; install Debian\'s `chromium` or set CHROMIUM_BIN).');
  console.log('browser test SKIPPED: Chromium not found (apt-get install chromium, or set CHROMIUM_BIN); under CI=true it runs.');
  process.exit(0);
}

/** Minified and gzipped bytes of a browser bundle of `contents` (an ESM entry beside dist/). */
async function bundleSize(contents) {
  const result = await build({
    stdin: { contents, resolveDir: join(root, 'test/browser'), loader: 'js' },
    bundle: true, platform: 'browser', format: 'esm', minify: true, write: false, logLevel: 'error',
  });
  const bytes = result.outputFiles[0].contents;
  return { minified: bytes.length, gzipped: gzipSync(bytes).length };
}
const kb = ({ minified, gzipped }) => `${(minified / 1024).toFixed(0)} KB minified, ${(gzipped / 1024).toFixed(0)} KB gzipped`;

const scratch = mkdtempSync(join(tmpdir(), 'iop-browser-'));
let server;
try {
  const core = await bundleSize("export { validateProblem, solve } from '../../dist/index.js';");
  const whole = await bundleSize("export * from '../../dist/index.js';");
  const worker = readFileSync(join(root, 'dist/browser/worker.js'));
  console.log(`browser bundles: validate + solve ${kb(core)}; the whole index ${kb(whole)}; the Web Worker ${kb({ minified: worker.length, gzipped: gzipSync(worker).length })}`);

  // The page, twice: plain, and cross-origin isolated (served with COOP/COEP) for the shared abort flag.
  for (const folder of ['plain', 'isolated']) {
    const dir = join(scratch, folder);
    mkdirSync(dir);
    await build({ entryPoints: [join(root, 'test/browser/page.js')], outfile: join(dir, 'page.js'), bundle: true, platform: 'browser', format: 'esm', logLevel: 'error' });
    // esbuild leaves new URL('./worker.js', import.meta.url) alone: the worker goes beside the bundle.
    copyFileSync(join(root, 'dist/browser/worker.js'), join(dir, 'worker.js'));
    copyFileSync(join(root, 'examples/problem.json'), join(dir, 'problem.json'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><meta charset="utf-8"><title>iop-scheduler browser test</title><pre id="result"></pre><script type="module" src="page.js"></script>\n');
  }
  server = await serve(scratch, { isolatedPaths: ['/isolated/'] });

  const problem = JSON.parse(readFileSync(join(root, 'examples/problem.json'), 'utf8'));
  const expected = await scheduleHash(solve(problem, OPTIONS).schedule);

  for (const [folder, abort] of [['plain', 'rejected AbortError'], ['isolated', 'resolved aborted']]) {
    const shown = await withChromium(chromium, `${server.url}/${folder}/index.html?name=${folder}`, server.waitFor(folder));
    const lines = Object.fromEntries(shown.trim().split('\n').map((line) => [line.slice(0, line.indexOf(' ')), line.slice(line.indexOf(' ') + 1)]));
    assert.equal(lines.error, undefined, `${folder}: the page failed: ${lines.error}`);
    assert.equal(lines.hash, expected, `${folder}: the Web Worker's schedule is the one Node solves (same seed and maxIterations)`);
    assert.match(lines.meetings, /feasible true progress true$/, `${folder}: feasible, and progress reached the page`);
    assert.equal(lines.isolated, String(folder === 'isolated'), `${folder}: crossOriginIsolated`);
    assert.equal(lines.abort, abort, `${folder}: the abort outcome`);
    console.log(`browser test (${folder}): ${shown.trim().replaceAll('\n', '; ')}`);
  }
  console.log(`browser test passed: Chromium's Web Worker and Node agree on ${expected.slice(0, 16)}...`);
} finally {
  await server?.close();
  rmSync(scratch, { recursive: true, force: true });
}
