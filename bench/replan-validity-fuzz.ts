/**
 * Counts, over N random re-planning cases (test/replan/validity-case.ts), how often `replan`
 * returns an invalid problem, a week with a hard violation, or throws, and on which rule and
 * change kinds. Not a timed benchmark. Run: `TZ=UTC npx tsx bench/replan-validity-fuzz.ts 3000 [seed]`
 * (`ANY_DISCHARGE=1`: discharges may also be dated before the admission, which must be refused).
 */
import fc from 'fast-check';
import { ProblemError } from '../src/model/issue.js';
import { validateProblem } from '../src/input/validate.js';
import { checkSchedule } from '../src/pipeline/check-schedule.js';
import { replan } from '../src/replan/replan.js';
import { nextWeek } from '../src/replan/next-week.js';
import { replanCaseArbitrary } from '../test/replan/validity-case.js';

const runs = Number(process.argv[2] ?? 1000);
const seed = Number(process.argv[3] ?? 1);
const counts = new Map<string, number>();
const bump = (key: string): void => void counts.set(key, (counts.get(key) ?? 0) + 1);
let failed = 0;
let rejected = 0;
const examples: string[] = [];
const cases = fc.sample(replanCaseArbitrary({ anyDischargeDate: process.env.ANY_DISCHARGE === '1' }), { numRuns: runs, seed });
for (const [n, c] of cases.entries()) {
  const kinds = [...new Set(c.changes.map((x) => x.kind))].sort().join('+') + (c.asOf ? '+asOf' : '');
  let kind: string | undefined;
  try {
    if (!checkSchedule(c.problem, c.schedule).feasible) { bump('skip: published week not feasible'); continue; }
    const result = replan(c.problem, c.schedule, c.changes, { seed: 1, maxIterations: 200, timeLimitMs: 60_000, ...(c.asOf ? { asOf: c.asOf } : {}) });
    const valid = validateProblem(result.problem);
    if (!valid.ok) kind = `invalid problem: ${valid.issues.map((i) => i.code).join(',')}`;
    else {
      const report = checkSchedule(result.problem, result.schedule);
      if (!report.feasible) kind = `hard: ${[...new Set(report.violations.filter((v) => v.level === 'hard').map((v) => v.rule))].sort().join(',')}`;
      else nextWeek(result.problem, result.schedule);
    }
  } catch (error) {
    if (error instanceof ProblemError) { rejected++; bump(`rejected: ${error.issues.map((i) => i.path.replace(/\d+/g, 'i') + ' ' + i.code).join(',')}`); continue; }
    kind = `throws: ${(error as Error).message.slice(0, 80)}`;
  }
  if (kind) {
    failed++;
    bump(kind);
    bump(`  changes ${kinds}`);
    if (kind.startsWith('throws') || examples.length < 5) examples.push(`#${n} ${kind} ${kinds}`);
  }
}
console.log(`${runs} cases, seed ${seed}: ${failed} failed, ${rejected} rejected`);
for (const [k, v] of [...counts].sort((a, b) => b[1] - a[1])) console.log(`${String(v).padStart(5)}  ${k}`);
console.log(examples.join('\n'));
