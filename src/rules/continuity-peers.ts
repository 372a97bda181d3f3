import { patientCounter } from './problem-memo.js';
import type { Rule } from './types.js';

/**
 * A patient meets the same peers across the week. Penalty per patient: distinct group peers over
 * the week minus (largest group attended - 1), floor 0: zero when every group they attend draws
 * from one cohort, one more for each new face.
 */
export const continuityPeers: Rule = {
  code: 'continuity-peers',
  level: 'soft',
  scope: 'patient',
  title: 'Continuity of peers',
  description:
    'A patient meets the same peers across their groups all week (a stable cohort builds trust). Penalty per patient: distinct group peers over the week minus (size of their largest group - 1), never below 0; one unit per extra face.',
  defaultWeight: 15,
  evaluate(ctx, patient, emit) {
    const mine = ctx.patientMeetings[patient] ?? [];
    if (mine.length < 2) return;
    const counter = patientCounter(ctx.problem);
    counter.begin();
    let groups = 0;
    let distinct = 0;
    let largest = 0;
    for (const index of mine) {
      const meeting = ctx.meetings[index];
      if (!meeting || ctx.problem.services[meeting.service]!.kind !== 'group') continue;
      groups++;
      if (meeting.patients.length > largest) largest = meeting.patients.length;
      for (const peer of meeting.patients) if (peer !== patient && counter.add(peer)) distinct++;
    }
    const extra = distinct - Math.max(0, largest - 1);
    if (groups < 2 || extra <= 0) return;
    const peers = distinct;
    emit(extra, () => ({
      message: `Patient ${ctx.problem.patients[patient]!.id} meets ${peers} different peers in ${groups} groups this week; a stable cohort would mean ${extra} fewer.`,
      patients: [ctx.problem.patients[patient]!.id],
    }));
  },
};
