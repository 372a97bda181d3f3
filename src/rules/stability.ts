import { describeMeeting, onDay } from './describe.js';
import { sessionKey, type PlacedMeeting } from './types.js';
import type { Rule } from './types.js';

function sameStaff(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (const member of a) if (!b.includes(member)) return false;
  return true;
}

/**
 * When re-planning, a patient keeps the week they were told about. Penalty per patient: 1 per
 * published session no longer held at its service, day and start, plus 1 per kept session whose
 * room or staff changed.
 */
export const stability: Rule = {
  code: 'stability',
  level: 'soft',
  scope: 'patient',
  title: 'Stability',
  description:
    "Only when re-planning against a published timetable: a patient keeps the sessions they were told about. Penalty per patient: 1 per published session that is no longer held for them at the same service, day and start (moved, cancelled or the patient taken out), plus 1 per kept meeting whose room or staff changed.",
  defaultWeight: 100,
  evaluate(ctx, patient, emit) {
    const previous = ctx.previous;
    if (!previous) return;
    const published = previous.patientSessions[patient];
    const mine = ctx.patientMeetings[patient] ?? [];
    const id = ctx.problem.patients[patient]!.id;
    if (published && published.size > 0) {
      let kept = 0;
      for (let i = 0; i < mine.length; i++) {
        const meeting = ctx.meetings[mine[i]!];
        if (!meeting || !published.has(sessionKey(meeting))) continue;
        let repeat = false;
        for (let j = 0; j < i && !repeat; j++) {
          const earlier = ctx.meetings[mine[j]!];
          repeat = !!earlier && earlier.service === meeting.service && earlier.day === meeting.day && earlier.start === meeting.start;
        }
        if (!repeat) kept++;
      }
      const gone = published.size - kept;
      if (gone > 0) {
        emit(gone, () => ({
          message: `Patient ${id} loses ${gone} of the ${published.size} sessions published for them this week.`,
          patients: [id],
        }));
      }
    }
    for (const index of mine) {
      const meeting = ctx.meetings[index];
      const before: PlacedMeeting | undefined = meeting ? previous.meetings.get(meeting.id) : undefined;
      if (!meeting || !before || !before.patients.includes(patient)) continue;
      // A moved session is already counted as lost above.
      if (before.day !== meeting.day || before.start !== meeting.start || before.service !== meeting.service) continue;
      if (before.room === meeting.room && sameStaff(before.staff, meeting.staff)) continue;
      emit(1, () => ({
        message: `${describeMeeting(ctx, meeting)} of patient ${id} changed ${before.room !== meeting.room ? 'room' : 'staff'} since it was published.`,
        patients: [id],
        meetings: [meeting.id],
        ...onDay(ctx, meeting.day),
      }));
    }
  },
};
