import { describeMeeting, onDay } from './describe.js';
import type { Rule } from './types.js';

/** Patients who must be kept apart never share a meeting. Penalty: 1 per pair. */
export const avoidPair: Rule = {
  code: 'avoid-pair',
  level: 'hard',
  scope: 'meeting',
  title: 'Patients kept apart',
  description: 'Two patients of whom either lists the other in `avoid` (family, co-workers) never share a meeting. Penalty: 1 per such pair per meeting.',
  evaluate(ctx, index, emit) {
    const meeting = ctx.meetings[index];
    if (!meeting) return;
    const patients = meeting.patients;
    for (let i = 0; i < patients.length; i++) {
      const a = ctx.problem.patients[patients[i]!]!;
      if (a.avoid.size === 0) continue;
      for (let j = i + 1; j < patients.length; j++) {
        if (!a.avoid.has(patients[j]!)) continue;
        const b = ctx.problem.patients[patients[j]!]!;
        emit(1, () => ({
          message: `Patients ${a.id} and ${b.id} must be kept apart but share ${describeMeeting(ctx, meeting)}.`,
          meetings: [meeting.id],
          patients: [a.id, b.id],
          ...onDay(ctx, meeting.day),
        }));
      }
    }
  },
  fast: {
    patient({ m, problem }, p, position) {
      // Compilation makes `avoid` symmetric, so one side's set answers for the pair.
      const avoid = problem.patients[p]!.avoid;
      if (avoid.size === 0) return false;
      for (let j = 0; j < position; j++) if (avoid.has(m.patients[j]!)) return true;
      return false;
    },
  },
};
