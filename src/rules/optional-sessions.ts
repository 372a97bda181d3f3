import { plural } from './describe.js';
import type { Rule } from './types.js';

/**
 * Sessions of an optional `requires` entry the week would hold if capacity allowed: 1 for a
 * cadence that is optional this week, `max` (or 1 when unbounded) for an entry with `min: 0`,
 * 0 for anything else (a count due this week is a requirement, not a wish).
 *
 * @example
 * ```ts
 * optionalTarget({ service: 2, min: 0, max: 1 }); // 1
 * optionalTarget({ service: 2, min: 1, max: 1 }); // 0: required
 * ```
 */
export function optionalTarget(entry: { min: number; max: number; cadence?: { status: string } }): number {
  if (entry.cadence !== undefined) return entry.cadence.status === 'optional' ? 1 : 0;
  if (entry.min > 0 || entry.max <= 0) return 0;
  return Number.isFinite(entry.max) ? entry.max : 1;
}

/**
 * Optional sessions are held when capacity allows: a soft reward, so they never cost a
 * requirement (scores compare requirements first) and a clinician's free hour goes to a
 * medication review that is not due yet rather than to nothing.
 */
export const optionalSessions: Rule = {
  code: 'optional-sessions',
  level: 'soft',
  scope: 'patient',
  title: 'Optional sessions',
  description:
    "A patient gets the optional sessions of their `requires` list when capacity allows: an entry with `min: 0` (up to its `max`, or one when unbounded) and a cadence that is optional this week (the minimum interval is over, the due date after the week). Penalty: the minutes of each optional session not held.",
  defaultWeight: 5,
  evaluate(ctx, patient, emit) {
    const compiled = ctx.problem.patients[patient]!;
    if (compiled.requires.length === 0 || compiled.endDay <= compiled.firstDay) return;
    for (const entry of compiled.requires) {
      const target = optionalTarget(entry);
      const service = ctx.problem.services[entry.service];
      if (target === 0 || !service) continue;
      let held = 0;
      for (const index of ctx.patientMeetings[patient] ?? []) if (ctx.meetings[index]?.service === entry.service) held++;
      if (held >= target) continue;
      const missing = target - held;
      emit(missing * service.durationMinutes, () => ({
        message: `Patient ${compiled.id} could have ${plural(missing, 'more optional session')} of ${service.id} this week.`,
        patients: [compiled.id],
      }));
    }
  },
};
