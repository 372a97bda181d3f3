/**
 * Every command of the README's "Command line" section runs as written, against the CLI bundled
 * the way `npm run build` bundles dist/cli.js (esbuild, node 20, ESM), in a scratch folder holding
 * the examples, exactly as written: the README's budget is small enough to run in seconds, and the
 * week its replan command reads must be the week its solve command wrote (examples/changes.json
 * names a meeting of that week).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');

/** The commands of the README's first sh block after "## Command line", one argv each. */
function readmeCommands(): string[][] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Command line'));
  const block = /```sh\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
  return block
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.replace(/#.*$/, '').trim())
    .filter((line) => line !== '')
    .map((line) => line.split(/\s+/));
}

describe("the README's command line", () => {
  let dir = '';
  let cli = '';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'iop-readme-'));
    cli = join(dir, 'cli.js');
    await build({ entryPoints: [join(ROOT, 'src/cli.ts')], outfile: cli, bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'silent' });
    cpSync(join(ROOT, 'examples'), join(dir, 'examples'), { recursive: true });
    execFileSync('ln', ['-s', join(ROOT, 'node_modules'), join(dir, 'node_modules')]);
  });

  it('has the commands the section documents', () => {
    const commands = readmeCommands();
    expect(commands.map((argv) => argv.slice(0, 3).join(' '))).toEqual(expect.arrayContaining(['npx iop-scheduler diagnose', 'npx iop-scheduler solve', 'npx iop-scheduler check', 'npx iop-scheduler replan']));
    for (const argv of commands) expect(argv.slice(0, 2)).toEqual(['npx', 'iop-scheduler']);
  });

  it('runs every one of them in order, each exiting 0 or 1 and writing the outputs it names', () => {
    for (const argv of readmeCommands()) {
      const args = argv.slice(2);
      const result = spawnSync(process.execPath, [cli, ...args], { cwd: dir, encoding: 'utf8', timeout: 50_000 });
      expect([0, 1], `${args.join(' ')}\n${result.stderr}`).toContain(result.status);
      for (const option of ['--out', '--report', '--html', '--text', '--ics']) {
        const at = args.indexOf(option);
        const path = at >= 0 ? args[at + 1] : undefined;
        if (path !== undefined && path !== '-') expect(existsSync(join(dir, path)), `${option} ${path}`).toBe(true);
      }
      if (args.includes('--ics')) expect(existsSync(join(dir, args[args.indexOf('--ics') + 1] ?? '', 'week.ics'))).toBe(true);
    }
  });
});
