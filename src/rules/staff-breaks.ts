import { breakShortfall, staffWork, workSpans } from '../compiled/staff-work.js';
import { formatLocalTime } from '../time/week.js';
import { dayName, onDay } from './describe.js';
import type { Rule } from './types.js';

/**
 * Every break of `Staff.breaks` is free on every day the member works: somewhere inside its
 * window lies a stretch of its minutes with no session and no notes time (with `afterMinutes`,
 * only on days they work longer than that). Penalty: minutes of break missing, per break and day.
 */
export const staffBreaks: Rule = {
  code: 'staff-breaks',
  level: 'hard',
  scope: 'staff',
  title: 'Staff breaks',
  description:
    "On every day a staff member works, each of their `breaks` finds its minutes free inside its window (no session, no notes time); a break with `afterMinutes` is owed only on days they work longer than that. Penalty: minutes of break missing, per break and day.",
  evaluate(ctx, member, emit) {
    const work = staffWork(ctx.problem);
    const breaks = work.breaks[member] ?? [];
    if (breaks.length === 0) return;
    for (let day = 0; day < 7; day++) {
      const spans = workSpans(ctx, work, member, day);
      for (const b of breaks) {
        const missing = breakShortfall(b, spans);
        if (missing === 0) continue;
        emit(missing, () => ({
          message: `Staff ${ctx.problem.staff[member]!.id} has no ${b.minutes}-minute break between ${formatLocalTime(b.start)} and ${formatLocalTime(b.end)} on ${dayName(day)}: the longest free stretch is ${b.minutes - missing} minutes.`,
          staff: [ctx.problem.staff[member]!.id],
          ...onDay(ctx, day),
        }));
      }
    }
  },
  fast: {
    seat(probe, s) {
      const { m, prepared, ctx, replacing } = probe;
      const breaks = prepared.work.breaks[s] ?? [];
      if (breaks.length === 0) return false;
      const spans = workSpans(ctx, prepared.work, s, m.day, m, replacing);
      for (const b of breaks) if (breakShortfall(b, spans) > 0) return true;
      return false;
    },
  },
};
