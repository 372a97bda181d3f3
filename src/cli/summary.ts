/**
 * The few lines `solve`, `check` and `replan` print: the verdict, the score, and who falls short.
 */
import type { Report } from '../model/report.js';
import { terminalSafe } from './terminal.js';

const MAX_LISTED = 20;

/**
 * A plain-text summary of `report` (ids only, control characters shown as escapes).
 *
 * @example
 * ```ts
 * io.stdout(summarise(report, schedule.meetings.length));
 * // 25 sessions. Every requirement of all 8 patients is met.
 * // Score: hard 0 · requirement 0 · soft 3082 (seed 1, ...)
 * ```
 */
export function summarise(report: Report, sessions: number): string {
  const lines: string[] = [];
  const short = [...new Set(report.unmet.map((u) => u.patient))];
  const verdict = !report.feasible
    ? 'Breaks hard rules: this timetable is not usable as it is.'
    : report.allMet
      ? `Every requirement of all ${report.patients.length} patients is met.`
      : `${report.unmet.length} requirement${report.unmet.length === 1 ? '' : 's'} unmet for ${short.length} of ${report.patients.length} patients.`;
  lines.push(`${sessions} sessions. ${verdict}`);
  const { hard, requirement, soft } = report.score;
  const stats = report.stats;
  lines.push(
    `Score: hard ${hard} · requirement ${requirement} · soft ${soft}` +
      (stats ? ` (seed ${stats.seed}, ${stats.iterations} iterations, ${Math.round(stats.elapsedMs)} ms, stopped: ${stats.stoppedBecause})` : ''),
  );
  const hardViolations = report.violations.filter((v) => v.level === 'hard');
  if (hardViolations.length > 0) {
    lines.push('', `Hard-rule breaches (${hardViolations.length}):`);
    for (const v of hardViolations.slice(0, MAX_LISTED)) lines.push(`  ${v.rule}: ${terminalSafe(v.message)}`);
    if (hardViolations.length > MAX_LISTED) lines.push(`  ... and ${hardViolations.length - MAX_LISTED} more (see --report).`);
  }
  if (report.unmet.length > 0) {
    lines.push('', 'Unmet requirements:');
    for (const u of report.unmet.slice(0, MAX_LISTED)) {
      lines.push(`  ${terminalSafe(u.patient)}: ${terminalSafe(u.message)}`);
      const cause = u.causes[0];
      if (cause) lines.push(`      because: ${terminalSafe(cause.message)}`);
      const repair = u.repairs[0];
      if (repair) lines.push(`      repair: ${terminalSafe(repair.message)}`);
    }
    if (report.unmet.length > MAX_LISTED) lines.push(`  ... and ${report.unmet.length - MAX_LISTED} more (see --report).`);
  }
  return `${lines.join('\n')}\n`;
}
