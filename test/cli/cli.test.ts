import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import packageJson from '../../package.json' with { type: 'json' };
import * as api from '../../src/index.js';
import type { Problem } from '../../src/model/problem.js';
import type { Report } from '../../src/model/report.js';
import type { Schedule } from '../../src/model/schedule.js';
import { parseIcs } from '../export/parse-ics.js';
import { meeting, scheduleOf, tinyProblem } from '../support/tiny.js';
import { folderWith, runCli } from './run-cli.js';

/** The tiny clinic with low weekly minimums: every requirement can be met. */
function easyProblem(): Problem {
  return { ...tinyProblem(), rules: { minWeeklyHours: 2, minDays: 1 } };
}

/** The tiny clinic where p1 can come one hour a week: 9 hours cannot be met. */
function shortProblem(): Problem {
  const problem = tinyProblem();
  problem.patients[0] = { ...problem.patients[0]!, availability: { weekly: [{ days: ['TU'], start: '18:00', end: '19:00' }] } };
  return problem;
}

const BUDGET = ['--seed', '3', '--max-iterations', '300', '--time-limit', '20000'];

describe('iop-scheduler command line', () => {
  it('prints help with the exit codes, and the version', async () => {
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: iop-scheduler <command>');
    expect(help.stdout).toMatch(/Exit codes:\n {2}0 .*\n {2}1 .*\n {2}2 .*path: message/);
    const version = await runCli(['--version']);
    expect(version).toEqual({ code: 0, stdout: `${packageJson.version}\n`, stderr: '' });
  });

  it('rejects bad arguments with exit code 2', async () => {
    for (const argv of [[], ['frobnicate'], ['solve'], ['solve', 'a.json', 'b.json'], ['solve', 'p.json', '--bogus'], ['solve', 'p.json', '--seed', 'x'], ['solve', 'p.json', '--time-limit', '0']]) {
      const result = await runCli(argv);
      expect(result.code, argv.join(' ')).toBe(2);
    }
    expect((await runCli(['solve', 'p.json', '--seed', '-1'])).stderr).toMatch(/--seed|Usage/);
  });

  it('reports unreadable files, invalid JSON and invalid problems as bad input (exit 2) with path: message', async () => {
    const dir = folderWith({ 'broken.json': '{ "timeZone": ', 'number.json': '42' });
    const missing = await runCli(['solve', join(dir, 'nope.json')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Cannot read');
    const broken = await runCli(['solve', join(dir, 'broken.json')]);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('is not valid JSON');
    const invalid = await runCli(['solve', join(dir, 'number.json')]);
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toMatch(/is not a valid problem \(\d+ issues?\):\n {2}\(root\): /);
  });

  it('solves, writes schedule, report, calendars and HTML, and exits 0 when everything is met', async () => {
    const dir = folderWith({ 'problem.json': easyProblem() });
    const result = await runCli(['solve', join(dir, 'problem.json'), ...BUDGET, '--out', join(dir, 'week.json'), '--report', join(dir, 'report.json'), '--ics', join(dir, 'ics'), '--html', join(dir, 'week.html')]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^\d+ sessions\. Every requirement of all 4 patients is met\.\nScore: hard 0 /);
    const schedule = JSON.parse(readFileSync(join(dir, 'week.json'), 'utf8')) as Schedule;
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as Report;
    expect(schedule.meetings.length).toBeGreaterThan(0);
    expect(report.allMet).toBe(true);
    const files = readdirSync(join(dir, 'ics')).sort();
    expect(files).toContain('week.ics');
    expect(files.filter((f) => f.startsWith('patient-'))).toEqual(['patient-p1.ics', 'patient-p2.ics', 'patient-p3.ics', 'patient-p4.ics']);
    expect(parseIcs(readFileSync(join(dir, 'ics', 'week.ics'), 'utf8')).events).toHaveLength(schedule.meetings.length);
    const p1 = schedule.meetings.filter((m) => m.patients.includes('p1'));
    expect(parseIcs(readFileSync(join(dir, 'ics', 'patient-p1.ics'), 'utf8')).events.map((e) => e.startMs).sort()).toEqual(p1.map((m) => Date.parse(m.startsAt)).sort());
    expect(readFileSync(join(dir, 'week.html'), 'utf8')).toMatch(/^<!doctype html>/);
  });

  it('round trip: check of the solved schedule gives the same verdict and score as solve', async () => {
    for (const problem of [easyProblem(), shortProblem()]) {
      const dir = folderWith({ 'problem.json': problem });
      const solved = await runCli(['solve', join(dir, 'problem.json'), ...BUDGET, '--quiet', '--out', join(dir, 'week.json'), '--report', join(dir, 'solve-report.json')]);
      const checked = await runCli(['check', join(dir, 'problem.json'), join(dir, 'week.json'), '--report', '-']);
      expect(checked.code).toBe(solved.code);
      const fromSolve = JSON.parse(readFileSync(join(dir, 'solve-report.json'), 'utf8')) as Report;
      const fromCheck = JSON.parse(checked.stdout) as Report;
      expect(fromCheck.score).toEqual(fromSolve.score);
      expect(fromCheck.unmet.map((u) => [u.patient, u.rule])).toEqual(fromSolve.unmet.map((u) => [u.patient, u.rule]));
      // With the report on stdout, the summary goes to stderr.
      expect(checked.stderr).toMatch(/^\d+ sessions\./);
    }
  });

  it('exits 1 and names who falls short when a requirement is unmet', async () => {
    const dir = folderWith({ 'problem.json': shortProblem() });
    const result = await runCli(['solve', join(dir, 'problem.json'), ...BUDGET, '--text', join(dir, 'week.txt'), '--explain']);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/requirements? unmet for \d of 4 patients/);
    expect(result.stdout).toMatch(/^ {2}p1: .*9/m);
    // --explain adds why: p1 is free one hour a week.
    expect(result.stdout).toMatch(/^ {2}p1: .*\n {6}because: /m);
    expect(readFileSync(join(dir, 'week.txt'), 'utf8')).toContain('Unmet requirements');
  });

  it('check exits 1 on a hand-edited schedule that breaks a hard rule, and 2 on a malformed one', async () => {
    const clash = scheduleOf([
      meeting({ id: 'a', service: 'process', track: 'evening', day: 'TU', start: '18:00', room: 'room-a', staff: ['clin-1'], patients: ['p1', 'p2'] }),
      meeting({ id: 'b', service: 'individual', day: 'TU', start: '18:00', room: 'office-1', staff: ['clin-2'], patients: ['p1'] }),
    ]);
    const dir = folderWith({ 'problem.json': easyProblem(), 'clash.json': clash, 'bad.json': { meetings: 'none' } });
    const result = await runCli(['check', join(dir, 'problem.json'), join(dir, 'clash.json')]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('Breaks hard rules');
    expect(result.stdout).toMatch(/Hard-rule breaches \(\d+\):\n {2}patient-double-booked: /);
    const bad = await runCli(['check', join(dir, 'problem.json'), join(dir, 'bad.json')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('meetings: must be an array');
  });

  it('diagnose exits 1 with the findings when something cannot be met, 0 otherwise', async () => {
    const dir = folderWith({ 'short.json': shortProblem(), 'easy.json': easyProblem() });
    const short = await runCli(['diagnose', join(dir, 'short.json')]);
    expect(short.code).toBe(1);
    expect(short.stdout).toMatch(/finding.*\n {2}[a-z-]+: .*p1/);
    const easy = await runCli(['diagnose', join(dir, 'easy.json'), '--json']);
    expect(easy.code).toBe(0);
    expect(JSON.parse(easy.stdout)).toMatchObject({ impossible: [] });
  });

  it('replan absorbs a call-out, lists what changed, and names a bad change by its path', async () => {
    const dir = folderWith({ 'problem.json': easyProblem() });
    const solved = await runCli(['solve', join(dir, 'problem.json'), ...BUDGET, '--quiet', '--out', join(dir, 'week.json')]);
    expect([0, 1]).toContain(solved.code);
    const week = JSON.parse(readFileSync(join(dir, 'week.json'), 'utf8')) as Schedule;
    const led = week.meetings.find((m) => m.staff.length > 0)!;
    const changes = folderWith({
      'out.json': [{ kind: 'staff-out', staff: led.staff[0], date: led.date }],
      'unknown.json': [{ kind: 'pin', meeting: 'no-such-meeting' }],
      'bad.json': { kind: 'pin' },
    });
    expect((await runCli(['replan', join(dir, 'problem.json'), join(dir, 'week.json'), join(changes, 'bad.json')])).code).toBe(2);
    const unknown = await runCli(['replan', join(dir, 'problem.json'), join(dir, 'week.json'), join(changes, 'unknown.json')]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('changes[0].meeting');
    const result = await runCli(['replan', join(dir, 'problem.json'), join(dir, 'week.json'), join(changes, 'out.json'), ...BUDGET, '--out', join(dir, 'new.json')], { tty: false });
    expect([0, 1]).toContain(result.code);
    expect(result.stderr).toContain(led.id);
    const replanned = JSON.parse(readFileSync(join(dir, 'new.json'), 'utf8')) as Schedule;
    const onThatDay = replanned.meetings.filter((m) => m.date === led.date && m.staff.includes(led.staff[0]!));
    expect(onThatDay).toEqual([]);
  });

  it('draws no progress bar and no escape codes when stderr is not a terminal', async () => {
    const dir = folderWith({ 'problem.json': easyProblem() });
    const result = await runCli(['solve', join(dir, 'problem.json'), ...BUDGET, '--out', join(dir, 'week.json')], { tty: false });
    expect(result.stderr).toBe('');
    expect(result.stdout).not.toContain('\x1b');
  });
});
