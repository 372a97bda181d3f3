/**
 * The after-school adolescent programme: adolescents and transition-age young adults never share
 * a group (`homogeneousBy: ['age:']`), and each family has one family-therapy session inside the
 * family's own availability (evenings, or alternate Saturday mornings).
 *
 * Run with `npx tsx examples/adolescent-program.ts`. Prints ids only; writes out/adolescent.html.
 */
import { adolescentProgram, checkSchedule, formatReport, renderHtml, renderText, solve } from '../src/index.js';
import { table, wrap, write } from './lib/out.js';

const problem = adolescentProgram();
const { schedule, report } = solve(problem, { seed: 1 });
const ageOf = new Map(problem.patients.map((p) => [p.id, p.tags?.find((t) => t.startsWith('age:')) ?? 'age:?']));
const count = (tag: string): number => [...ageOf.values()].filter((t) => t === tag).length;

console.log(
  wrap(
    `${problem.patients.length} patients (${count('age:adolescent')} adolescents, ${count('age:young-adult')} young adults), ` +
      `week of ${problem.weekStart}; ${schedule.meetings.length} meetings, solved in ` +
      `${Math.round(report.stats?.elapsedMs ?? 0)} ms (stopped: ${report.stats?.stoppedBecause}).\n`,
  ),
);
console.log(renderText(problem, schedule, { by: 'track', id: 'after-school' }));

// Groups: who is in each, by age tag. The homogeneity rule of checkSchedule counts the mixed ones.
const familyServices = new Set(problem.services.filter((s) => s.withFamily).map((s) => s.id));
const groupServices = new Set(problem.services.filter((s) => s.kind === 'group').map((s) => s.id));
const groups = schedule.meetings.filter((m) => groupServices.has(m.service));
const ages = (patients: readonly string[]): string[] => [...new Set(patients.map((p) => ageOf.get(p)!.slice(4)))];
console.log(`\nGroups (${groups.length}):`);
console.log(
  table(
    ['day', 'time', 'service', 'room', 'staff', 'size', 'ages'],
    groups.map((m) => [m.day, `${m.start}-${m.end}`, m.service, m.room ?? 'telehealth', m.staff.join(' '), String(m.patients.length), ages(m.patients).join(' + ')]),
  ),
);
const checked = checkSchedule(problem, schedule);
const homogeneity = checked.byRule.find((r) => r.rule === 'homogeneity');
const mixedByHand = groups.filter((m) => ages(m.patients).length > 1).length;
console.log(`\nMixed-age groups: ${homogeneity?.violations ?? 'rule missing'} (homogeneity rule), ${mixedByHand} (counted above).`);

// Family sessions: each inside the family's availability (the family-availability rule is hard).
const family = schedule.meetings.filter((m) => familyServices.has(m.service));
console.log(`\nFamily sessions (${family.length}):`);
console.log(
  table(
    ['patient', 'date', 'day', 'time', 'mode', 'room', 'staff'],
    family.map((m) => [m.patients.join(' '), m.date, m.day, `${m.start}-${m.end}`, m.mode, m.room ?? '-', m.staff.join(' ')]),
  ),
);
const familyBreaches = checked.byRule.find((r) => r.rule === 'family-availability')?.violations ?? 0;
const withoutFamily = problem.patients.filter((p) => !family.some((m) => m.patients.includes(p.id))).map((p) => p.id);
console.log(`Outside a family's availability: ${familyBreaches}. Without a family session: ${withoutFamily.join(', ') || 'none'}.`);

console.log(`\n${wrap(formatReport(checked))}`);
console.log(`\nWrote ${write('adolescent.html', renderHtml(problem, schedule, { by: 'track', report: checked }))}.`);
