import { dateOf, describeMeeting } from './describe.js';
import type { Rule } from './types.js';

/** A patient attends at most one meeting at a time. Penalty: 1 per overlapping pair. */
export const patientDoubleBooked: Rule = {
  code: 'patient-double-booked',
  level: 'hard',
  scope: 'patient',
  title: 'Patient double-booked',
  description: 'A patient attends at most one meeting at a time. Penalty: 1 per overlapping pair of meetings.',
  evaluate(ctx, patient, emit) {
    const mine = ctx.patientMeetings[patient] ?? [];
    for (let i = 0; i < mine.length; i++) {
      const a = ctx.meetings[mine[i]!];
      if (!a) continue;
      for (let j = i + 1; j < mine.length; j++) {
        const b = ctx.meetings[mine[j]!];
        if (!b || a.day !== b.day || a.start >= b.end || b.start >= a.end) continue;
        emit(1, () => ({
          message: `Patient ${ctx.problem.patients[patient]!.id} is booked in ${describeMeeting(ctx, a)} and ${describeMeeting(ctx, b)} at once.`,
          meetings: [a.id, b.id],
          patients: [ctx.problem.patients[patient]!.id],
          ...(dateOf(ctx, a.day) ? { date: dateOf(ctx, a.day)! } : {}),
        }));
      }
    }
  },
};
