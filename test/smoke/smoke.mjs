// Imports the built package by name, as an ESM consumer would, and uses every entry point once:
// rrule availability (rrule has no `exports` map), solve, check, the worker, and the CLI binary.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as library from 'iop-scheduler';
import { smokeProblem } from './problem.mjs';

const problem = smokeProblem();
assert.equal(library.validateProblem(42).ok, false);
assert.equal(library.validateProblem(problem).ok, true);

const solved = library.solve(problem, { seed: 3, maxIterations: 300, timeLimitMs: 20_000 });
const checked = library.checkSchedule(problem, solved.schedule);
assert.equal(checked.feasible, true, 'the solved week breaks no hard rule');
assert.deepEqual(checked.score, solved.report.score, 'solve and checkSchedule agree');
assert.ok(solved.schedule.meetings.length > 0, 'meetings were placed');
// The patient available only through an RRULE must be scheduled inside it (Tuesday evenings).
const rruleMeetings = solved.schedule.meetings.filter((m) => m.patients.includes('p-rrule'));
assert.ok(rruleMeetings.length > 0 && rruleMeetings.every((m) => m.day === 'TU'), 'RRULE availability expanded');

const inWorker = await library.solveInWorker(problem, { seed: 3, maxIterations: 300, timeLimitMs: 20_000 });
assert.deepEqual(inWorker.schedule, solved.schedule, 'the worker gives the same week for the same seed and budget');

assert.match(library.toICalendar(problem, solved.schedule), /BEGIN:VTIMEZONE/);

const dir = mkdtempSync(join(tmpdir(), 'iop-smoke-'));
writeFileSync(join(dir, 'problem.json'), JSON.stringify(problem));
const cli = join(import.meta.dirname, '../../dist/cli.js');
let code = 0;
try {
  execFileSync(process.execPath, [cli, 'solve', join(dir, 'problem.json'), '--seed', '3', '--out', join(dir, 'schedule.json')], { stdio: 'pipe' });
} catch (error) {
  code = error.status;
}
assert.ok(code === 0 || code === 1, `cli solve exits 0 or 1, got ${code}`);
try {
  execFileSync(process.execPath, [cli, 'check', join(dir, 'problem.json'), join(dir, 'schedule.json')], { stdio: 'pipe' });
  code = 0;
} catch (error) {
  code = error.status;
}
assert.ok(code === 0 || code === 1, `cli check exits 0 or 1, got ${code}`);
console.log(`ESM smoke test passed: ${solved.schedule.meetings.length} meetings, worker and CLI agree`);
