/**
 * Builds a requirement rule that emits exactly the shortfalls `forEachRequirement` measures, so
 * the score, the violations and the report's requirement statuses are one computation.
 */
import { onDay } from './describe.js';
import { enrolledThisWeek, requirementMessage, requirementsOf, type RequirementCode } from './requirements.js';
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
      // The six requirement rules and the triage rule share one measurement per evaluation.
      for (const requirement of requirementsOf(ctx, patient)) {
        if (requirement.rule !== code || requirement.shortfall <= 0) continue;
        emit(requirement.shortfall, () => ({
          message: requirementMessage(ctx, patient, requirement),
          patients: [ctx.problem.patients[patient]!.id],
          ...onDay(ctx, requirement.day),
        }));
      }
    },
  };
}
