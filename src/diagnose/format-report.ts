/**
 * `formatReport`: the plain-text page a clinic director reads in a minute: who falls short, why,
 * and the few changes that would help most.
 */
import type { Repair, Report, Unmet } from '../model/report.js';
import { hoursText } from './words.js';

/** Options of {@link formatReport}. */
export interface FormatReportOptions {
  /** Most patients described one by one (the others are still named, grouped by cause or on one line). Default 15. */
  maxPatients?: number;
  /** Most repairs listed. Default 5. */
  maxRepairs?: number;
}

/** Widest line of the page; longer sentences wrap onto indented lines. */
const WIDTH = 100;

/** `text` after `prefix`, wrapped at spaces to {@link WIDTH} columns, later lines indented by `indent` spaces. */
function wrapped(prefix: string, text: string, indent: number): string[] {
  const lines: string[] = [];
  let line = prefix;
  let fresh = true;
  for (const word of text.split(' ')) {
    if (!fresh && line.length + 1 + word.length > WIDTH) {
      lines.push(line);
      line = ' '.repeat(indent) + word;
    } else line += (fresh ? '' : ' ') + word;
    fresh = false;
  }
  lines.push(line);
  return lines;
}

/** What one unmet requirement lacks, without the patient's id (the line names it) or a final period. */
function shortfallText(entry: Unmet): string {
  switch (entry.rule) {
    case 'patient-min-weekly-hours':
      return `${hoursText(entry.shortfall)} h short this week`;
    case 'daily-min-minutes':
      return `${hoursText(entry.shortfall)} h short${entry.date !== undefined ? ` on ${entry.date}` : ''}`;
    default:
      return entry.message.replace(`Patient ${entry.patient} `, '').replace(/\.$/, '');
  }
}

/** A few words for one unmet requirement in a list of patients, e.g. `1 h`, `skills-group`, `days`. */
function briefText(entry: Unmet): string {
  switch (entry.rule) {
    case 'patient-min-weekly-hours':
      return `${hoursText(entry.shortfall)} h`;
    case 'patient-min-days':
      return 'days';
    case 'daily-min-minutes':
    case 'daily-min-services':
      return entry.date ?? 'a day';
    default:
      return entry.service ?? entry.rule;
  }
}

/**
 * A cause as it reads after "because": its first word in lower case ("because the staff who ..."),
 * without the solver's count of ruled-out placements, which means nothing to a director.
 */
function causeText(message: string): string {
  const plain = message.replace(/ \(\d+ placements? blocked\)/g, '');
  return /^[A-Z][a-z]/.test(plain) ? plain.charAt(0).toLowerCase() + plain.slice(1) : plain;
}

function hurts(repair: Repair): number {
  return Number((repair.worseFor?.length ?? 0) > 0);
}

function topRepairs(report: Report, max: number): Repair[] {
  const best = new Map<string, Repair>();
  for (const entry of report.unmet) {
    for (const repair of entry.repairs) if (!best.has(repair.message)) best.set(repair.message, repair);
  }
  // As explain ranks them: verified first, and a repair that leaves someone worse off after every one that only helps.
  return [...best.values()]
    .sort(
      (a, b) =>
        Number(b.verified) - Number(a.verified) ||
        hurts(a) - hurts(b) ||
        (b.effect?.patientsNewlyMet ?? 0) - (a.effect?.patientsNewlyMet ?? 0) ||
        (b.effect?.shortfallReducedMinutes ?? 0) - (a.effect?.shortfallReducedMinutes ?? 0) ||
        (a.message < b.message ? -1 : a.message > b.message ? 1 : 0),
    )
    .slice(0, max);
}

/** Short patients grouped by their first cause: those who share it together, most first; each alone otherwise. */
function byCause(report: Report, short: readonly string[]): Array<{ cause: string | undefined; patients: string[] }> {
  const groups = new Map<string, string[]>();
  const alone: string[] = [];
  for (const patient of short) {
    const first = report.unmet.find((u) => u.patient === patient && u.causes.length > 0)?.causes[0]?.message;
    if (first === undefined) alone.push(patient);
    else groups.set(first, [...(groups.get(first) ?? []), patient]);
  }
  const shared = [...groups].filter(([, patients]) => patients.length > 1).sort((a, b) => b[1].length - a[1].length);
  const single = short.filter((p) => !shared.some(([, patients]) => patients.includes(p)));
  return [...shared.map(([cause, patients]) => ({ cause, patients })), ...single.map((p) => ({ cause: undefined, patients: [p] }))];
}

