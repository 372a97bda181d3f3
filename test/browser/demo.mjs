// The demo page (examples/browser/, `npm run demo`) in headless Chromium: builds it, opens it with
// ?autosolve, waits until the sample clinic is solved in the Web Worker, and takes a screenshot
// (default /tmp/iop-demo.png; the first argument to change) for a person to look at.
// Skips only when Chromium is missing and CI is not set.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildDemo } from '../../examples/browser/build.mjs';
import { findChromium, serve, withChromium } from './chromium.mjs';

const chromium = findChromium();
if (!chromium) {
  if (process.env.CI) throw new Error('demo check: Chromium not found (CI is set, so this fails).');
  console.log('demo check SKIPPED: Chromium not found; under CI=true it runs.');
  process.exit(0);
}
const screenshot = resolve(process.argv[2] ?? join(tmpdir(), 'iop-demo.png'));
const dir = mkdtempSync(join(tmpdir(), 'iop-demo-'));
let server;
try {
  await buildDemo(dir);
  // Hold the load event (and so the screenshot) until the page has solved.
  const page = join(dir, 'index.html');
  writeFileSync(page, readFileSync(page, 'utf8').replace('</body>', '<img hidden alt="" src="/hold">\n</body>'));
  server = await serve(dir, { isolatedPaths: ['/'] });
  rmSync(screenshot, { force: true });
  await withChromium(chromium, `${server.url}/index.html?autosolve`, undefined, {
    args: [`--screenshot=${screenshot}`, '--window-size=1400,1000', '--hide-scrollbars'],
  });
  const shown = server.results.get('demo');
  assert.ok(shown, 'the demo reported its solve');
  const [meetings, feasible] = shown.split(' ');
  assert.ok(Number(meetings) > 0 && feasible === 'true', `the demo solved the sample clinic: ${shown}`);
  assert.ok(statSync(screenshot).size > 10_000, 'a screenshot was taken');
  console.log(`demo check passed: ${meetings} sessions, feasible; screenshot ${screenshot}`);
} finally {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
}
