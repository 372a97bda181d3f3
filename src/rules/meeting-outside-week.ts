import type { Rule } from './types.js';

/** Every meeting falls on a day of the scheduled week. Penalty: 1 per meeting. */
export const meetingOutsideWeek: Rule = {
  code: 'meeting-outside-week',
  level: 'hard',
  scope: 'meeting',
  title: 'Meeting outside the week',
  description: 'Every meeting is on one of the seven days of the scheduled week. Penalty: 1 per meeting.',
  evaluate(ctx, index, emit) {
    const meeting = ctx.meetings[index];
    if (!meeting || (meeting.day >= 0 && meeting.day <= 6)) return;
    emit(1, () => ({
      message: `Meeting ${meeting.id} is not in the week of ${ctx.problem.weekStart}.`,
      meetings: [meeting.id],
    }));
  },
  fast: {
    // Stricter than evaluate: the meeting must fit inside its day too.
    shape: ({ m }) => m.day < 0 || m.day > 6 || m.end > 1440 || m.start < 0,
  },
};