/** The lines of one short patient described alone: each requirement, then its first two causes. */
function patientLines(report: Report, patient: string): string[] {
  const lines: string[] = [];
  const entries = report.unmet.filter((u) => u.patient === patient);
  // One requirement per line: the messages hold semicolons of their own.
  entries.forEach((entry, i) => lines.push(...wrapped(i === 0 ? `- ${patient}: ` : '  ', `${shortfallText(entry)}.`, 4)));
  const causes = new Map<string, string>();
  for (const entry of entries) for (const cause of entry.causes.slice(0, 2)) if (!causes.has(cause.message)) causes.set(cause.message, cause.code);
  for (const message of [...causes.keys()].slice(0, 2)) lines.push(...wrapped('    because ', causeText(message), 6));
  return lines;
}

/**
 * A plain-text summary of a report: the verdict, the top repairs with their measured effect
 * (first: they are what a director acts on), then every patient who falls short, grouped when
 * several share their main cause. Lines wrap at 100 columns. Ids only, never patient data.
 *
 * @example
 * ```ts
 * const report = explain(problem, solve(problem));
 * console.log(formatReport(report));
 * // 3 of 24 patients fall short of their requirements.
 * //
 * // What would help most:
 * // 1. Add a room seating 12 (group-room) for the evening track, Tue 18:00-21:00: 3 more patients meet every requirement
 * //
 * // Who falls short, and why:
 * // - 3 patients, because the evening track's group rooms are over-full, ...
 * //     p-07 (3 h), p-11 (skills-group) and p-12 (skills-group)
 * ```
 */
export function formatReport(report: Report, options: FormatReportOptions = {}): string {
  const lines: string[] = [];
  const short = [...new Set(report.unmet.map((u) => u.patient))];
  const total = report.patients.length;
  if (!report.feasible) {
    const hard = report.violations.filter((v) => v.level === 'hard');
    lines.push(`This timetable breaks ${hard.length} hard rule${hard.length === 1 ? '' : 's'}; it cannot be used as is.`);
    for (const v of hard.slice(0, 5)) lines.push(...wrapped('  ! ', v.message, 4));
  }
  if (short.length === 0) {
    lines.push(total === 1 ? 'The patient meets every requirement.' : `All ${total} patients meet every requirement.`);
    return lines.join('\n');
  }
  lines.push(`${short.length} of ${total} patient${total === 1 ? '' : 's'} ${short.length === 1 ? 'falls' : 'fall'} short of their requirements.`);
  const repairs = topRepairs(report, options.maxRepairs ?? 5);
  lines.push('', repairs.length > 0 ? 'What would help most:' : 'No verified repair was found within the budget.');
  // explain says why a repair was left unverified in its message; say it once.
  const unverified = (repair: Repair): string => (repair.verified || repair.message.includes('(not verified') ? '' : ' (not verified)');
  repairs.forEach((repair, i) => lines.push(...wrapped(`${i + 1}. `, `${repair.message}${unverified(repair)}`, 3)));
  lines.push('', 'Who falls short, and why:');
  let described = 0;
  const maxPatients = options.maxPatients ?? 15;
  const unnamed: string[] = [];
  for (const group of byCause(report, short)) {
    if (group.cause !== undefined) {
      lines.push(...wrapped(`- ${group.patients.length} patients, because `, causeText(group.cause), 6));
      const each = group.patients.map((p) => `${p} (${[...new Set(report.unmet.filter((u) => u.patient === p).map(briefText))].join(', ')})`);
      lines.push(...wrapped('    ', `${each.join(', ')}.`, 4));
    } else if (described < maxPatients) {
      described++;
      lines.push(...patientLines(report, group.patients[0]!));
    } else unnamed.push(group.patients[0]!);
  }
  // Every patient is named, however many: the ones past maxPatients on one line.
  if (unnamed.length > 0) lines.push(...wrapped('- Also short, each for a cause of their own (see the report): ', `${unnamed.join(', ')}.`, 4));
  return lines.join('\n');
}
