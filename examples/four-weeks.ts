/**
 * Four weeks planned at once with `planWeeks`. The sample clinic's medication reviews move to a
 * 14-28-day cadence (the nurse practitioner works Monday afternoons and Friday afternoons), each
 * patient's last review 1 to 4 weeks back in their history; two patients are admitted in later
 * weeks and one is discharged. Each week is solved with the history of the weeks before, so a
 * review falls due by its date, waits while the minimum interval runs, and is added early when
 * the NP has a free half-hour. Then the forecast: per track and week, how many more typical
 * patients could be fully served.
 *
 * Run with `npm run example:weeks` (or `npx tsx examples/four-weeks.ts`). Prints ids only.
 */
import { planWeeks, sampleClinic, type Patient, type Problem } from '../src/index.js';
import { wrap } from './lib/out.js';

const say = (text: string): void => console.log(wrap(text));

/** `date` plus `days`, as 'YYYY-MM-DD' (UTC arithmetic on a date: no host time zone involved). */
const addDays = (date: string, days: number): string => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

const REVIEW = 'medication-management';

/** The sample clinic with its medication reviews on a cadence, last reviews staggered over four weeks. */
function clinicWithCadence(): Problem {
  const problem = sampleClinic();
  problem.patients.forEach((patient, i) => {
    if (!patient.requires?.some((r) => r.service === REVIEW)) return;
    patient.requires = patient.requires.map((r) => (r.service === REVIEW ? { service: REVIEW, cadence: { minDays: 14, maxDays: 28 } } : r));
    patient.history = [{ service: REVIEW, date: addDays(problem.weekStart, -7 * (1 + (i % 4))) }];
  });
  // p-05 leaves after the second week.
  problem.patients.find((p) => p.id === 'p-05')!.dischargedOn = addDays(problem.weekStart, 14);
  return problem;
}

const problem = clinicWithCadence();
const newcomer = (id: string, track: string, admittedOn: string, primaryStaff: string): Patient => ({
  id,
  tracks: [track],
  tags: ['age:adult'],
  admittedOn,
  primaryStaff,
  requires: [
    { service: 'individual-therapy', min: 1, max: 1 },
    { service: REVIEW, cadence: { minDays: 14, maxDays: 28 } }, // no review yet: due in the first week
  ],
});
const admissions = [newcomer('p-41', 'evening', addDays(problem.weekStart, 7), 's-03'), newcomer('p-42', 'day', addDays(problem.weekStart, 16), 's-01')];

const plan = planWeeks(problem, { weeks: 4, admissions, seed: 1, maxIterations: 2_000, timeLimitMs: 120_000, forecast: { max: 3, maxIterations: 300 } });

say(`Four weeks from ${problem.weekStart}: ${problem.patients.length} patients, ${admissions.length} admissions, one discharge.`);
for (const week of plan.weeks) {
  const rows = week.report.patients;
  const reviews = week.schedule.meetings.filter((m) => m.service === REVIEW);
  const cadence = rows.flatMap((row) => (row.cadence ?? []).map((c) => ({ patient: row.patient, ...c })));
  const count = (state: string): number => cadence.filter((c) => c.state === state).length;
  console.log('');
  say(
    `Week of ${week.problem.weekStart}: ${rows.length} patients, ${rows.filter((r) => r.met).length} fully served; ` +
      `${reviews.length} medication reviews (due ${count('due') + count('overdue') + count('new')}, optional ${count('optional')}, not yet ${count('not-allowed')}).`,
  );
  for (const c of cadence.filter((c) => c.state === 'due' || c.state === 'overdue' || c.state === 'new')) {
    const due = c.dueBy === undefined ? 'first review' : `due by ${c.dueBy}`;
    console.log(`  ${c.patient.padEnd(6)} ${due.padEnd(20)} ${c.met ? `held ${c.held.join(', ')}` : 'NOT MET'}`);
  }
}

console.log('');
say(`Forecast: how many more typical patients each track could fully serve (at most ${plan.forecast.max} tried):`);
for (const row of plan.forecast.rows) console.log(`  ${row.weekStart}  ${row.track.padEnd(8)} ${row.more}${row.atLeast ? '+' : ''}`);
