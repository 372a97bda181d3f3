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

function shortfallText(entry: Unmet): string {
  switch (entry.rule) {
    case 'patient-min-weekly-hours':
    case 'daily-min-minutes':
      return `${hoursText(entry.shortfall)} h short`;
    default:
      return entry.message;
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
 * cause, and the top repairs with their measured effect. Ids only, never patient data.
 *
 * @example
 * ```ts
 * const report = explain(problem, solve(problem), { solve });
 * console.log(formatReport(report));
 * // 3 of 24 patients fall short of their requirements.
 * //
 * // Who falls short, and why:
 * // - p-07: gets 6 hours of care this week; at least 9 are required.
 * //     because Patient p-07 can get at most 6 hours ...
 * ```
 */
export function formatReport(report: Report, options: FormatReportOptions = {}): string {
  const lines: string[] = [];
  const short = [...new Set(report.unmet.map((u) => u.patient))];
  const total = report.patients.length;
  if (!report.feasible) {
    const hard = report.violations.filter((v) => v.level === 'hard');
    lines.push(`This timetable breaks ${hard.length} hard rule${hard.length === 1 ? '' : 's'}; it cannot be used as is.`);
    for (const v of hard.slice(0, 5)) lines.push(`  ! ${v.message}`);
  }
  if (short.length === 0) {
    lines.push(`All ${total} patients meet every requirement.`);
    return lines.join('\n');
  }
  lines.push(`${short.length} of ${total} patient${total === 1 ? '' : 's'} fall short of their requirements.`, '', 'Who falls short, and why:');
  const maxPatients = options.maxPatients ?? 15;
  for (const patient of short.slice(0, maxPatients)) {
    const entries = report.unmet.filter((u) => u.patient === patient);
    lines.push(`- ${patient}: ${entries.map(shortfallText).join('; ')}`);
    const causes = new Map<string, string>();
    for (const entry of entries) for (const cause of entry.causes.slice(0, 2)) if (!causes.has(cause.message)) causes.set(cause.message, cause.code);
    for (const message of [...causes.keys()].slice(0, 2)) lines.push(`    because ${message}`);
  }
  if (short.length > maxPatients) lines.push(`  ... and ${short.length - maxPatients} more.`);
  const repairs = topRepairs(report, options.maxRepairs ?? 5);
  lines.push('', repairs.length > 0 ? 'What would help most:' : 'No verified repair was found within the budget.');
  repairs.forEach((repair, i) => lines.push(`${i + 1}. ${repair.message}${repair.verified ? '' : ' (not verified)'}`));
  return lines.join('\n');
}
