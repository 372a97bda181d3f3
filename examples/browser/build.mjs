// `npm run demo`: bundles the demo page (examples/browser/) against the built package into
// out/demo/, then serves it on http://127.0.0.1:8080 (PORT to change; module workers do not
// load from file://). `--no-serve` only writes the files. The page is served cross-origin
// isolated (COOP/COEP), so Stop keeps the best timetable found so far.
import { copyFileSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { build } from 'esbuild';

const here = import.meta.dirname;
const root = resolve(here, '../..');

/** Writes the demo into `outDir` (default out/demo) and returns the folder. */
export async function buildDemo(outDir = join(root, 'out/demo')) {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  await build({
    entryPoints: [join(here, 'main.js')],
    outfile: join(outDir, 'main.js'),
    bundle: true, platform: 'browser', format: 'esm', minify: true, sourcemap: true, logLevel: 'warning',
    // rrule's CommonJS interop in dist reads a `default` its ESM build lacks, on purpose.
    logOverride: { 'import-is-undefined': 'silent' },
    // The package by name, as an app would import it (resolved through its own package.json).
    alias: { 'iop-scheduler': root },
  });
  // esbuild keeps new URL('./worker.js', import.meta.url): the worker goes beside the bundle.
  copyFileSync(join(root, 'dist/browser/worker.js'), join(outDir, 'worker.js'));
  for (const name of ['index.html', 'style.css']) copyFileSync(join(here, name), join(outDir, name));
  return outDir;
}

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.map': 'application/json', '.json': 'application/json' };

/** A static server for `dir` with COOP/COEP; `onPost(path, body)` hears POSTs. */
export function demoServer(dir, onPost = () => {}) {
  return createServer((request, response) => {
    const url = new URL(request.url, 'http://127.0.0.1');
    if (request.method === 'POST') {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        onPost(url.pathname, body);
        response.end();
      });
      return;
    }
    const path = normalize(join(dir, url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname)));
    if (!path.startsWith(normalize(dir) + sep)) return void response.writeHead(403).end();
    try {
      const body = readFileSync(path);
      response.writeHead(200, {
        'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
        'cross-origin-opener-policy': 'same-origin',
        'cross-origin-embedder-policy': 'require-corp',
      }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
}

if (process.argv[1] === import.meta.filename) {
  const dir = await buildDemo();
  console.log(`demo written to ${dir}`);
  if (!process.argv.includes('--no-serve')) {
    const port = Number(process.env.PORT ?? 8080);
    demoServer(dir).listen(port, '127.0.0.1', () => console.log(`demo at http://127.0.0.1:${port}/ (Ctrl-C to stop)`));
  }
}
