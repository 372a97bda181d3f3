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
