import { hours } from './describe.js';
import { patientWeek } from './patient-week.js';
import type { Rule } from './types.js';

/**
 * Each patient enrolled this week gets at least their minimum weekly hours.
 * Penalty: minutes short.
 */
export const patientMinWeeklyHours: Rule = {
  code: 'patient-min-weekly-hours',
  level: 'requirement',
  scope: 'patient',
  title: 'Weekly minimum hours',
  description: 'Each patient enrolled this week gets at least their minimum weekly hours of counting care. Penalty: minutes short.',
  evaluate(ctx, patient, emit) {
    const compiled = ctx.problem.patients[patient]!;
    if (compiled.endDay <= compiled.firstDay) return;
    const week = patientWeek(ctx, patient);
    const required = Math.round(week.rules.minWeeklyHours * 60);
    const short = required - week.totalMinutes;
    if (short <= 0) return;
    emit(short, () => ({
      message: `Patient ${compiled.id} gets ${hours(week.totalMinutes)} hours of a required ${hours(required)}.`,
      patients: [compiled.id],
    }));
  },
};
