/**
 * The words the text and HTML views add to a patient's facts line when their week is partial.
 */
import type { PatientSummary } from '../model/report.js';

const MODES: Readonly<Record<NonNullable<PatientSummary['partialWeek']>['mode'], string>> = {
  prorate: 'minimums prorated',
  full: 'full minimums',
  exempt: 'minimums waived',
};

/**
 * `" · partial week: 1 of 3 programme days, minimums prorated"`, or `''` in a whole week.
 *
 * @example
 * ```ts
 * const facts = `${hours} h · track ${track}${partialWeekNote(summary)}`;
 * ```
 */
export function partialWeekNote(summary: PatientSummary): string {
  const partial = summary.partialWeek;
  if (!partial) return '';
  return ` · partial week: ${partial.enrolledDays} of ${partial.programmeDays} programme days, ${MODES[partial.mode]}`;
}
