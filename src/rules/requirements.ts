/**
 * Every requirement of one patient with its target and what the week delivers. The requirement
 * rules emit their shortfalls from these statuses, and the report lists them, so the two agree.
 */
import type { RequirementStatus } from '../model/report.js';
import type { PatientWeek } from './patient-week.js';
import type { RuleContext } from './types.js';

/** Whether the patient is enrolled on at least one day of the week (else no requirement applies). */
export function enrolledThisWeek(ctx: RuleContext, patient: number): boolean {
  const compiled = ctx.problem.patients[patient]!;
  return compiled.endDay > compiled.firstDay;
}

export function requirementStatuses(ctx: RuleContext, patient: number, week: PatientWeek): RequirementStatus[] {
  if (!enrolledThisWeek(ctx, patient)) return [];
  const statuses: RequirementStatus[] = [];
  const requiredMinutes = Math.round(week.rules.minWeeklyHours * 60);
  statuses.push({
    rule: 'patient-min-weekly-hours',
    label: `at least ${week.rules.minWeeklyHours} hours a week`,
    target: week.rules.minWeeklyHours,
    actual: week.totalMinutes / 60,
    met: week.totalMinutes >= requiredMinutes,
  });
  return statuses;
}
