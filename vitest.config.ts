import { defineConfig } from 'vitest/config';

// CI asks for machine-readable results (to print `N passed, N failed`) by naming a folder.
const resultsDir = process.env.IOP_RESULTS_DIR;
const runName = process.env.IOP_RESULTS_NAME ?? 'unit';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    setupFiles: ['test/setup/fast-check.ts'],
    // Timeouts catch hangs only: every solve in a test is bound by maxIterations, and the
    // longest test takes about 15 s on a quiet 2-core machine, several times that beside load.
    testTimeout: 180_000,
    hookTimeout: 180_000,
    reporters: resultsDir ? ['default', 'json'] : ['default'],
    ...(resultsDir ? { outputFile: { json: `${resultsDir}/${runName}.json` } } : {}),
  },
});
