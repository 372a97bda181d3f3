/**
 * Construction alone, in its own process: validation and compilation first (not counted), then
 * `construct` on a generated clinic; prints its CPU and wall time, peak RSS and a hash of the
 * timetable (ids only, nothing about patients). Run under `node --cpu-prof` for a profile.
 *   tsx bench/construct-cpu.ts --patients N [--seed S]
 */
import { createHash } from 'node:crypto';
import { loadavg } from 'node:os';
import { assertValidProblem } from '../src/input/validate.js';
import { compileProblem } from '../src/compiled/compile.js';
import { allRules } from '../src/rules/catalogue.js';
import { resolveWeights, withTriage } from '../src/check/weights.js';
import { construct, createEngine } from '../src/engine/index.js';
import { argument } from './args.js';
import { cpuMsSince } from './calibrate.js';
import { generateProgram } from './generate.js';

const patients = Number(argument('patients') ?? '1000');
const seed = Number(argument('seed') ?? '1');
const compiled = compileProblem(assertValidProblem(generateProgram({ patients, seed })));
const rules = allRules();
const engine = createEngine(compiled, rules, withTriage(resolveWeights(rules, undefined), undefined), seed);
const cpu = process.cpuUsage();
const startedAt = performance.now();
const complete = construct(engine);
const wallMs = performance.now() - startedAt;
const cpuMs = cpuMsSince(cpu);
const hash = createHash('sha256').update(JSON.stringify(engine.state.meetings)).digest('hex').slice(0, 12);
const score = engine.state.score();
process.stdout.write(
  `construct patients=${patients} seed=${seed} complete=${complete} cpuMs=${cpuMs.toFixed(0)} wallMs=${wallMs.toFixed(0)} ` +
    `rssMb=${(process.resourceUsage().maxRSS / 1024).toFixed(0)} load=${loadavg()[0]!.toFixed(2)} hard=${score.hard} hash=${hash}\n`,
);
