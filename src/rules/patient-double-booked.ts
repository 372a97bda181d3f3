import { describeMeeting, onDay } from './describe.js';
import { forEachOverlappingPair } from './overlapping-pairs.js';
import type { Rule } from './types.js';

/** A patient attends at most one meeting at a time. Penalty: 1 per overlapping pair. */
export const patientDoubleBooked: Rule = {
  code: 'patient-double-booked',
  level: 'hard',
  scope: 'patient',
  title: 'Patient double-booked',
  description: 'A patient attends at most one meeting at a time. Penalty: 1 per overlapping pair of meetings.',
  evaluate(ctx, patient, emit) {
    forEachOverlappingPair(ctx, ctx.patientMeetings[patient] ?? [], (a, b) => {
      emit(1, () => ({
        message: `Patient ${ctx.problem.patients[patient]!.id} is booked in ${describeMeeting(ctx, a)} and ${describeMeeting(ctx, b)} at once.`,
        meetings: [a.id, b.id],
        patients: [ctx.problem.patients[patient]!.id],
        ...onDay(ctx, a.day),
      }));
    });
  },
  fast: {
    patient(probe, p, position) {
      // The same patient twice on one roster, or at the same time in another meeting.
      for (let j = 0; j < position; j++) if (probe.m.patients[j] === p) return true;
      return probe.patientLoad(p).overlaps;
    },
  },
};
