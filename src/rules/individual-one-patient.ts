import { describeMeeting, onDay, patientIds } from './describe.js';
import type { Rule } from './types.js';

/**
 * An individual session has exactly one patient. Penalty: |patients - 1|. A held session whose
 * patient did not come (a no-show) still had its one patient.
 */
export const individualOnePatient: Rule = {
  code: 'individual-one-patient',
  level: 'hard',
  scope: 'meeting',
  title: 'Individual session, one patient',
  description: 'An individual session has exactly one patient; the no-show of a session already held counts as its patient. Penalty: the distance from one, |patients - 1|.',
  evaluate(ctx, index, emit) {
    const meeting = ctx.meetings[index];
    if (!meeting) return;
    if (ctx.problem.services[meeting.service]!.kind !== 'individual') return;
    const off = Math.abs(meeting.patients.length + (meeting.noShows?.length ?? 0) - 1);
    if (off === 0) return;
    emit(off, () => ({
      message: `${describeMeeting(ctx, meeting)} is an individual session but has ${meeting.patients.length} patients.`,
      meetings: [meeting.id],
      patients: patientIds(ctx, meeting.patients),
      ...onDay(ctx, meeting.day),
    }));
  },
  fast: {
    shape: ({ m, service }) => service.kind === 'individual' && m.patients.length !== 1,
  },
};
