import { forEachRun, staffWork, workSpans } from '../compiled/staff-work.js';
import { formatLocalTime } from '../time/week.js';
import { dayName, onDay } from './describe.js';
import type { Rule } from './types.js';

/**
 * No run of work is longer than `Staff.maxContinuousMinutes`: a run goes on while the next
 * session starts less than 15 minutes after the previous one's notes time ends (notes time is
 * work, not rest). Penalty: minutes over, per run.
 */
export const staffContinuousWork: Rule = {
  code: 'staff-continuous-work',
  level: 'hard',
  scope: 'staff',
  title: 'Staff continuous work',
  description:
    'A staff member works no run longer than `maxContinuousMinutes`; a run goes on while the gap between the end of one session (its notes time included) and the start of the next is under 15 minutes. Penalty: minutes over, per run.',
  evaluate(ctx, member, emit) {
    const work = staffWork(ctx.problem);
    const limit = work.maxContinuous[member] ?? Infinity;
    if (limit === Infinity) return;
    for (let day = 0; day < 7; day++) {
      forEachRun(workSpans(ctx, work, member, day), (start, end) => {
        if (end - start <= limit) return;
        emit(end - start - limit, () => ({
          message: `Staff ${ctx.problem.staff[member]!.id} works ${formatLocalTime(start)}-${formatLocalTime(end)} on ${dayName(day)} without a 15-minute pause: ${end - start} minutes, longer than their ${limit}.`,
          staff: [ctx.problem.staff[member]!.id],
          ...onDay(ctx, day),
        }));
      });
    }
  },
  fast: {
    seat(probe, s) {
      const { m, prepared, ctx, replacing } = probe;
      const limit = prepared.work.maxContinuous[s] ?? Infinity;
      if (limit === Infinity) return false;
      let over = false;
      forEachRun(workSpans(ctx, prepared.work, s, m.day, m, replacing), (start, end) => {
        if (end - start > limit) over = true;
      });
      return over;
    },
  },
};
