/**
 * The week as one self-contained HTML page: inline CSS, no scripts, no external assets.
 * Every string from the problem, schedule or report is escaped.
 */
import { partialWeekNote } from './partial-week-note.js';
import type { Problem } from '../model/problem.js';
import type { Report } from '../model/report.js';
import type { Meeting, Schedule } from '../model/schedule.js';
import { dayNumber, parseLocalTime } from '../time/week.js';
import { toWellFormed } from '../input/unicode.js';
import { namesOf, type Names } from './names.js';
import { serviceColour } from './palette.js';
import { PAGE_CSS } from './html-style.js';
import { escapeHtml } from './html-escape.js';
import { weekGrid, type Colours, type Placed } from './html-grid.js';
import { patientsShown, sectionsOf, shownDays, type Section, type View } from './view.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const SHORT_DAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/**
 * The week as a self-contained HTML page (inline CSS, no script, nothing fetched): a time grid
 * per track (default), room, staff member or patient, each session a block coloured by service
 * (a fixed palette with dark text at 7:1 contrast or more) showing service (wrapped, never cut),
 * time, room and staff, and who attends: patient ids on staff and room grids, a count on track
 * grids. Each grid is tall enough for its blocks' text, short sessions included.
 * Given a report: the score, each patient's hours, days and requirements, unmet requirements
 * highlighted with their causes and repairs, and sessions breaking a hard rule outlined in red.
 * Readable on a laptop screen and printable (landscape, one grid per page where it fits; a
 * longer grid breaks between hours and repeats its day headers on every page).
 *
 * @throws {RangeError} when `view.id` names no such track, room, staff member or patient.
 *
 * @example
 * ```ts
 * import { writeFileSync } from 'node:fs';
 * const { schedule, report } = solve(problem, { seed: 1 });
 * writeFileSync('week.html', renderHtml(problem, schedule, { by: 'room', report }));
 * ```
 */
