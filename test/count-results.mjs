// Sums vitest JSON results in a folder and prints `N passed, N failed`.
// A failing command with no failed test still counts one failure, and no test at all fails.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const [dir, status = '0'] = process.argv.slice(2);
let passed = 0;
let failed = 0;
for (const name of readdirSync(dir).filter((n) => n.endsWith('.json'))) {
  const result = JSON.parse(readFileSync(join(dir, name), 'utf8'));
  passed += result.numPassedTests;
  failed += result.numFailedTests;
}
if ((status !== '0' || passed === 0) && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed`);
