/**
 * The week as plain text: one grid per track, room, staff member or patient, at most 100
 * columns wide, and, given a report, every patient's hours, days and unmet requirements.
 */
import { partialWeekNote } from './partial-week-note.js';
import type { Problem } from '../model/problem.js';
import type { PatientSummary, Report } from '../model/report.js';
import type { Meeting, Schedule } from '../model/schedule.js';
import { dayNumber } from '../time/week.js';
import { namesOf, type Names } from './names.js';
import { columns, fit, padStart, sanitize } from './text-cells.js';
import { brokenMeetings, patientsShown, sectionsOf, shownDays, type Section, type View } from './view.js';

const WIDTH = 100;
const TIME_COLUMN = 5;
const MAX_CELL = 30;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/**
 * The week as plain text for a terminal (at most 100 columns): a grid per track (default), room,
 * staff member or patient, each session with its service, end time, room and staff. Given a
 * report, adds each patient's hours, days and requirements, lists every unmet requirement with
 * its causes and repairs, and marks sessions that break a hard rule with `!`. Names are cleaned
 * of control characters; patients appear by id only.
 *
 * @throws {RangeError} when `view.id` names no such track, room, staff member or patient.
 *
 * @example
 * ```ts
 * const { schedule, report } = solve(problem, { seed: 1 });
 * console.log(renderText(problem, schedule));                                   // every track
 * console.log(renderText(problem, schedule, { by: 'patient', id: 'p-07', report })); // one patient, with hours and unmet
 * ```
 */
export function renderText(problem: Problem, schedule: Schedule, view: View = {}): string {
  const names = namesOf(problem);
  const sections = sectionsOf(problem, schedule, view);
  const days = shownDays(schedule, problem.weekStart);
  const broken = brokenMeetings(view.report);
  const out: string[] = [...wrap(`Week of ${longDate(problem.weekStart)} · ${sanitize(problem.timeZone)}`, '', '    ')];
  if (view.report) out.push(scoreLine(view.report));
  const summaries = new Map(view.report?.patients.map((row) => [row.patient, row]) ?? []);
  for (const section of sections) {
    out.push('', ...wrap(sanitize(section.title), '', '    '), ...grid(section, days, names, broken));
    const summary = section.kind === 'patient' && section.id !== null ? summaries.get(section.id) : undefined;
    if (summary) out.push(...requirementLines(summary, names));
  }
  if (sections.length === 0) out.push('', 'No sessions.');
  if (view.report) out.push('', ...patientTable(view.report, patientsShown(problem, sections, view), names));
  // Every line above is fitted or wrapped; this cut is the last guard of the 100-column promise.
  return `${out.map((line) => (columns(line) > WIDTH ? fit(line, WIDTH) : line).trimEnd()).join('\n')}\n`;
}

function grid(section: Section, days: ReadonlyArray<{ date: string; index: number }>, names: Names, broken: ReadonlySet<string>): string[] {
  if (section.meetings.length === 0) return ['  No sessions this week.'];
  const cell = Math.min(MAX_CELL, Math.floor((WIDTH - TIME_COLUMN) / Math.max(1, days.length)) - 3);
  const row = (time: string, cells: readonly string[]): string =>
    `${fit(time, TIME_COLUMN)}${cells.map((text) => ` │ ${fit(text, cell)}`).join('')}`;
  const rule = `${'─'.repeat(TIME_COLUMN)}${days.map(() => `─┼─${'─'.repeat(cell)}`).join('')}`;
  const lines = [row('', days.map((d) => shortDate(d.date))), rule];
  const dates = new Set(days.map((d) => d.date));
  const starts = [...new Set(section.meetings.filter((m) => dates.has(m.date)).map((m) => m.start))].sort();
  for (const start of starts) {
    const stacks = days.map((d) =>
      section.meetings
        .filter((m) => m.date === d.date && m.start === start)
        .flatMap((m, i) => [...(i > 0 ? [''] : []), ...cellLines(m, section.kind, names, broken.has(m.id))]),
    );
    const height = Math.max(...stacks.map((s) => s.length));
    for (let i = 0; i < height; i += 1) lines.push(row(i === 0 ? sanitize(start) : '', stacks.map((s) => s[i] ?? '')));
    lines.push(rule);
  }
  const outside = section.meetings.filter((m) => !dates.has(m.date));
  for (const m of outside) lines.push(...wrap(sanitize(`Outside the week: ${m.id} on ${m.date} ${m.start}-${m.end}`), '  ', '    '));
  return lines;
}

