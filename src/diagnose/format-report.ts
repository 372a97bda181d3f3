/**
 * `formatReport`: the plain-text page a clinic director reads in a minute: who falls short, why,
 * and the few changes that would help most.
 */
import type { Repair, Report, Unmet } from '../model/report.js';
import { hoursText } from './words.js';

/** Options of {@link formatReport}. */
export interface FormatReportOptions {
  /** Most patients listed. Default 15. */
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

function topRepairs(report: Report, max: number): Repair[] {
  const best = new Map<string, Repair>();
  for (const entry of report.unmet) {
    for (const repair of entry.repairs) if (!best.has(repair.message)) best.set(repair.message, repair);
  }
  return [...best.values()]
    .sort(
      (a, b) =>
        Number(b.verified) - Number(a.verified) ||
        (b.effect?.patientsNewlyMet ?? 0) - (a.effect?.patientsNewlyMet ?? 0) ||
        (b.effect?.shortfallReducedMinutes ?? 0) - (a.effect?.shortfallReducedMinutes ?? 0) ||
        (a.message < b.message ? -1 : a.message > b.message ? 1 : 0),
    )
    .slice(0, max);
}

/**
 * A plain-text summary of a report: the verdict, each patient who falls short with the main
 * causes, and the top repairs with their measured effect. Lines wrap at 100 columns. Ids only,
 * never patient data.
 *
 * @example
 * ```ts
 * const report = explain(problem, solve(problem), { solve });
 * console.log(formatReport(report));
 * // 3 of 24 patients fall short of their requirements.
 * //
 * // Who falls short, and why:
 * // - p-07: 3 h short this week.
 * //     because Patient p-07 can get at most 6 hours of care this week; the minimum is 9 hours: ...
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
  lines.push(`${short.length} of ${total} patient${total === 1 ? '' : 's'} ${short.length === 1 ? 'falls' : 'fall'} short of their requirements.`, '', 'Who falls short, and why:');
  const maxPatients = options.maxPatients ?? 15;
  for (const patient of short.slice(0, maxPatients)) {
    const entries = report.unmet.filter((u) => u.patient === patient);
    // One requirement per line: the messages hold semicolons of their own.
    entries.forEach((entry, i) => lines.push(...wrapped(i === 0 ? `- ${patient}: ` : '  ', `${shortfallText(entry)}.`, 4)));
    const causes = new Map<string, string>();
    for (const entry of entries) for (const cause of entry.causes.slice(0, 2)) if (!causes.has(cause.message)) causes.set(cause.message, cause.code);
    for (const message of [...causes.keys()].slice(0, 2)) lines.push(...wrapped('    because ', message, 6));
  }
  if (short.length > maxPatients) lines.push(`  ... and ${short.length - maxPatients} more.`);
  const repairs = topRepairs(report, options.maxRepairs ?? 5);
  lines.push('', repairs.length > 0 ? 'What would help most:' : 'No verified repair was found within the budget.');
  repairs.forEach((repair, i) => lines.push(...wrapped(`${i + 1}. `, `${repair.message}${repair.verified ? '' : ' (not verified)'}`, 3)));
  return lines.join('\n');
}
