/**
 * Arguments are checked before any file is read or any solve starts; --as-of and --stamp reach
 * replan and the calendars.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Change } from '../../src/model/options.js';
import type { Schedule } from '../../src/model/schedule.js';
import { parseIcs } from '../export/parse-ics.js';
import { folderWith, runCli } from './run-cli.js';

const EXAMPLE = join(import.meta.dirname, '../../examples/problem.json');
const CHANGES = JSON.parse(readFileSync(join(import.meta.dirname, '../../examples/changes.json'), 'utf8')) as Change[];
const BUDGET = ['--seed', '7', '--max-iterations', '200', '--time-limit', '60000'];
/** The README's budget: examples/changes.json names a meeting of the week it solves. */
const README_BUDGET = ['--seed', '7', '--max-iterations', '2000', '--time-limit', '60000'];
const WEDNESDAY_7AM = '2026-12-02T07:00:00-08:00';

describe('command line arguments', () => {
  it('reports every argument error with exit 2 before reading a file or solving', async () => {
    // The problem file does not exist: an error about it would mean the arguments were checked too late.
    const missing = join(folderWith({}), 'nope.json');
    const cases: Array<[string[], RegExp]> = [
      [['solve', missing, '--bogus'], /Unknown option '--bogus'/],
      [['solve', missing, '--seed', 'seven'], /--seed must be a whole number/],
      [['solve', missing, '--max-iterations', '1e3'], /--max-iterations must be a whole number/],
      [['solve', missing, '--as-of', WEDNESDAY_7AM], /solve does not take --as-of/],
      [['diagnose', missing, '--seed', '1'], /diagnose does not take --seed/],
      [['replan', missing, missing, missing, '--as-of', '2026-12-02'], /--as-of must be an ISO 8601 instant/],
      [['replan', missing, missing, missing, '--as-of', 'Wednesday'], /--as-of must be an ISO 8601 instant/],
      [['solve', missing, '--ics', 'out', '--stamp', '2026-12-02 07:00'], /--stamp must be an ISO 8601 instant/],
      [['solve', missing, '--out', '-', '--report', '-'], /only one of --out, --report and --text/],
      [['solve', missing, '--html', '-'], /--html needs a file name/],
      [['solve', missing, '--out', join(missing, 'no-such-folder', 'week.json')], /folder .* does not exist/],
    ];
    for (const [argv, message] of cases) {
      const result = await runCli(argv);
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.stderr, argv.join(' ')).toMatch(message);
      expect(result.stderr, argv.join(' ')).not.toMatch(/Cannot read/);
    }
    const unreadable = await runCli(['solve', missing, ...BUDGET]);
    expect(unreadable.code).toBe(2);
    expect(unreadable.stderr).toMatch(/Cannot read .*nope\.json/);
  });

  it("--as-of keeps a Wednesday call-out from changing Tuesday's meetings", async () => {
    const [, callOut, admission] = CHANGES;
    // A patient who could start any day: without --as-of, replan books them into Tuesday's groups.
    const admit = structuredClone(admission) as Extract<Change, { kind: 'admit' }>;
    delete admit.patient.admittedOn;
    admit.patient.availability = { weekly: [{ days: ['MO', 'TU', 'WE', 'TH', 'FR'], start: '16:00', end: '21:30' }] };
    const dir = folderWith({ 'changes.json': [callOut, admit] });
    const week = join(dir, 'week.json');
    expect((await runCli(['solve', EXAMPLE, ...BUDGET, '--quiet', '--out', week])).code).toBeLessThan(2);
    const tuesday = (file: string): unknown[] =>
      (JSON.parse(readFileSync(file, 'utf8')) as Schedule).meetings.filter((m) => m.date < '2026-12-02').map(({ revision: _r, ...m }) => m);
    const replanned = async (extra: string[]): Promise<unknown[]> => {
      const out = join(dir, `next${extra.length}.json`);
      const result = await runCli(['replan', EXAMPLE, week, join(dir, 'changes.json'), ...BUDGET, '--quiet', '--out', out, ...extra]);
      expect(result.code, result.stderr).toBeLessThan(2);
      return tuesday(out);
    };
    expect(await replanned([])).not.toEqual(tuesday(week));
    expect(await replanned(['--as-of', WEDNESDAY_7AM])).toEqual(tuesday(week));
  });

  it('--stamp is the DTSTAMP of every calendar; a re-plan withdraws what it cancelled', async () => {
    const dir = folderWith({});
    const week = join(dir, 'week.json');
    expect((await runCli(['solve', EXAMPLE, ...README_BUDGET, '--quiet', '--out', week])).code).toBeLessThan(2);
    const stamp = '2026-12-02T07:05:00-08:00';
    const ics = join(dir, 'ics');
    const result = await runCli(['replan', EXAMPLE, week, join(import.meta.dirname, '../../examples/changes.json'), ...README_BUDGET, '--quiet', '--as-of', WEDNESDAY_7AM, '--stamp', stamp, '--ics', ics]);
    expect(result.code, result.stderr).toBeLessThan(2);
    const files = readdirSync(ics);
    expect(files).toContain('patient-p-09.ics');
    const events = files.flatMap((file) => parseIcs(readFileSync(join(ics, file), 'utf8')).events);
    expect(new Set(events.map((e) => e.stampMs))).toEqual(new Set([Date.parse(stamp)]));
    const whole = parseIcs(readFileSync(join(ics, 'week.ics'), 'utf8')).events;
    const cancelled = whole.filter((e) => e.status === 'CANCELLED');
    expect(cancelled.length).toBeGreaterThan(0);
    for (const event of cancelled) expect(event.sequence).toBeGreaterThanOrEqual(1);
  });
});
