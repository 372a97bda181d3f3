/**
 * Four weeks of rolling admission across the end of daylight saving time (America/Los_Angeles,
 * Sunday 2026-11-01). The sample clinic starts in the week of Monday 2026-10-19; each week
 * `nextWeek` carries the published week forward, and `replan` absorbs that week's discharges and
 * admissions, changing as little as it can. An 18:00 group stays at 18:00 on the clinic's clock
 * while its instant (`startsAt`) moves from UTC-7 to UTC-8.
 *
 * Run with `npx tsx examples/rolling-admission.ts`. Prints ids only.
 */
import { nextWeek, replan, sampleClinic, solve, type Change, type Patient, type Problem, type Report, type Schedule } from '../src/index.js';
import { wrap } from './lib/out.js';

const say = (text: string): void => console.log(wrap(text));

/** `date` plus `days`, as 'YYYY-MM-DD' (UTC arithmetic on a date: no host time zone involved). */
const addDays = (date: string, days: number): string => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** A new patient with the clinic's usual requirements. */
const newcomer = (id: string, track: string, admittedOn: string, primaryStaff: string): Patient => ({
  id,
  tracks: [track],
  tags: ['age:adult'],
  admittedOn,
  primaryStaff,
  requires: [{ service: 'individual-therapy', min: 1, max: 1 }],
});

/** Each later week's changes, given its Monday: two discharges and two admissions. */
const WEEKS: Array<(monday: string) => Change[]> = [
  (mo) => [
    { kind: 'discharge', patient: 'p-03', from: mo },
    { kind: 'discharge', patient: 'p-24', from: addDays(mo, 2) },
    { kind: 'admit', patient: newcomer('p-41', 'evening', mo, 's-03') },
    { kind: 'admit', patient: newcomer('p-42', 'evening', addDays(mo, 1), 's-04') },
  ],
  (mo) => [
    { kind: 'discharge', patient: 'p-11', from: mo },
    { kind: 'discharge', patient: 'p-30', from: mo },
    { kind: 'admit', patient: newcomer('p-43', 'day', mo, 's-01') },
    { kind: 'admit', patient: newcomer('p-44', 'evening', mo, 's-03') },
  ],
  (mo) => [
    { kind: 'discharge', patient: 'p-35', from: addDays(mo, 1) },
    { kind: 'admit', patient: newcomer('p-45', 'evening', mo, 's-04') },
    { kind: 'admit', patient: newcomer('p-46', 'day', mo, 's-02') },
  ],
];

let problem: Problem = { ...sampleClinic(), weekStart: '2026-10-19' };
const first = solve(problem, { seed: 1, maxIterations: 20_000 });
let published: Schedule = first.schedule;

// The group followed across the DST change: the first evening group on Tuesday at 18:00.
const watched = published.meetings.find((m) => m.track === 'evening' && m.day === 'TU' && m.start === '18:00')!;
const watch = (s: Schedule): string => {
  const m = s.meetings.find((x) => x.id === watched.id);
  return m ? `${m.date} ${m.start} (wall clock), startsAt ${m.startsAt}` : 'not held this week';
};
const served = (report: Report, ids: readonly string[]): string =>
  ids.map((id) => report.patients.find((r) => r.patient === id)).map((r) => `${r?.patient} ${r?.hours ?? 0} h${r?.met ? '' : ' (short)'}`).join(', ');

say(`Week of ${published.weekStart}: solved, ${published.meetings.length} meetings, every requirement met: ${first.report.allMet}.`);
say(`  ${watched.id}: ${watch(published)}`);

for (const changesOf of WEEKS) {
  const carried = nextWeek(problem, published);
  const changes = changesOf(carried.problem.weekStart);
  const result = replan(carried.problem, carried.schedule, changes, { seed: 1, maxIterations: 5000 });
  const { schedule, report, changed } = result;
  const kinds = new Map<string, number>();
  for (const m of changed.meetings) for (const kind of m.kinds) kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
  const touched = new Set(changed.meetings.map((m) => m.meeting));
  const kept = schedule.meetings.filter((m) => !touched.has(m.id)).length;
  const admitted = changes.flatMap((c) => (c.kind === 'admit' ? [c.patient.id] : []));
  const discharged = changes.flatMap((c) => (c.kind === 'discharge' ? [`${c.patient} from ${c.from}`] : []));
  say(`\nWeek of ${schedule.weekStart}: discharged ${discharged.join(', ')}; admitted ${admitted.join(', ')}.`);
  say(`  ${schedule.meetings.length} meetings: ${kept} kept as carried, ${changed.meetings.length} changed (${[...kinds].map(([k, n]) => `${k} ${n}`).join(', ')}).`);
  say(`  Admitted patients served: ${served(report, admitted)}.`);
  say(`  ${report.patients.length - new Set(report.unmet.map((u) => u.patient)).size} of ${report.patients.length} patients meet every requirement; hard violations: ${report.score.hard}.`);
  for (const entry of report.unmet.filter((u, i, all) => all.findIndex((o) => o.patient === u.patient) === i)) {
    const leaving = discharged.find((d) => d.startsWith(`${entry.patient} `));
    say(`    short${leaving ? ` (discharged ${leaving.slice(entry.patient.length + 1)})` : ''}: ${entry.message}`);
  }
  say(`  ${watched.id}: ${watch(schedule)}`);
  // The problem as the changes left it (admissions added, discharge dates set): next week's start.
  problem = result.problem;
  published = schedule;
}
