/**
 * The command line on ids at the edge of what validation accepts: as long as allowed, made of
 * dots or emoji, path-like, device names, and (in a schedule file, which validation never sees)
 * escape sequences and bidi overrides.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { calendarFileName } from '../../src/cli/file-names.js';
import type { Problem } from '../../src/model/problem.js';
import type { Schedule } from '../../src/model/schedule.js';
import { parseIcs } from '../export/parse-ics.js';
import { tinyProblem } from '../support/tiny.js';
import { folderWith, runCli } from './run-cli.js';

const BUDGET = ['--seed', '3', '--max-iterations', '300', '--time-limit', '20000'];
const IDS = ['😀'.repeat(100), '.'.repeat(85), 'x'.repeat(200), '../P4'];

/** The tiny clinic (easy minimums) with edge ids for patients, a staff member and a room. */
function edgeProblem(): Problem {
  const problem = tinyProblem();
  return {
    ...problem,
    rules: { minWeeklyHours: 2, minDays: 1 },
    patients: problem.patients.map((p, i) => ({ ...p, id: IDS[i]! })),
    staff: [{ ...problem.staff[0]!, id: 'CON' }, { ...problem.staff[1]!, id: '/'.repeat(200) }],
    rooms: [{ ...problem.rooms[0]!, id: '.' }, { ...problem.rooms[1]!, id: '..' }],
  };
}

describe('iop-scheduler on edge ids', () => {
  it('writes one calendar per patient, staff member and room under short portable names', async () => {
    const dir = folderWith({ 'problem.json': edgeProblem() });
    const ics = join(dir, 'ics');
    const result = await runCli(['solve', join(dir, 'problem.json'), ...BUDGET, '--quiet', '--out', join(dir, 'week.json'), '--ics', ics, '--html', join(dir, 'week.html'), '--text', join(dir, 'week.txt')]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const schedule = JSON.parse(readFileSync(join(dir, 'week.json'), 'utf8')) as Schedule;
    const files = readdirSync(ics);
    for (const name of files) {
      expect(name).toMatch(/^[a-z][A-Za-z0-9._-]*\.ics$/);
      expect(Buffer.byteLength(name)).toBeLessThanOrEqual(80);
    }
    expect(files.filter((name) => name.startsWith('patient-'))).toHaveLength(4);
    expect(files.filter((name) => !name.endsWith('.ics') || name.startsWith('.'))).toEqual([]);
    for (const id of IDS) {
      const mine = schedule.meetings.filter((m) => m.patients.includes(id)).map((m) => Date.parse(m.startsAt)).sort();
      const events = parseIcs(readFileSync(join(ics, calendarFileName('patient', id)), 'utf8')).events;
      expect(events.map((e) => e.startMs).sort()).toEqual(mine);
    }
  });
});

describe('iop-scheduler printing ids from files', () => {
  const EVIL = ['m\u001b[2J\u001b[31mred', 'm\u009b2Jc1', 'm\u202Egnp.exe', 'm\nFAKE: every requirement met', 'm\uD800lone', 'm\r\u0007bell'];
  // ESC, CSI, BEL, CR, bidi overrides and lone surrogates, raw.
  const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|[\uD800-\uDFFF]/;

  it('check shows malformed meeting ids of a schedule file as visible escapes, on stdout and stderr, in every output', async () => {
    const problem = { ...tinyProblem(), rules: { minWeeklyHours: 2, minDays: 1 } };
    // Every meeting double-books p1 at the same hour: hard breaches that name the meetings.
    const meetings = EVIL.map((id) => ({
      id, service: 'individual', track: null, date: '2026-11-24', day: 'TU', start: '18:00', end: '19:00',
      startsAt: '2026-11-24T18:00:00-08:00', endsAt: '2026-11-24T19:00:00-08:00', room: null, mode: 'telehealth', staff: ['clin-1'], patients: ['p1'],
    }));
    const dir = folderWith({ 'problem.json': problem, 'week.json': { timeZone: problem.timeZone, weekStart: problem.weekStart, meetings } });
    for (const extra of [[], ['--text', '-'], ['--report', '-'], ['--ics', join(dir, 'ics'), '--html', join(dir, 'week.html')]]) {
      const result = await runCli(['check', join(dir, 'problem.json'), join(dir, 'week.json'), ...extra]);
      expect(result.code, result.stderr).toBe(1);
      expect(result.stdout + result.stderr).not.toMatch(RAW);
      expect(result.stdout + result.stderr).not.toMatch(/^FAKE/m);
    }
    const summary = await runCli(['check', join(dir, 'problem.json'), join(dir, 'week.json')]);
    expect(summary.stdout).toContain('m\\u001b[2J\\u001b[31mred');
    expect(summary.stdout).toContain('m\\u202egnp.exe');
    const report = await runCli(['check', join(dir, 'problem.json'), join(dir, 'week.json'), '--report', '-']);
    expect(() => JSON.parse(report.stdout) as unknown).not.toThrow();
  });

  it('check rejects a schedule file whose meeting fields have the wrong JSON type as bad input (exit 2), naming them', async () => {
    const problem = tinyProblem();
    const base = { service: 'individual', track: null, date: '2026-11-24', day: 'TU', start: '18:00', end: '19:00', startsAt: '2026-11-24T18:00:00-08:00', endsAt: '2026-11-24T19:00:00-08:00', room: null, mode: 'telehealth', staff: ['clin-1'], patients: ['p1'] };
    const meetings = [{ ...base, id: 'ok' }, { ...base, id: 42 }, { ...base, id: 'x', patients: [7], room: 3 }];
    const dir = folderWith({ 'problem.json': problem, 'week.json': { timeZone: problem.timeZone, weekStart: problem.weekStart, meetings } });
    const result = await runCli(['check', join(dir, 'problem.json'), join(dir, 'week.json'), '--ics', join(dir, 'ics'), '--html', join(dir, 'week.html')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('meetings[1].id: must be a string.');
    expect(result.stderr).toContain('meetings[2].room: must be a string or null.');
    expect(result.stderr).toContain('meetings[2].patients: must be an array of strings.');
  });

  it('still draws the progress bar with its own control sequences on a terminal', async () => {
    const dir = folderWith({ 'problem.json': { ...tinyProblem(), rules: { minWeeklyHours: 2, minDays: 1 } } });
    const result = await runCli(['solve', join(dir, 'problem.json'), '--seed', '1', '--max-iterations', '3000', '--time-limit', '60000'], { tty: true });
    expect(result.stderr).toContain('\r\u001b[2K');
    expect(result.stderr).not.toContain('\\u001b');
  });

  it('shows invalid problem issues with escapes, not raw controls', async () => {
    const problem = { ...tinyProblem(), patients: [{ id: 'p\u001b[2J\uD800', tracks: ['evening\u202E'] }] };
    const dir = folderWith({ 'problem.json': problem });
    const result = await runCli(['solve', join(dir, 'problem.json')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('not well-formed Unicode');
    expect(result.stderr).not.toMatch(RAW);
  });
});
