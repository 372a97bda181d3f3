import { defineConfig } from 'vitest/config';

// CI asks for machine-readable results (to print `N passed, N failed`) by naming a folder.
const resultsDir = process.env.IOP_RESULTS_DIR;
const runName = process.env.IOP_RESULTS_NAME ?? 'unit';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    setupFiles: ['test/setup/fast-check.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    reporters: resultsDir ? ['default', 'json'] : ['default'],
    ...(resultsDir ? { outputFile: { json: `${resultsDir}/${runName}.json` } } : {}),
  },
});
