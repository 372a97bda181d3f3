import { plural } from './describe.js';
import { patientWeek } from './patient-week.js';
import type { Rule } from './types.js';

/** A patient attends on at most their maximum number of days. Penalty: days over. */
export const patientMaxDays: Rule = {
  code: 'patient-max-days',
  level: 'hard',
  scope: 'patient',
  title: 'Weekly maximum days',
  description: 'A patient attends on at most their maximum number of days a week (default 5; a day with any session counts). Penalty: days over.',
  evaluate(ctx, patient, emit) {
    if ((ctx.patientMeetings[patient]?.length ?? 0) === 0) return;
    const week = patientWeek(ctx, patient);
    const over = week.daysAttended - week.rules.maxDays;
    if (over <= 0) return;
    emit(over, () => ({
      message: `Patient ${ctx.problem.patients[patient]!.id} attends ${plural(week.daysAttended, 'day')} this week; the maximum is ${plural(week.rules.maxDays, 'day')}.`,
      patients: [ctx.problem.patients[patient]!.id],
    }));
  },
  fast: {
    patient: (probe, p) => probe.patientLoad(p).days > probe.prepared.patients[p]!.maxDays,
  },
};
