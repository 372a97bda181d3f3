import { coversMeeting, describeMeeting, onDay } from './describe.js';
import type { Rule } from './types.js';

/** A session with family falls inside the family's availability. Penalty: 1 per patient. */
export const familyAvailability: Rule = {
  code: 'family-availability',
  level: 'hard',
  scope: 'meeting',
  title: 'Family availability',
  description:
    "A session of a `withFamily` service falls inside each patient's family availability (no family availability given means the family cannot come). Penalty: 1 per patient per meeting.",
  evaluate(ctx, index, emit) {
    const meeting = ctx.meetings[index];
    if (!meeting || meeting.day < 0 || !ctx.problem.services[meeting.service]!.withFamily) return;
    for (const patient of meeting.patients) {
      const compiled = ctx.problem.patients[patient]!;
      if (coversMeeting(compiled.family, meeting, ctx.problem.clock)) continue;
      emit(1, () => ({
        message: `The family of patient ${compiled.id} is not available for ${describeMeeting(ctx, meeting)}.`,
        meetings: [meeting.id],
        patients: [compiled.id],
        ...onDay(ctx, meeting.day),
      }));
    }
  },
  fast: {
    patient: ({ problem, service, from, to }, p) => service.withFamily && !problem.patients[p]!.family.containsRange(from, to),
  },
};
