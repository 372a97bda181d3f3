import { dayName, hoursOf, onDay } from './describe.js';
import { patientWeek } from './patient-week.js';
import type { Rule } from './types.js';

/** A patient gets at most their maximum daily hours, when one is set. Penalty: minutes over, per day. */
export const patientMaxDailyHours: Rule = {
  code: 'patient-max-daily-hours',
  level: 'hard',
  scope: 'patient',
  title: 'Daily maximum hours',
  description: 'When `maxDailyHours` is set, a patient gets at most that much care that counts toward hours on any day. Penalty: minutes over, per day.',
  evaluate(ctx, patient, emit) {
    if ((ctx.patientMeetings[patient]?.length ?? 0) === 0) return;
    const week = patientWeek(ctx, patient);
    if (week.rules.maxDailyHours === undefined) return;
    const limit = Math.round(week.rules.maxDailyHours * 60);
    for (let day = 0; day < 7; day++) {
      const minutes = week.minutesByDay[day] ?? 0;
      if (minutes <= limit) continue;
      emit(minutes - limit, () => ({
        message: `Patient ${ctx.problem.patients[patient]!.id} gets ${hoursOf(minutes)} of care on ${dayName(day)}; the maximum is ${hoursOf(limit)}.`,
        patients: [ctx.problem.patients[patient]!.id],
        ...onDay(ctx, day),
      }));
    }
  },
  fast: {
    patient: (probe, p) => probe.patientLoad(p).dayMinutes > probe.prepared.patients[p]!.maxDailyMinutes,
  },
};
