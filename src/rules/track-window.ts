import { coversMeeting, describeMeeting, onDay } from './describe.js';
import type { Rule } from './types.js';

/** A track-bound service is held inside its track's windows. Penalty: 1 per meeting. */
export const trackWindow: Rule = {
  code: 'track-window',
  level: 'hard',
  scope: 'meeting',
  title: 'Track window',
  description:
    "A meeting of a track-bound service (groups, by default) names a track and lies wholly inside that track's windows. Penalty: 1 per meeting.",
  evaluate(ctx, index, emit) {
    const meeting = ctx.meetings[index];
    if (!meeting || meeting.day < 0 || !ctx.problem.services[meeting.service]!.trackBound) return;
    const track = ctx.problem.tracks[meeting.track];
    if (track && coversMeeting(track.windows, meeting, ctx.problem.clock)) return;
    emit(1, () => ({
      message: track
        ? `${describeMeeting(ctx, meeting)} is outside the windows of track ${track.id}.`
        : `${describeMeeting(ctx, meeting)} belongs to a track programme but names no track.`,
      meetings: [meeting.id],
      ...onDay(ctx, meeting.day),
    }));
  },
  fast: {
    shape: ({ m, problem, service, from, to }) => service.trackBound && !(problem.tracks[m.track]?.windows.containsRange(from, to) ?? false),
  },
};
