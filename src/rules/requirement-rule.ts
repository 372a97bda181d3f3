/**
 * Builds a requirement rule that emits exactly the shortfalls `forEachRequirement` measures, so
 * the score, the violations and the report's requirement statuses are one computation.
 */
import { onDay } from './describe.js';
import { patientWeek } from './patient-week.js';
import { enrolledThisWeek, forEachRequirement, requirementMessage, type RequirementCode } from './requirements.js';
import type { Rule } from './types.js';

export function requirementRule(code: RequirementCode, title: string, description: string): Rule {
  return {
    code,
    level: 'requirement',
    scope: 'patient',
    title,
    description,
    evaluate(ctx, patient, emit) {
      if (!enrolledThisWeek(ctx, patient)) return;
      forEachRequirement(ctx, patient, patientWeek(ctx, patient), code, (requirement) => {
        if (requirement.shortfall <= 0) return;
        emit(requirement.shortfall, () => ({
          message: requirementMessage(ctx, patient, requirement),
          patients: [ctx.problem.patients[patient]!.id],
          ...onDay(ctx, requirement.day),
        }));
      });
    },
  };
}
