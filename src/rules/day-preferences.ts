import { dayName, onDay } from './describe.js';
import type { Rule } from './types.js';

/** A patient attends on the days they prefer and not on days they avoid. Penalty: 1 per day. */
export const dayPreferences: Rule = {
  code: 'day-preferences',
  level: 'soft',
  scope: 'patient',
  title: 'Day preferences',
  description:
    "A patient attends on the days they prefer (`preferences.days`) and not on the days they avoid (`preferences.avoidDays`). Penalty: 1 per attended day that is avoided or, when preferred days are given, not among them.",
  defaultWeight: 30,
  evaluate(ctx, patient, emit) {
    const compiled = ctx.problem.patients[patient]!;
    if (compiled.preferredDays.size === 0 && compiled.avoidedDays.size === 0) return;
    let attended = 0;
    for (const index of ctx.patientMeetings[patient] ?? []) {
      const day = ctx.meetings[index]?.day ?? -1;
      if (day >= 0 && day <= 6) attended |= 1 << day;
    }
    for (let day = 0; day < 7; day++) {
      if ((attended & (1 << day)) === 0) continue;
      const avoided = compiled.avoidedDays.has(day);
      if (!avoided && (compiled.preferredDays.size === 0 || compiled.preferredDays.has(day))) continue;
      emit(1, () => ({
        message: avoided
          ? `Patient ${compiled.id} attends on ${dayName(day)}, a day they asked to avoid.`
          : `Patient ${compiled.id} attends on ${dayName(day)}, not one of their preferred days.`,
        patients: [compiled.id],
        ...onDay(ctx, day),
      }));
    }
  },
};
