import { coversMeeting, describeMeeting, onDay } from './describe.js';
import type { Rule } from './types.js';

/** Patients attend only inside their availability. Penalty: 1 per patient per meeting. */
export const patientAvailability: Rule = {
  code: 'patient-availability',
  level: 'hard',
  scope: 'meeting',
  title: 'Patient availability',
  description: 'Every patient of a meeting is available (work, school, childcare) for the whole of it. Penalty: 1 per unavailable patient per meeting.',
  evaluate(ctx, index, emit) {
    const meeting = ctx.meetings[index];
    if (!meeting || meeting.day < 0) return;
    for (const patient of meeting.patients) {
      const compiled = ctx.problem.patients[patient]!;
      if (coversMeeting(compiled.available, meeting, ctx.problem.clock)) continue;
      emit(1, () => ({
        message: `Patient ${compiled.id} is not available for ${describeMeeting(ctx, meeting)}.`,
        meetings: [meeting.id],
        patients: [compiled.id],
        ...onDay(ctx, meeting.day),
      }));
    }
  },
  fast: {
    patient: ({ problem, from, to }, p) => !problem.patients[p]!.available.containsRange(from, to),
  },
};
