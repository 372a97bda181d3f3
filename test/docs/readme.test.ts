/**
 * The README cannot drift from the code: its opening commands, its rule table (generated from
 * `ruleCatalogue()`) and its API tour, which is type-checked against src/ and run.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { ruleCatalogue } from '../../src/index.js';
import { README, ruleTable, splitDescription, tableIn } from './rule-table.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const INDEX = join(ROOT, 'src/index.ts');
const readme = readFileSync(README, 'utf8');

/** The TypeScript block between the tour markers. */
function tourSource(): string {
  const block = /<!-- tour:start -->\s*```ts\n([\s\S]*?)```\s*<!-- tour:end -->/.exec(readme);
  if (!block?.[1]) throw new Error('README.md has no ```ts block between <!-- tour:start --> and <!-- tour:end -->');
  return block[1];
}

/** Table rows of the generated rule table in README.md: [code, level, meaning, penalty, weight]. */
function readmeRules(): string[][] {
  const table = tableIn(readme) ?? '';
  return table
    .split('\n')
    .slice(2)
    .map((row) => row.split(/(?<!\\)\|/).slice(1, -1).map((c) => c.trim()));
}

describe('README.md', () => {
  it('opens with the two one-line commands', () => {
    expect(readme.split('\n').slice(0, 6)).toEqual([
      '# iop-scheduler',
      '',
      '```sh',
      'npm install && npm run example   # solves a realistic built-in clinic and shows the week',
      'npm install && npm test          # everything the project checks',
      '```',
    ]);
  });

  it('lists exactly the rules of ruleCatalogue(), in order, with their levels and default weights', () => {
    const rows = readmeRules();
    const catalogue = ruleCatalogue();
    expect(rows.map((r) => r[0])).toEqual(catalogue.map((r) => `\`${r.code}\``));
    expect(rows.map((r) => r[1])).toEqual(catalogue.map((r) => r.level));
    expect(rows.map((r) => Number(r[4]))).toEqual(catalogue.map((r) => r.defaultWeight));
  });

  it('has the rule table exactly as generated (regenerate: npx tsx test/docs/rule-table.ts --write)', () => {
    expect(tableIn(readme)).toBe(ruleTable());
  });

  it('states a penalty unit for every rule', () => {
    for (const rule of ruleCatalogue()) expect(splitDescription(rule.description).penalty, rule.code).not.toBe('');
  });
});

describe('the API tour in README.md', () => {
  const dir = mkdtempSync(join(tmpdir(), 'iop-readme-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('type-checks against src/ under the project compiler options', () => {
    const file = join(dir, 'tour-check.mts');
    writeFileSync(file, tourSource());
    const config = ts.getParsedCommandLineOfConfigFile(join(ROOT, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
    if (!config) throw new Error('cannot read tsconfig.json');
    const options: ts.CompilerOptions = {
      ...config.options,
      noEmit: true,
      baseUrl: ROOT,
      paths: { 'iop-scheduler': [INDEX] },
      typeRoots: [join(ROOT, 'node_modules/@types')],
    };
    const program = ts.createProgram([file], options);
    const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => ts.formatDiagnostic(d, { getCanonicalFileName: (f) => f, getCurrentDirectory: () => ROOT, getNewLine: () => '\n' }));
    expect(diagnostics).toEqual([]);
  }, 180_000);

  it('runs and prints what it says', () => {
    mkdirSync(join(dir, 'examples'));
    copyFileSync(join(ROOT, 'examples/problem.json'), join(dir, 'examples/problem.json'));
    const file = join(dir, 'tour-run.mts');
    writeFileSync(file, tourSource().replace("from 'iop-scheduler'", `from ${JSON.stringify(pathToFileURL(INDEX).href)}`));
    const tsx = createRequire(import.meta.url).resolve('tsx/cli');
    const run = spawnSync(process.execPath, [tsx, file], { cwd: dir, encoding: 'utf8', timeout: 170_000 });
    expect(run.stderr.replace(/^npm warn.*\n/gm, ''), run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('every requirement met');
    expect(run.stdout).toContain('meeting-duration');
    expect(run.stdout).toMatch(/week of 2026-12-07: \d+ meetings/);
    const ics = readFileSync(join(dir, 'out/p-05.ics'), 'utf8');
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics).toContain('TZID=America/Los_Angeles');
    expect(readFileSync(join(dir, 'out/week.html'), 'utf8')).toContain('<html');
  }, 180_000);
});