function cellLines(meeting: Meeting, kind: Section['kind'], names: Names, broken: boolean): string[] {
  const where = meeting.mode === 'telehealth' || meeting.room === null ? 'Telehealth' : names.room(meeting.room);
  const count = `${meeting.patients.length} pt${meeting.patients.length === 1 ? '' : 's'}`;
  return [
    sanitize(`${broken ? '! ' : ''}${names.service(meeting.service)}`),
    sanitize(where),
    sanitize(meeting.staff.map((id) => names.staff(id)).join(', ') || 'no staff'),
    sanitize(`–${meeting.end}${kind === 'patient' ? '' : ` · ${count}`}`),
  ];
}

function requirementLines(summary: PatientSummary, names: Names): string[] {
  const lines = wrap(sanitize(`${formatHours(summary.hours)} h · ${summary.days.length} days (${summary.days.join(' ') || 'none'}) · track ${names.track(summary.track)}${partialWeekNote(summary)}`), '  ', '    ');
  for (const requirement of summary.requirements) {
    const label = `${requirement.met ? '✓' : '✗'} ${requirement.label}${requirement.date ? ` on ${requirement.date}` : ''}: ${formatNumber(requirement.actual)} of ${formatNumber(requirement.target)}`;
    lines.push(...wrap(sanitize(label), '  ', '    '));
  }
  return lines;
}

function patientTable(report: Report, shown: readonly string[], names: Names): string[] {
  const wanted = new Set(shown);
  const rows = report.patients.filter((row) => wanted.has(row.patient));
  const idWidth = Math.min(16, Math.max(7, ...rows.map((row) => columns(sanitize(row.patient)))));
  const lines = [`${fit('Patient', idWidth)}  ${fit('Track', 16)}  Hours  Days                  Requirements`];
  for (const row of rows) {
    const unmet = row.requirements.filter((r) => !r.met).length;
    lines.push(
      `${fit(sanitize(row.patient), idWidth)}  ${fit(sanitize(names.track(row.track)), 16)}  ${padStart(formatHours(row.hours), 5)}  ${fit(row.days.join(' ') || '-', 20)}  ${unmet === 0 ? 'met' : `✗ ${unmet} unmet`}`,
    );
  }
  const hard = report.violations.filter((v) => v.level === 'hard');
  if (hard.length > 0) {
    lines.push('', `Hard-rule breaches (${hard.length}), their sessions marked ! above:`);
    for (const violation of hard) lines.push(...wrap(sanitize(`! ${violation.rule} · ${violation.message}`), '', '    '));
  }
  const unmet = report.unmet.filter((u) => wanted.has(u.patient));
  lines.push('', unmet.length === 0 ? 'Every requirement is met.' : `Unmet requirements (${unmet.length}):`);
  for (const item of unmet) {
    lines.push(...wrap(sanitize(`✗ ${item.patient} · ${item.rule} · ${item.message}`), '', '    '));
    for (const cause of item.causes) lines.push(...wrap(sanitize(`because: ${cause.message}`), '    ', '      '));
    for (const repair of item.repairs) {
      const effect = repair.effect ? ` (${repair.verified ? 'measured' : 'estimated'}: ${repair.effect.patientsNewlyMet} more patients met)` : '';
      lines.push(...wrap(sanitize(`repair: ${repair.message}${effect}`), '    ', '      '));
    }
  }
  return lines;
}

function scoreLine(report: Report): string {
  const { hard, requirement, soft } = report.score;
  const verdict = !report.feasible ? 'BREAKS HARD RULES' : report.allMet ? 'every requirement met' : `${report.unmet.length} requirements unmet`;
  return `Score: hard ${hard} · requirement ${requirement} · soft ${soft} · ${verdict}`;
}

/** Word-wraps `text` to the page width, with `first` before the first line and `rest` before the others. */
function wrap(text: string, first: string, rest: string): string[] {
  const lines: string[] = [];
  let line = first;
  let empty = true;
  for (const word of text.split(' ')) {
    if (!empty && columns(line) + 1 + columns(word) > WIDTH) {
      lines.push(line);
      line = rest;
      empty = true;
    }
    line += empty ? word : ` ${word}`;
    empty = false;
  }
  lines.push(line);
  return lines.flatMap((l) => (columns(l) > WIDTH ? [fit(l, WIDTH)] : [l]));
}

function formatHours(hours: number): string {
  return (Math.round(hours * 10) / 10).toFixed(1);
}

function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

function shortDate(date: string): string {
  const n = dayNumber(date);
  if (n === undefined) return date;
  const d = new Date(n * 86_400_000);
  return `${DAY_NAMES[(d.getUTCDay() + 6) % 7]} ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}`;
}

function longDate(date: string): string {
  const n = dayNumber(date);
  return n === undefined ? sanitize(date) : `${shortDate(date)} ${new Date(n * 86_400_000).getUTCFullYear()}`;
}
