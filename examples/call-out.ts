/**
 * A 7 a.m. call-out: the sample clinic's week is published, then on Wednesday morning a clinician
 * who leads groups that day calls out and two patients are admitted. `replan` absorbs it and
 * says what changed, for whom and why (ids only), and how each affected patient's hours moved.
 *
 * Run with `npx tsx examples/call-out.ts`.
 */
import type { Change } from '../src/model/options.js';
import type { Schedule } from '../src/model/schedule.js';
import { sampleClinic } from '../src/sample/clinic.js';
import { solve } from '../src/pipeline/solve.js';
import { replan } from '../src/replan/replan.js';

const problem = sampleClinic();
const { schedule: published, report: before } = solve(problem, { seed: 1, maxIterations: 3000, timeLimitMs: 20_000 });

// The clinician who leads the most group sessions on Wednesday.
const wednesday = published.meetings.filter((m) => m.day === 'WE');
const leads = new Map<string, number>();
for (const m of wednesday) if (m.track !== null) for (const s of m.staff) leads.set(s, (leads.get(s) ?? 0) + 1);
const [clinician] = [...leads].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]!;
const date = wednesday[0]!.date;

const changes: Change[] = [
  { kind: 'staff-out', staff: clinician, date },
  { kind: 'admit', patient: { id: 'p-new-1', tracks: ['day'], admittedOn: date } },
  { kind: 'admit', patient: { id: 'p-new-2', tracks: ['evening'], admittedOn: date } },
];
const { schedule, report, changed } = replan(problem, published, changes, { seed: 1, asOf: `${date}T07:00:00-08:00` });

const when = (s: Schedule, id: string): string => {
  const m = s.meetings.find((x) => x.id === id);
  return m ? `${m.day} ${m.start}-${m.end}` : '';
};
console.log(`Staff ${clinician} calls out on ${date} at 7 a.m.; patients p-new-1 and p-new-2 are admitted.\n`);
console.log(`${changed.meetings.length} meetings changed:`);
for (const m of changed.meetings) {
  const parts: string[] = [];
  if (m.kinds.includes('added')) parts.push(`added at ${when(schedule, m.meeting)}`);
  if (m.kinds.includes('cancelled')) parts.push(`cancelled (was ${when(published, m.meeting)})`);
  if (m.kinds.includes('moved')) parts.push(`moved from ${when(published, m.meeting)} to ${when(schedule, m.meeting)}`);
  if (m.kinds.includes('re-staffed')) parts.push(`now led by ${m.after!.staff.join(', ')} instead of ${m.staffRemoved.join(', ')}`);
  if (m.kinds.includes('re-roomed')) parts.push(`room ${m.before!.room ?? 'telehealth'} -> ${m.after!.room ?? 'telehealth'}`);
  if (m.patientsAdded.length > 0 && !m.kinds.includes('added')) parts.push(`joined by ${m.patientsAdded.join(', ')}`);
  if (m.patientsRemoved.length > 0 && !m.kinds.includes('cancelled')) parts.push(`left by ${m.patientsRemoved.join(', ')}`);
  // One sentence per change that caused it (the first recorded), or the requirement kept.
  const why = m.reasons.filter((r, i) => m.reasons.findIndex((o) => o.change === r.change) === i).map((r) => r.message);
  console.log(`- ${m.meeting}: ${parts.join('; ')}. Why: ${why.join(' ')}`);
}

const hours = new Map(before.patients.map((row) => [row.patient, row.hours]));
console.log(`\n${changed.patients.length} patients affected (hours before -> after):`);
for (const person of changed.patients) {
  const after = report.patients.find((row) => row.patient === person.id);
  const was = hours.get(person.id);
  const sessions = person.sessions.map((s) => `${s.what} ${s.meeting}`).join(', ');
  console.log(`- ${person.id}: ${was === undefined ? 'new' : `${was} h`} -> ${after?.hours ?? 0} h${after?.met ? '' : ' (short)'}; ${sessions}`);
}
console.log(`\n${changed.staff.length} staff affected: ${changed.staff.map((s) => `${s.id} (${s.sessions.length})`).join(', ')}`);
console.log(`\nHard violations: ${report.score.hard}. Unmet requirements: ${report.unmet.length}.`);
for (const gap of report.unmet.slice(0, 8)) console.log(`- ${gap.message} Cause: ${gap.causes[0]?.message ?? 'unknown'}`);
console.log(`Replanned in ${Math.round(report.stats?.elapsedMs ?? 0)} ms.`);
