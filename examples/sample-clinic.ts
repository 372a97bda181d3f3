/**
 * The built-in sample clinic, end to end: validate, diagnose, solve, read the week and the
 * report, write calendars and a printable page to `out/`; then a deliberately overbooked week,
 * explained: who falls short, why, and which verified changes would help most.
 *
 * Run with `npm run example` (or `npx tsx examples/sample-clinic.ts`). Prints ids only.
 */
import {
  diagnose,
  explain,
  formatReport,
  renderHtml,
  renderText,
  sampleClinic,
  solve,
  validateProblem,
  type Report,
} from '../src/index.js';
import { columns, table, wrap, write, writeCalendars } from './lib/out.js';
import { workRows } from './lib/work.js';

const rule = (title: string): void => console.log(`\n${`== ${title} `.padEnd(100, '=')}\n`);
const seconds = (ms: number | undefined): string => `${((ms ?? 0) / 1000).toFixed(2)} s`;

// 1. Validate: the sample is built in code, but a clinic's problem usually arrives as JSON.
const valid = validateProblem(sampleClinic());
if (!valid.ok) {
  for (const issue of valid.issues) console.error(`${issue.path}: ${issue.message}`);
  process.exit(2);
}
const problem = valid.problem;

rule('The sample clinic');
const perTrack = problem.tracks.map((t) => `${problem.patients.filter((p) => p.tracks[0] === t.id).length} in ${t.id}`);
console.log(`Week of ${problem.weekStart} (${problem.timeZone}).`);
console.log(`${problem.patients.length} patients (${perTrack.join(', ')}), ${problem.staff.length} staff, ${problem.rooms.length} rooms.`);
console.log(wrap(`Services: ${problem.services.map((s) => `${s.id} (${s.durationMinutes} min)`).join(', ')}.`));

// 2. Before solving: anything no timetable can meet, and how full each track-day is.
const diagnosis = diagnose(problem);
console.log(diagnosis.impossible.length === 0 ? '\nDiagnosis: nothing is impossible.' : '\nDiagnosis: impossible:');
for (const finding of diagnosis.impossible) console.log(`- ${finding.message}`);
for (const row of diagnosis.capacity) {
  console.log(`  ${row.track.padEnd(8)} ${row.day}  ${String(Math.round(row.utilisation * 100)).padStart(3)}% of ${row.binding} used`);
}
for (const bottleneck of diagnosis.bottlenecks) console.log(`  Bottleneck: ${bottleneck.message}`);

// 3. Solve. A fixed seed and iteration budget, with a time limit generous enough never to be
// what stops it: the same week on every run and every machine (only the timings differ).
const BUDGET = { seed: 1, maxIterations: 20_000, timeLimitMs: 60_000 } as const;
const { schedule, report } = solve(problem, BUDGET);
const stats = report.stats!;
rule('Solve');
console.log(wrap(
  `${schedule.meetings.length} meetings in ${seconds(stats.elapsedMs)}: first complete week after ` +
    `${seconds(stats.firstCompleteMs)}, best after ${seconds(stats.timeToBestMs)}, ` +
    `${stats.iterations} iterations, stopped: ${stats.stoppedBecause}.`,
));
console.log(`Score: hard ${report.score.hard}, requirement ${report.score.requirement}, soft ${report.score.soft}.`);

for (const track of problem.tracks) {
  rule(`Track ${track.id}`);
  console.log(renderText(problem, schedule, { by: 'track', id: track.id }));
}

rule('Patients');
const rows = report.patients.map((row) => [row.patient, row.hours.toFixed(1), row.days.join(' '), row.met ? 'yes' : 'NO']);
console.log(columns(chunks(rows, Math.ceil(rows.length / 2)).map((part) => table(['patient', 'hours', 'days', 'met'], part))));

rule('Staff: meal breaks and notes time');
// Every group leaves its facilitator 10 minutes of notes; every clinician has a 30-minute meal
// break inside a window. Each break is shown where it falls first (it may float within its window).
const breakLengths = [...new Set(problem.staff.flatMap((m) => (m.breaks ?? []).map((b) => `${b.minutes} min in ${b.within.start}-${b.within.end}`)))];
console.log(wrap(`Breaks: ${breakLengths.join('; ')}. Notes after each group: ${problem.services.filter((s) => s.notesMinutes).map((s) => `${s.id} ${s.notesMinutes} min`).join(', ')}.`));
console.log(table(['staff', 'break starts (30 min)', 'notes time'], workRows(problem, schedule)));

rule('Report');
console.log(wrap(formatReport(report)));

// 4. Share it: a printable page, calendars for everyone, the JSON.
write('week.html', renderHtml(problem, schedule, { by: 'track', report }));
const calendars = writeCalendars(problem, schedule, 'calendars');
write('schedule.json', JSON.stringify(schedule, null, 2));
write('report.json', JSON.stringify(report, null, 2));
console.log(`\nWrote out/week.html, ${calendars} calendars in out/calendars/, out/schedule.json, out/report.json.`);

// 5. The overbooked variant: 16 more evening patients than the rooms seat.
rule('Overbooked evening');
const overbooked = sampleClinic({ variant: 'overbooked' });
// Fewer iterations here: the over-full week stops improving long before 20,000, and the example
// is meant to finish in seconds.
const solved = solve(overbooked, { ...BUDGET, maxIterations: 8_000 });
console.log(wrap(`${overbooked.patients.length} patients; solved in ${seconds(solved.report.stats?.elapsedMs)}; ${unmetPatients(solved.report)} fall short.`));
// Repairs are verified by re-solving copies of the problem, each from this week, under a fixed
// iteration budget: the same list on every machine.
const started = performance.now();
const explained = explain(overbooked, solved, { seed: 1, timeLimitMs: 60_000 });
console.log(`Explained in ${seconds(performance.now() - started)}.\n`);
console.log(wrap(formatReport(explained, { maxPatients: 6, maxRepairs: 4 })));

function unmetPatients(r: Report): number {
  return new Set(r.unmet.map((u) => u.patient)).size;
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
