import { describeMeeting, onDay } from './describe.js';
import type { Rule } from './types.js';

/**
 * A meeting lasts exactly its service's duration, measured on the wall clock (`end - start`).
 * Penalty: 1 per meeting.
 *
 * Wall clock, not real minutes, on purpose: clinics write and edit meetings as `start`-`end`, the
 * solver places every meeting at `start + durationMinutes`, and a 60-minute group at 01:30 on the
 * night DST ends has no wall-clock end that is 60 real minutes later (02:30 is 120, 01:30 is 0),
 * so a real-minutes rule would break the solver's own placements and make the hour unplaceable.
 * The hour that is skipped when DST starts is never placeable (`nonexistent-time`), so the two
 * measures differ only across the repeated hour, where hours rules count the real minutes
 * (`meetingMinutes`) and this rule keeps the clinic's wall-clock duration.
 */
export const meetingDuration: Rule = {
  code: 'meeting-duration',
  level: 'hard',
  scope: 'meeting',
  title: 'Meeting duration',
  description: "A meeting lasts exactly its service's duration on the wall clock (end minus start; hours rules count real minutes across the repeated hour when DST ends). Penalty: 1 per meeting.",
  evaluate(ctx, index, emit) {
    const meeting = ctx.meetings[index];
    if (!meeting) return;
    const duration = ctx.problem.services[meeting.service]!.durationMinutes;
    if (meeting.end - meeting.start === duration) return;
    emit(1, () => ({
      message: `${describeMeeting(ctx, meeting)} lasts ${meeting.end - meeting.start} minutes; the service lasts ${duration}.`,
      meetings: [meeting.id],
      ...onDay(ctx, meeting.day),
    }));
  },
  fast: {
    shape: ({ m, service }) => m.end - m.start !== service.durationMinutes,
  },
};
