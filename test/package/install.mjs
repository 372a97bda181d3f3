// Installs the packed tarball into a scratch project, as a clinic app would from npm, and runs
// consumers in ESM, CommonJS and TypeScript (strict; NodeNext and bundler resolution) against it.
// The dependencies come from npm's cache where `npm ci` filled it (--prefer-offline), else the registry.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
const scratch = mkdtempSync(join(tmpdir(), 'iop-install-'));
const run = (command, args, cwd = scratch) => execFileSync(command, args, { cwd, stdio: 'pipe', encoding: 'utf8' });
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

try {
  // --ignore-scripts: `prepare` builds dist/ for git installs; here `npm test` has just built it.
  const packed = JSON.parse(run(npm, ['pack', '--json', '--ignore-scripts', '--pack-destination', scratch], root));
  const tarball = join(scratch, packed[0].filename);
  const shipped = packed[0].files.map((f) => f.path);
  for (const required of ['LICENSE', 'README.md', 'package.json', 'dist/index.js', 'dist/index.cjs', 'dist/index.d.ts', 'dist/index.d.cts', 'dist/cli.js', 'dist/worker.js', 'dist/thread.js', 'dist/browser/worker.js', 'problem.schema.json', 'schedule.schema.json']) {
    assert.ok(shipped.includes(required), `the tarball ships ${required}`);
  }
  assert.ok(!shipped.some((path) => path.startsWith('src/') || path.startsWith('test/')), 'the tarball ships no sources or tests');

  writeFileSync(join(scratch, 'package.json'), JSON.stringify({ name: 'clinic-app', version: '1.0.0', private: true }));
  run(npm, ['install', tarball, '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts']);

  const problem = JSON.stringify({
    timeZone: 'America/Los_Angeles', weekStart: '2026-11-23',
    tracks: [{ id: 'day', windows: { weekly: [{ days: ['MO', 'WE', 'FR'], start: '09:00', end: '12:00' }] } }],
    services: [{ id: 'process', kind: 'group', durationMinutes: 60, staff: [{ credentials: ['LCSW'] }] }],
    staff: [{ id: 's-1', credentials: ['LCSW'] }],
    rooms: [{ id: 'r-1', capacity: 12 }],
    patients: [{ id: 'p-1', tracks: ['day'] }, { id: 'p-2', tracks: ['day'] }, { id: 'p-3', tracks: ['day'] }],
  });
  writeFileSync(join(scratch, 'esm.mjs'), `import { solve, validateProblem } from 'iop-scheduler';
const valid = validateProblem(${problem});
if (!valid.ok) throw new Error('invalid');
const { report } = solve(valid.problem, { seed: 1, maxIterations: 200, timeLimitMs: 60000 });
console.log(report.allMet ? 'esm ok' : 'esm short');\n`);
  writeFileSync(join(scratch, 'cjs.cjs'), `const { solve, validateProblem } = require('iop-scheduler');
const valid = validateProblem(${problem});
if (!valid.ok) throw new Error('invalid');
const { report } = solve(valid.problem, { seed: 1, maxIterations: 200, timeLimitMs: 60000 });
console.log(report.allMet ? 'cjs ok' : 'cjs short');\n`);
  assert.equal(run(process.execPath, ['esm.mjs']).trim(), 'esm ok');
  assert.equal(run(process.execPath, ['cjs.cjs']).trim(), 'cjs ok');
  // The JSON Schemas, by their exported names, from CommonJS and ESM (import attributes).
  writeFileSync(join(scratch, 'schema.mjs'), `import problem from 'iop-scheduler/problem.schema.json' with { type: 'json' };
import { createRequire } from 'node:module';
const schedule = createRequire(import.meta.url)('iop-scheduler/schedule.schema.json');
console.log(problem.$id.endsWith('/problem.schema.json') && schedule.$id.endsWith('/schedule.schema.json') ? 'schema ok' : 'schema wrong');\n`);
  assert.equal(run(process.execPath, ['schema.mjs']).trim(), 'schema ok');

  // TypeScript consumers: the shipped types under strict settings, for both resolutions apps use.
  writeFileSync(join(scratch, 'consumer.ts'), `import { solve, validateProblem, type Problem, type Report } from 'iop-scheduler';
const valid = validateProblem(${problem});
if (valid.ok) {
  const problem: Problem = valid.problem;
  const report: Report = solve(problem, { seed: 1, maxIterations: 10 }).report;
  const hours: number | undefined = report.patients[0]?.hours;
  console.log(hours);
}
// @ts-expect-error: seed is a number
solve({} as Problem, { seed: 'one' });
export {};\n`);
  const tsc = join(root, 'node_modules/typescript/bin/tsc');
  // The shipped declarations are checked too (no skipLibCheck), against the DOM's lib and no
  // Node types: a browser app has none.
  const compilerOptions = { noEmit: true, strict: true, exactOptionalPropertyTypes: true, noUncheckedIndexedAccess: true, target: 'es2022', lib: ['es2022', 'dom'], types: [] };
  for (const [module, moduleResolution, type] of [['nodenext', 'nodenext', 'module'], ['nodenext', 'nodenext', 'commonjs'], ['esnext', 'bundler', 'module']]) {
    writeFileSync(join(scratch, 'package.json'), JSON.stringify({ name: 'clinic-app', version: '1.0.0', private: true, type, dependencies: { 'iop-scheduler': `file:${tarball}` } }));
    writeFileSync(join(scratch, 'tsconfig.json'), JSON.stringify({ compilerOptions: { ...compilerOptions, module, moduleResolution }, files: ['consumer.ts'] }));
    try {
      run(process.execPath, [tsc, '-p', 'tsconfig.json']);
    } catch (error) {
      throw new Error(`TypeScript (${module}, ${moduleResolution}, type ${type}) rejected the consumer:\n${error.stdout}${error.stderr}`);
    }
  }
  console.log(`install test passed: ${readdirSync(join(scratch, 'node_modules')).length} packages installed from the tarball; ESM, CJS and TypeScript (NodeNext as module and as CommonJS, bundler) consumers work`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
