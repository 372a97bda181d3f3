import { staffCounter } from './problem-memo.js';
import type { Rule } from './types.js';

/**
 * A patient's groups are led by the same facilitators across the week. Penalty per patient:
 * distinct group staff minus the most staff any one of their groups needs, floor 0.
 */
export const continuityFacilitator: Rule = {
  code: 'continuity-facilitator',
  level: 'soft',
  scope: 'patient',
  title: 'Continuity of facilitator',
  description:
    "A patient's groups are led by the same facilitators all week. Penalty per patient: distinct staff leading their groups minus the largest number of staff any one of those groups needs, never below 0; one unit per extra facilitator.",
  defaultWeight: 100,
  evaluate(ctx, patient, emit) {
    const mine = ctx.patientMeetings[patient] ?? [];
    if (mine.length < 2) return;
    const counter = staffCounter(ctx.problem);
    counter.begin();
    let distinct = 0;
    let needed = 0;
    for (const index of mine) {
      const meeting = ctx.meetings[index];
      if (!meeting) continue;
      const service = ctx.problem.services[meeting.service]!;
      if (service.kind !== 'group') continue;
      if (service.staffNeeded > needed) needed = service.staffNeeded;
      for (const member of meeting.staff) if (counter.add(member)) distinct++;
    }
    const extra = distinct - needed;
    if (extra <= 0) return;
    const facilitators = distinct;
    emit(extra, () => ({
      message: `Patient ${ctx.problem.patients[patient]!.id} has ${facilitators} different group facilitators this week; ${needed} would do.`,
      patients: [ctx.problem.patients[patient]!.id],
    }));
  },
};
