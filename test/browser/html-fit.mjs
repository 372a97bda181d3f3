// The HTML week (renderHtml) in headless Chromium at a small laptop's width: every session block
// shows all its text (no block's content taller than the block), on the track, staff, room and
// patient grids of the sample problem. The grid's height is estimated when the page is written
// (src/export/html-grid.ts); this is where the estimate meets a real layout engine.
// Skips only when Chromium is missing and CI is not set.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderHtml, solve } from '../../dist/index.js';
import { findChromium, serve, withChromium } from './chromium.mjs';

const chromium = findChromium();
if (!chromium) {
  if (process.env.CI) throw new Error('HTML fit check: Chromium not found (CI is set, so this fails).');
  console.log('HTML fit check SKIPPED: Chromium not found; under CI=true it runs.');
  process.exit(0);
}
const problem = JSON.parse(readFileSync(new URL('../../examples/problem.json', import.meta.url), 'utf8'));
const { schedule } = solve(problem, { seed: 1, maxIterations: 2_000, timeLimitMs: 60_000 });
// Counts the blocks whose text runs past their bottom edge, and posts the count with the first
// such block's text so a failure says which.
const measure = (name) => `<script>
  const clipped = [...document.querySelectorAll('article.m')].filter((b) => b.scrollHeight > b.clientHeight + 1);
  fetch('/result?name=${name}', { method: 'POST', body: JSON.stringify({ blocks: document.querySelectorAll('article.m').length, clipped: clipped.length, first: clipped[0]?.innerText ?? '' }) });
</script>`;
const dir = mkdtempSync(join(tmpdir(), 'iop-html-fit-'));
let server;
try {
  server = await serve(dir);
  for (const by of ['track', 'staff', 'room', 'patient']) {
    writeFileSync(join(dir, `${by}.html`), renderHtml(problem, schedule, { by }).replace('</body>', `${measure(by)}\n</body>`));
    const result = JSON.parse(await withChromium(chromium, `${server.url}/${by}.html`, server.waitFor(by), { args: ['--window-size=900,1400'] }));
    assert.ok(result.blocks > 0, `${by}: the page has session blocks`);
    assert.equal(result.clipped, 0, `${by}: ${result.clipped} of ${result.blocks} blocks cut their text, e.g. ${JSON.stringify(result.first)}`);
    console.log(`HTML fit check (${by}): ${result.blocks} blocks, none cut`);
  }
} finally {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
}
