import { describeMeeting, onDay } from './describe.js';
import type { Rule } from './types.js';

/**
 * A group is held only with at least its minimum size. Penalty: patients missing. A held
 * meeting's no-shows count: it is judged as it was planned, not for an absence.
 */
export const groupMinSize: Rule = {
  code: 'group-min-size',
  level: 'hard',
  scope: 'meeting',
  title: 'Group minimum size',
  description:
    "A group meeting has at least its service's minimum number of patients (default 2); a group that cannot reach it is not held. An empty group meeting counts too; the no-shows of a meeting already held count as its patients. Penalty: patients missing.",
  evaluate(ctx, index, emit) {
    const meeting = ctx.meetings[index];
    if (!meeting) return;
    const service = ctx.problem.services[meeting.service]!;
    if (service.kind !== 'group') return;
    const missing = service.minSize - meeting.patients.length - (meeting.noShows?.length ?? 0);
    if (missing <= 0) return;
    emit(missing, () => ({
      message: `${describeMeeting(ctx, meeting)} has ${meeting.patients.length} patients; the group needs at least ${service.minSize} to be held.`,
      meetings: [meeting.id],
      ...onDay(ctx, meeting.day),
    }));
  },
  fast: {
    // A compound move (open a group, then fill it) judges the minimum at its end only.
    shape: ({ m, service, checkMinSize }) => checkMinSize && service.kind === 'group' && m.patients.length < service.minSize,
  },
};
