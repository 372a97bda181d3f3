import { describeMeeting, onDay, staffIds } from './describe.js';
import type { Rule } from './types.js';

/** Individual sessions are led by the patient's primary therapist. Penalty: 1 per patient per session. */
export const primaryTherapist: Rule = {
  code: 'primary-therapist',
  level: 'soft',
  scope: 'meeting',
  title: 'Primary therapist',
  description:
    "An individual session of a patient who has a primary therapist is led by them (services marked `primaryOnly` make this a hard rule instead). Penalty: 1 per session led by someone else.",
  defaultWeight: 80,
  evaluate(ctx, index, emit) {
    const meeting = ctx.meetings[index];
    if (!meeting) return;
    const service = ctx.problem.services[meeting.service]!;
    if (service.kind !== 'individual' || service.primaryOnly) return;
    for (const patient of meeting.patients) {
      const primary = ctx.problem.patients[patient]!.primaryStaff;
      if (primary < 0 || meeting.staff.includes(primary)) continue;
      emit(1, () => ({
        message: `${describeMeeting(ctx, meeting)} of patient ${ctx.problem.patients[patient]!.id} is not led by their primary therapist ${ctx.problem.staff[primary]!.id}.`,
        meetings: [meeting.id],
        patients: [ctx.problem.patients[patient]!.id],
        staff: staffIds(ctx, meeting.staff),
        ...onDay(ctx, meeting.day),
      }));
    }
  },
};
