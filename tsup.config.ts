import type { Plugin } from 'esbuild';
import { defineConfig } from 'tsup';

/**
 * The main entry must import no Node built-in, so that browsers can bundle it: its import of the
 * Node thread module becomes the package's `#thread` import, which package.json resolves to
 * `dist/thread.*` under the `node` condition and to `dist/browser/thread.js` elsewhere.
 */
const platformThread: Plugin = {
  name: 'platform-thread',
  setup(build) {
    build.onResolve({ filter: /\/thread-node\.js$/ }, (args) => (args.kind === 'entry-point' ? undefined : { path: '#thread', external: true }));
  },
};

export default defineConfig([
  {
    entry: { index: 'src/index.ts', cli: 'src/cli.ts', worker: 'src/worker/entry-node.ts', thread: 'src/worker/thread-node.ts' },
    format: ['esm', 'cjs'],
    dts: { entry: { index: 'src/index.ts' } },
    sourcemap: true,
    // Everything but the browser build below, which runs at the same time.
    clean: ['!browser/**'],
    target: 'node20',
    platform: 'node',
    splitting: false,
    esbuildPlugins: [platformThread],
  },
  {
    // The browser's thread module (imports nothing) and its module worker: the solver with its
    // dependencies in one file, so that it loads from any URL without a bundler.
    entry: { thread: 'src/worker/thread-web.ts', worker: 'src/worker/entry-web.ts' },
    outDir: 'dist/browser',
    format: ['esm'],
    sourcemap: true,
    clean: true,
    target: 'es2022',
    platform: 'browser',
    splitting: false,
    noExternal: [/.*/],
    minify: true,
  },
]);
