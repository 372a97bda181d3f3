import type { CompiledService } from '../compiled/compile.js';
import { describeMeeting, onDay } from './describe.js';
import type { Rule } from './types.js';

/** The size a group is steered toward: the middle of its allowed range, rounded (7 for 2..12). */
export function idealGroupSize(service: CompiledService): number {
  return Math.round((service.minSize + service.maxSize) / 2);
}

/** Groups are neither crowded nor thin. Penalty: squared distance from the ideal size. */
export const groupSizeBalance: Rule = {
  code: 'group-size-balance',
  level: 'soft',
  scope: 'meeting',
  title: 'Group size balance',
  description:
    "Groups are neither crowded nor thin: a group's ideal size is the middle of its allowed range, rounded ((minSize + maxSize) / 2, 7 for the default 2..12). Squaring makes two groups of 7 better than groups of 2 and 12. Penalty: (patients - ideal)^2 per group meeting with patients.",
  defaultWeight: 3,
  evaluate(ctx, index, emit) {
    const meeting = ctx.meetings[index];
    if (!meeting || meeting.patients.length === 0) return;
    const service = ctx.problem.services[meeting.service]!;
    if (service.kind !== 'group') return;
    const ideal = idealGroupSize(service);
    const off = meeting.patients.length - ideal;
    if (off === 0) return;
    emit(off * off, () => ({
      message: `${describeMeeting(ctx, meeting)} has ${meeting.patients.length} patients; ${ideal} is the ideal size.`,
      meetings: [meeting.id],
      ...onDay(ctx, meeting.day),
    }));
  },
};
