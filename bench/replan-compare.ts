/**
 * The re-planning row for one build on a published week that does not depend on the machine's
 * load: the week is solved by `--solve-lib` with an iteration budget (and a generous time
 * limit), so two builds (`--lib`) are measured on the very same week, each in its own process:
 *   tsx bench/replan-compare.ts --patients 1000 --seed 1 --solve-lib /tmp/main-dist/index.js --lib dist/index.js
 * Prints one line `REPLAN_RESULT {json}`. Ids only: nothing about patients is printed.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Problem } from '../src/model/problem.js';
import { argument } from './args.js';
import { generateProgram } from './generate.js';
import type { Library } from './library.js';
import { replanScenario } from './replan-scenario.js';

const patients = Number(argument('patients') ?? '1000');
const seed = Number(argument('seed') ?? '1');
const solveIterations = Number(argument('solve-iterations') ?? '200');
const load = async (path: string): Promise<Library> => (await import(pathToFileURL(resolve(path)).href)) as Library;
const solver = await load(argument('solve-lib') ?? 'dist/index.js');
const library = await load(argument('lib') ?? 'dist/index.js');

const problem: Problem = generateProgram({ patients, seed });
const { schedule } = solver.solve(problem, { seed, timeLimitMs: 600_000, maxIterations: solveIterations });
const checked = solver.checkSchedule(problem, schedule);
const row = replanScenario(library, problem, schedule, checked);
process.stdout.write(`REPLAN_RESULT ${JSON.stringify({ patients, seed, solveIterations, publishedMet: checked.patients.filter((r) => r.met).length, ...row })}\n`);
