// Headless Chromium for the browser tests and the demo check: find the binary, serve a folder on
// 127.0.0.1 (module workers are not allowed from file://), open a page and wait for the result it
// POSTs to /result. Bounded: the browser is killed and the server closed after `timeoutMs`.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.json': 'application/json', '.css': 'text/css', '.map': 'application/json' };

/** The Chromium binary (CHROMIUM_BIN, else the first of the usual names on PATH), or undefined. */
export function findChromium() {
  for (const name of [process.env.CHROMIUM_BIN, 'chromium', 'chromium-browser', 'google-chrome'].filter(Boolean)) {
    try {
      return execFileSync('sh', ['-c', `command -v "${name}"`], { encoding: 'utf8' }).trim() || undefined;
    } catch {
      // not this one
    }
  }
  return undefined;
}

/**
 * Serves `root` on a random port. `isolatedPaths` get the COOP/COEP headers that make a page
 * cross-origin isolated (SharedArrayBuffer). Resolves to { url, results, waitFor, close }:
 * `results` maps the page's `?name` to the text it POSTed to /result. GET /hold answers only
 * once a result has come: an `<img src="/hold">` holds the page's load event (and so
 * Chromium's --screenshot) until the page is done.
 */
export function serve(root, { isolatedPaths = [] } = {}) {
  const held = [];
  const waiting = new Map();
  const results = new Map();
  const server = createServer((request, response) => {
    const url = new URL(request.url, 'http://127.0.0.1');
    if (request.method === 'POST' && url.pathname === '/result') {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        const name = url.searchParams.get('name') ?? '';
        results.set(name, body);
        waiting.get(name)?.(body);
        held.splice(0).forEach((pending) => pending.writeHead(204).end());
        response.end('ok');
      });
      return;
    }
    if (url.pathname === '/hold') {
      if (results.size > 0) response.writeHead(204).end();
      else held.push(response);
      return;
    }
    const path = normalize(join(root, decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname)));
    if (!path.startsWith(normalize(root) + sep)) return void response.writeHead(403).end();
    let body;
    try {
      body = readFileSync(path);
    } catch {
      return void response.writeHead(404).end();
    }
    const headers = { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream', 'cache-control': 'no-store' };
    if (isolatedPaths.some((prefix) => url.pathname.startsWith(prefix))) {
      headers['cross-origin-opener-policy'] = 'same-origin';
      headers['cross-origin-embedder-policy'] = 'require-corp';
    }
    response.writeHead(200, headers).end(body);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({
        url: `http://127.0.0.1:${port}`,
        results,
        waitFor: (name) => new Promise((done) => (results.has(name) ? done(results.get(name)) : waiting.set(name, done))),
        close: () => {
          held.splice(0).forEach((pending) => pending.writeHead(204).end());
          return new Promise((done) => server.close(() => done()));
        },
      });
    });
  });
}

/**
 * Runs Chromium headless with `args` and `url` until `until` settles (or, without it, Chromium
 * exits, as it does after --screenshot) or `timeoutMs` passes; returns until's value.
 */
export async function withChromium(chromium, url, until, { timeoutMs = 120_000, args = [] } = {}) {
  const profile = mkdtempSync(join(tmpdir(), 'iop-chromium-'));
  const child = spawn(
    chromium,
    ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-dev-shm-usage', `--user-data-dir=${profile}`, ...args, url],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr = (stderr + chunk).slice(-4000)));
  const exited = new Promise((resolve) => child.on('exit', resolve));
  let timer;
  try {
    return await Promise.race([
      until ?? exited,
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`Chromium gave no result within ${timeoutMs} ms for ${url}\n${stderr}`)), timeoutMs);
      }),
    ]);
  } finally {
    clearTimeout(timer);
    if (child.exitCode === null) child.kill('SIGKILL');
    await exited;
    // Chromium's helper processes outlive the browser process by a moment and may still write
    // into the profile (a loaded machine showed ENOTEMPTY): retry, and leave a stray temp folder
    // rather than fail a test whose result is already in.
    try {
      rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
    } catch (error) {
      console.warn(`could not remove Chromium's profile ${profile}: ${error.code ?? error}`);
    }
  }
}
