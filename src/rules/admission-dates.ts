import { describeMeeting, onDay } from './describe.js';
import type { Rule } from './types.js';

/** Patients attend only between admission and discharge. Penalty: 1 per patient per meeting. */
export const admissionDates: Rule = {
  code: 'admission-dates',
  level: 'hard',
  scope: 'meeting',
  title: 'Admission dates',
  description: 'A patient attends only on days from their admission date up to the day before their discharge date. Penalty: 1 per patient per meeting outside that span.',
  evaluate(ctx, index, emit) {
    const meeting = ctx.meetings[index];
    if (!meeting || meeting.day < 0) return;
    for (const patient of meeting.patients) {
      const compiled = ctx.problem.patients[patient]!;
      if (meeting.day >= compiled.firstDay && meeting.day < compiled.endDay) continue;
      emit(1, () => ({
        message:
          meeting.day < compiled.firstDay
            ? `Patient ${compiled.id} is in ${describeMeeting(ctx, meeting)} before their admission.`
            : `Patient ${compiled.id} is in ${describeMeeting(ctx, meeting)} after their discharge.`,
        meetings: [meeting.id],
        patients: [compiled.id],
        ...onDay(ctx, meeting.day),
      }));
    }
  },
  fast: {
    patient({ m, problem }, p) {
      const patient = problem.patients[p]!;
      return m.day < patient.firstDay || m.day >= patient.endDay;
    },
  },
};
