/**
 * `solve --triage` reaches the solver, and validation warnings reach stderr (ids and paths only:
 * never a patient's data), whatever else is printed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Problem } from '../../src/model/problem.js';
import type { Report } from '../../src/model/report.js';
import { overFullEvening } from '../engine/over-full-evening.js';
import { folderWith, runCli } from './run-cli.js';

const EXAMPLE = JSON.parse(readFileSync(join(import.meta.dirname, '../../examples/problem.json'), 'utf8')) as Problem;
const BUDGET = ['--seed', '3', '--max-iterations', '300', '--time-limit', '60000', '--quiet'];

describe('solve --triage and validation warnings', () => {
  it('--triage reaches the solver: whole-patients serves more patients fully than spread', async () => {
    // One 12-seat room for 20 evening patients: 12 whole weeks under whole-patients, none under spread.
    const dir = folderWith({ 'problem.json': overFullEvening() });
    const reports: Record<string, Report> = {};
    for (const triage of ['whole-patients', 'spread']) {
      const result = await runCli(['solve', join(dir, 'problem.json'), '--seed', '1', '--max-iterations', '5000', '--time-limit', '60000', '--quiet', '--triage', triage, '--report', '-']);
      expect(result.code, result.stderr).toBe(1);
      reports[triage] = JSON.parse(result.stdout) as Report;
    }
    const served = (r: Report | undefined): number => r?.patients.filter((p) => p.met).length ?? 0;
    expect(served(reports['whole-patients'])).toBeGreaterThan(served(reports.spread));
    expect(JSON.stringify(reports.spread?.patients)).not.toBe(JSON.stringify(reports['whole-patients']?.patients));
  });

  it('refuses a triage it does not know, before reading the file', async () => {
    const result = await runCli(['solve', 'nope.json', '--triage', 'fair']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--triage must be whole-patients or spread \(got 'fair'\)/);
    expect((await runCli(['check', 'nope.json', 'nope.json', '--triage', 'spread'])).stderr).toMatch(/check does not take --triage/);
  });

  it('prints validation warnings on stderr with path and code, naming no patient', async () => {
    const problem = structuredClone(EXAMPLE);
    const lcsw = problem.staff.findIndex((s) => s.id === problem.patients[0]?.primaryStaff);
    problem.staff[lcsw]!.maxCaseload = 1;
    problem.rules = { ...problem.rules, maxWeeklyHours: 20 };
    const dir = folderWith({ 'problem.json': problem });
    const result = await runCli(['solve', join(dir, 'problem.json'), ...BUDGET, '--out', join(dir, 'week.json')]);
    expect(result.stderr).toMatch(new RegExp(`staff\\[${lcsw}\\]\\.maxCaseload: .*\\(caseload-exceeded\\)`));
    expect(result.stderr).toMatch(/rules\.maxWeeklyHours: .*\(partial-hospitalization\)/);
    for (const patient of problem.patients) expect(result.stderr).not.toContain(patient.id);
    // Warnings do not stop the run: the week is written.
    expect(readFileSync(join(dir, 'week.json'), 'utf8')).toContain('"meetings"');
  });
});
