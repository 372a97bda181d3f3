import { describeMeeting, onDay } from './describe.js';
import type { Rule } from './types.js';

/** A meeting of a track holds only patients of that track. Penalty: 1 per patient not in it. */
export const trackMembership: Rule = {
  code: 'track-membership',
  level: 'hard',
  scope: 'meeting',
  title: 'Track membership',
  description: "A meeting held for a track holds only patients who list that track. Penalty: 1 per patient outside the track.",
  evaluate(ctx, index, emit) {
    const meeting = ctx.meetings[index];
    if (!meeting || meeting.track < 0) return;
    for (const patient of meeting.patients) {
      const compiled = ctx.problem.patients[patient]!;
      if (compiled.tracks.includes(meeting.track)) continue;
      emit(1, () => ({
        message: `Patient ${compiled.id} is in ${describeMeeting(ctx, meeting)} of track ${ctx.problem.tracks[meeting.track]!.id}, which is not one of their tracks.`,
        meetings: [meeting.id],
        patients: [compiled.id],
        ...onDay(ctx, meeting.day),
      }));
    }
  },
  fast: {
    patient: ({ m, problem }, p) => m.track >= 0 && !problem.patients[p]!.tracks.includes(m.track),
  },
};
