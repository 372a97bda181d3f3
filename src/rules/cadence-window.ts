import type { WeekCadence } from '../compiled/cadence.js';
import { dateOf, dayName } from './describe.js';
import type { Rule, RuleContext } from './types.js';
import type { CadenceSummary } from '../model/report.js';

/**
 * A session of a service on a cadence falls between the minimum and the maximum interval from the
 * last attended one. Hard rather than a requirement: a session before the minimum is too soon
 * for the clinic (a medication review a week after the last), and one after the due date no
 * longer keeps the interval the patient was promised; counted as delivered it would hide that
 * the patient is overdue. Kept hard, the solver places it in time or leaves the requirement
 * unmet with its cause, and next week it is overdue and due any day.
 */
export const cadenceWindow: Rule = {
  code: 'cadence-window',
  level: 'hard',
  scope: 'patient',
  title: 'Cadence window',
  description:
    "A session of a service the patient requires on a cadence (`requires[].cadence`) is held no sooner than `minDays` and no later than `maxDays` after the last attended one in the patient's history (any day of the week when that is already past or there is none). Penalty: 1 per session outside.",
  evaluate(ctx, patient, emit) {
    const compiled = ctx.problem.patients[patient]!;
    const mine = ctx.patientMeetings[patient] ?? [];
    if (mine.length === 0) return;
    for (const entry of compiled.requires) {
      const cadence = entry.cadence;
      if (cadence === undefined) continue;
      for (const index of mine) {
        const meeting = ctx.meetings[index];
        if (!meeting || meeting.service !== entry.service) continue;
        if (meeting.day >= cadence.firstDay && meeting.day <= cadence.lastDay) continue;
        const service = ctx.problem.services[entry.service]!.id;
        const date = dateOf(ctx, meeting.day);
        emit(1, () => ({
          message: `Patient ${compiled.id} has ${service} on ${dayName(meeting.day)}: ${outside(cadence, meeting.day)}.`,
          patients: [compiled.id],
          meetings: [meeting.id],
          ...(date !== undefined ? { date } : {}),
        }));
      }
    }
  },
  fast: {
    patient({ m, prepared }, p) {
      for (const window of prepared.patients[p]!.cadenceWindows) {
        if (window.service === m.service && (m.day < window.firstDay || m.day > window.lastDay)) return true;
      }
      return false;
    },
  },
};

function outside(cadence: WeekCadence, day: number): string {
  const last = cadence.lastAttended ?? '?';
  if (cadence.status === 'not-allowed' || day < cadence.firstDay) {
    return `too soon, the earliest is ${cadence.earliest ?? '?'} (${cadence.minDays} days after the last attended session on ${last})`;
  }
  return `too late, it was due by ${cadence.dueBy ?? '?'} (${cadence.maxDays} days after the last attended session on ${last})`;
}

/**
 * Each cadence requirement of `patient` as the week sees it, for the report: due date, the
 * sessions held, and whether the week keeps it (same window as the rule above).
 *
 * @example
 * ```ts
 * const rows = cadenceSummaries(ctx, 0); // [{ service: 'med-review', state: 'due', dueBy: '2026-11-24', held: [], met: false }]
 * ```
 */
export function cadenceSummaries(ctx: RuleContext, patient: number): CadenceSummary[] {
  const compiled = ctx.problem.patients[patient]!;
  const rows: CadenceSummary[] = [];
  for (const entry of compiled.requires) {
    const cadence = entry.cadence;
    if (cadence === undefined || entry.service < 0) continue;
    const days: number[] = [];
    for (const index of ctx.patientMeetings[patient] ?? []) {
      const meeting = ctx.meetings[index];
      if (meeting && meeting.service === entry.service && meeting.day >= 0 && meeting.day <= 6) days.push(meeting.day);
    }
    days.sort((a, b) => a - b);
    const inside = days.filter((day) => day >= cadence.firstDay && day <= cadence.lastDay).length;
    rows.push({
      service: ctx.problem.services[entry.service]!.id,
      state: cadence.status,
      ...(cadence.lastAttended !== undefined ? { lastAttended: cadence.lastAttended } : {}),
      ...(cadence.earliest !== undefined ? { earliest: cadence.earliest } : {}),
      ...(cadence.dueBy !== undefined ? { dueBy: cadence.dueBy } : {}),
      held: days.map((day) => ctx.problem.dates[day]!),
      met: inside === days.length && inside >= cadence.min,
    });
  }
  return rows;
}
