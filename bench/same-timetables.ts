/**
 * The reproducibility fixture of a restructure ("no behaviour change hidden in the move"): solves
 * the reference instances and a 300-patient generated clinic at fixed seeds and a fixed iteration
 * budget, plus one replan and one checkSchedule, and prints a hash of each result's JSON (timing
 * fields left out). Run it before and after a move; the two tables must be identical.
 *   tsx bench/same-timetables.ts [--iterations 3000]
 * Reads the sources (not dist/): what is being moved is the source tree. Prints hashes only,
 * nothing about patients.
 */
import { createHash } from 'node:crypto';
import type { Change } from '../src/model/options.js';
import type { Problem } from '../src/model/problem.js';
import { checkSchedule, replan, solve } from '../src/index.js';
import { argument } from './args.js';
import { generateProgram } from './generate.js';
import { referenceInstance } from './reference/instance.js';

const maxIterations = Number(argument('iterations') ?? '3000');
// Generous: the iteration budget, not the clock, must end every run, or the hashes would vary.
const timeLimitMs = 600_000;

/** JSON with every timing field dropped (stats, anything measured in ms), keys in their own order. */
function hashOf(value: unknown): string {
  const json = JSON.stringify(value, (key, inner: unknown) => (key === 'stats' || key.endsWith('Ms') ? undefined : inner));
  return createHash('sha256').update(json).digest('hex').slice(0, 16);
}

const rows: Array<[string, string]> = [];
const row = (name: string, value: unknown): void => {
  rows.push([name, hashOf(value)]);
  process.stdout.write(`${name.padEnd(36)} ${rows[rows.length - 1]![1]}\n`);
};

for (const [patients, instanceSeed] of [[10, 2], [40, 1], [35, 1], [20, 1]] as const) {
  const problem = referenceInstance(patients, instanceSeed);
  for (const seed of [1, 2, 3]) {
    const { schedule, report } = solve(problem, { seed, maxIterations, timeLimitMs });
    row(`reference ${patients}:${instanceSeed} seed ${seed}`, { schedule, report });
  }
}

const clinic: Problem = generateProgram({ patients: 300, seed: 1 });
const solved = solve(clinic, { seed: 1, maxIterations, timeLimitMs });
row('generated 300 seed 1', solved);
row('checkSchedule generated 300', checkSchedule(clinic, solved.schedule));

// One replan: the first staff member out on the week's first day, one patient admitted (a copy).
const template = clinic.patients[0]!;
const { avoid: _avoid, admittedOn: _admitted, dischargedOn: _discharged, ...rest } = template;
const changes: Change[] = [
  { kind: 'staff-out', staff: clinic.staff[0]!.id, date: clinic.weekStart },
  { kind: 'admit', patient: { ...structuredClone(rest), id: 'fixture-admit-1', admittedOn: clinic.weekStart } },
];
row('replan generated 300', replan(clinic, solved.schedule, changes, { seed: 1, maxIterations, timeLimitMs }));