export function renderHtml(problem: Problem, schedule: Schedule, view: View = {}): string {
  const names = namesOf(problem);
  const sections = sectionsOf(problem, schedule, view);
  const days = shownDays(schedule, problem.weekStart);
  const colours = new Map(problem.services.map((service, index) => [service.id, serviceColour(index)]));
  const report = view.report;
  const hardMessages = new Map<string, string[]>();
  for (const violation of report?.violations ?? []) {
    if (violation.level !== 'hard') continue;
    for (const id of violation.meetings) hardMessages.set(id, [...(hardMessages.get(id) ?? []), violation.message]);
  }
  const title = `Week of ${longDate(problem.weekStart)}`;
  const body = [
    `<header><h1>${escapeHtml(title)}</h1><p class="sub">${escapeHtml(problem.timeZone)} · ${escapeHtml(byLabel(view))} · ${schedule.meetings.length} sessions</p>`,
    report ? scoreBlock(report) : '',
    legend(problem, names, schedule),
    '</header>',
    '<main>',
    ...sections.map((section) => sectionBlock(section, days, names, colours, hardMessages, report)),
    sections.length === 0 ? '<p class="empty">No sessions.</p>' : '',
    report ? patientsBlock(report, patientsShown(problem, sections, view), names) : '',
    '</main>',
  ];
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${PAGE_CSS}</style>`,
    '</head>',
    '<body>',
    ...body.filter((part) => part !== ''),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

export { escapeHtml } from './html-escape.js';

function sectionBlock(
  section: Section,
  days: ReadonlyArray<{ date: string; index: number }>,
  names: Names,
  colours: Colours,
  hardMessages: ReadonlyMap<string, string[]>,
  report: Report | undefined,
): string {
  const dates = new Set(days.map((d) => d.date));
  const placeable: Placed[] = [];
  const outside: Meeting[] = [];
  for (const meeting of section.meetings) {
    const from = parseLocalTime(meeting.start);
    const to = parseLocalTime(meeting.end);
    if (!dates.has(meeting.date) || from === undefined || to === undefined || to <= from) outside.push(meeting);
    else placeable.push({ meeting, from, to, lane: 0 });
  }
  const summary = section.kind === 'patient' && report ? report.patients.find((row) => row.patient === section.id) : undefined;
  const unmet = summary ? summary.requirements.filter((r) => !r.met) : [];
  const heading = `<h2 id="${escapeHtml(anchor(section))}">${escapeHtml(section.title)}${
    summary ? ` <span class="badge ${unmet.length > 0 ? 'bad' : 'good'}">${unmet.length > 0 ? `✗ ${unmet.length} unmet` : '✓ all met'}</span>` : ''
  }</h2>`;
  const parts = [`<section class="${unmet.length > 0 ? 'unmet-section' : ''}" aria-labelledby="${escapeHtml(anchor(section))}">`, heading];
  if (summary) {
    parts.push(
      `<p class="facts">${formatHours(summary.hours)} h · ${summary.days.length} days (${escapeHtml(summary.days.join(' ') || 'none')}) · track ${escapeHtml(names.track(summary.track))}${escapeHtml(partialWeekNote(summary))}</p>`,
      `<ul class="reqs">${summary.requirements
        .map(
          (r) =>
            `<li class="${r.met ? 'met' : 'unmet'}">${r.met ? '✓' : '✗'} ${escapeHtml(r.label)}${r.date ? ` on ${escapeHtml(r.date)}` : ''}: <b>${formatNumber(r.actual)}</b> of ${formatNumber(r.target)}</li>`,
        )
        .join('')}</ul>`,
    );
  }
  if (placeable.length === 0) parts.push('<p class="empty">No sessions this week.</p>');
  else parts.push(weekGrid(section, placeable, days.map((d) => ({ date: d.date, label: dayLabel(d.date, d.index) })), names, colours, hardMessages));
  if (outside.length > 0) {
    parts.push(
      `<p class="outside">Not in the grid (outside the week or malformed times): ${outside
        .map((m) => `${escapeHtml(m.id)} on ${escapeHtml(m.date)} ${escapeHtml(m.start)}–${escapeHtml(m.end)}`)
        .join('; ')}</p>`,
    );
  }
  parts.push('</section>');
  return parts.join('\n');
}

function scoreBlock(report: Report): string {
  const { hard, requirement, soft } = report.score;
  const verdict = !report.feasible
    ? '<span class="badge bad">Breaks hard rules</span>'
    : report.allMet
      ? '<span class="badge good">✓ Every requirement met</span>'
      : `<span class="badge bad">✗ ${report.unmet.length} requirements unmet</span>`;
  return `<p class="score">${verdict} Score: hard ${hard} · requirement ${requirement} · soft ${soft}</p>`;
}

function legend(problem: Problem, names: Names, schedule: Schedule): string {
  const used = new Set(schedule.meetings.map((m) => m.service));
  const items = problem.services
    .map((service, index) => ({ service, colour: serviceColour(index) }))
    .filter(({ service }) => used.has(service.id))
    .map(
      ({ service, colour }) =>
        `<li><span class="swatch" style="background:${colour.background};border-color:${colour.edge}"></span>${escapeHtml(names.service(service.id))}</li>`,
    );
  return items.length > 0 ? `<ul class="legend" aria-label="Services">${items.join('')}</ul>` : '';
}

function patientsBlock(report: Report, shown: readonly string[], names: Names): string {
  const wanted = new Set(shown);
  const rows = report.patients.filter((row) => wanted.has(row.patient));
  const table = rows
    .map((row) => {
      const unmet = row.requirements.filter((r) => !r.met);
      return `<tr class="${unmet.length > 0 ? 'unmet' : ''}"><th scope="row">${escapeHtml(row.patient)}</th><td>${escapeHtml(names.track(row.track))}</td><td class="num">${formatHours(row.hours)}</td><td>${escapeHtml(row.days.join(' ') || '–')}</td><td>${
        unmet.length === 0 ? '✓ met' : `${unmet.map((r) => '✗ ' + escapeHtml(`${r.label}${r.date ? ` on ${r.date}` : ''}: ${formatNumber(r.actual)} of ${formatNumber(r.target)}`)).join('<br>')}`
      }</td></tr>`;
    })
    .join('\n');
  const unmet = report.unmet.filter((u) => wanted.has(u.patient));
  const hard = report.violations.filter((v) => v.level === 'hard');
  const unmetList = unmet
    .map(
      (u) =>
        `<li><b>${escapeHtml(u.patient)}</b> · ${escapeHtml(u.message)}${u.causes.length > 0 ? `<ul>${u.causes.map((c) => `<li>Because: ${escapeHtml(c.message)}</li>`).join('')}</ul>` : ''}${
          u.repairs.length > 0
            ? `<ul>${u.repairs.map((r) => `<li class="repair">Repair: ${escapeHtml(r.message)}${r.effect ? ` (${r.verified ? 'measured' : 'estimated'}: ${r.effect.patientsNewlyMet} more patients met)` : ''}</li>`).join('')}</ul>`
            : ''
        }</li>`,
    )
    .join('\n');
  return [
    '<section class="patients" aria-labelledby="patients">',
    '<h2 id="patients">Patients</h2>',
    `<table><thead><tr><th scope="col">Patient</th><th scope="col">Track</th><th scope="col">Hours</th><th scope="col">Days</th><th scope="col">Requirements</th></tr></thead><tbody>${table}</tbody></table>`,
    unmet.length > 0 ? `<h3>Unmet requirements (${unmet.length})</h3><ul class="unmet-list">${unmetList}</ul>` : '<p class="good-text">✓ Every requirement shown is met.</p>',
    hard.length > 0 ? `<h3>Hard-rule breaches (${hard.length})</h3><ul class="hard-list">${hard.map((v) => `<li><code>${escapeHtml(v.rule)}</code> ${escapeHtml(v.message)}</li>`).join('')}</ul>` : '',
    '</section>',
  ].join('\n');
}

function anchor(section: Section): string {
  return `${section.kind}-${section.id === null ? 'none' : encodeURIComponent(toWellFormed(section.id))}`;
}

function byLabel(view: View): string {
  const by = view.by ?? 'track';
  return view.id === undefined ? `by ${by}` : `${by} ${view.id}`;
}

function dayLabel(date: string, index: number): string {
  const n = dayNumber(date);
  if (n === undefined) return date;
  const d = new Date(n * 86_400_000);
  return `${SHORT_DAY_NAMES[index] ?? ''} ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()] ?? ''}`;
}

function longDate(date: string): string {
  const n = dayNumber(date);
  if (n === undefined) return date;
  const d = new Date(n * 86_400_000);
  return `${DAY_NAMES[(d.getUTCDay() + 6) % 7] ?? ''} ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()] ?? ''} ${d.getUTCFullYear()}`;
}

function formatHours(hours: number): string {
  return (Math.round(hours * 10) / 10).toFixed(1);
}

function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}
