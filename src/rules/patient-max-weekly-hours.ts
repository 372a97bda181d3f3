import { hoursOf } from './describe.js';
import { patientWeek } from './patient-week.js';
import type { Rule } from './types.js';

/** A patient gets at most their maximum weekly hours (20+ is partial hospitalisation). Penalty: minutes over. */
export const patientMaxWeeklyHours: Rule = {
  code: 'patient-max-weekly-hours',
  level: 'hard',
  scope: 'patient',
  title: 'Weekly maximum hours',
  description:
    'A patient gets at most their maximum weekly hours of care that counts toward hours (default 19: 20 or more is partial hospitalisation, not IOP). Penalty: minutes over.',
  evaluate(ctx, patient, emit) {
    if ((ctx.patientMeetings[patient]?.length ?? 0) === 0) return;
    const week = patientWeek(ctx, patient);
    const limit = Math.round(week.rules.maxWeeklyHours * 60);
    const over = week.totalMinutes - limit;
    if (over <= 0) return;
    emit(over, () => ({
      message: `Patient ${ctx.problem.patients[patient]!.id} gets ${hoursOf(week.totalMinutes)} of care this week; the maximum is ${hoursOf(limit)}.`,
      patients: [ctx.problem.patients[patient]!.id],
    }));
  },
  fast: {
    // The tightest maximum of every track the patient lists: the track that applies may change.
    patient: (probe, p) => probe.patientLoad(p).weekMinutes > probe.prepared.patients[p]!.maxWeeklyMinutes,
  },
};
