import { describeMeeting, onDay } from './describe.js';
import type { Rule } from './types.js';

/** Meetings start on the programme's grid of start times. Penalty: 1 per meeting. */
export const startGrid: Rule = {
  code: 'start-grid',
  level: 'hard',
  scope: 'meeting',
  title: 'Start on the grid',
  description: 'A meeting starts at a multiple of the programme\'s granularity after midnight (default every 15 minutes). Penalty: 1 per meeting.',
  evaluate(ctx, index, emit) {
    const meeting = ctx.meetings[index];
    if (!meeting || meeting.start % ctx.problem.granularityMinutes === 0) return;
    emit(1, () => ({
      message: `${describeMeeting(ctx, meeting)} does not start on the ${ctx.problem.granularityMinutes}-minute grid.`,
      meetings: [meeting.id],
      ...onDay(ctx, meeting.day),
    }));
  },
  fast: {
    shape: ({ m, problem }) => m.start % problem.granularityMinutes !== 0,
  },
};
