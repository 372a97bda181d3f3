import { describeMeeting, onDay, staffIds } from './describe.js';
import type { Rule } from './types.js';

/** A primary-only session is led by the patient's primary therapist alone. Penalty: 1 per meeting. */
export const primaryStaffOnly: Rule = {
  code: 'primary-staff-only',
  level: 'hard',
  scope: 'meeting',
  title: 'Primary therapist only',
  description:
    "A session of a `primaryOnly` service is led only by the primary therapist of each of its patients; patients with no primary therapist put no restriction on it. Penalty: 1 per meeting.",
  evaluate(ctx, index, emit) {
    const meeting = ctx.meetings[index];
    if (!meeting || !ctx.problem.services[meeting.service]!.primaryOnly) return;
    for (const patient of meeting.patients) {
      const primary = ctx.problem.patients[patient]!.primaryStaff;
      if (primary < 0) continue;
      for (const member of meeting.staff) {
        if (member === primary) continue;
        // Justification: someone other than this patient's primary therapist leads the session.
        emit(1, () => ({
          message: `${describeMeeting(ctx, meeting)} may be led only by ${ctx.problem.staff[primary]!.id}, the primary therapist of patient ${ctx.problem.patients[patient]!.id}.`,
          meetings: [meeting.id],
          patients: [ctx.problem.patients[patient]!.id],
          staff: staffIds(ctx, meeting.staff),
          ...onDay(ctx, meeting.day),
        }));
        return;
      }
    }
  },
  fast: {
    meeting({ m, problem, service }) {
      if (!service.primaryOnly) return false;
      for (const p of m.patients) {
        const primary = problem.patients[p]!.primaryStaff;
        if (primary < 0 || !m.staff.includes(primary)) return true;
      }
      return false;
    },
  },
};
