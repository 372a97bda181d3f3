import { describeMeeting, onDay } from './describe.js';
import { SLOT_MINUTES, SLOTS_PER_DAY } from '../time/week.js';
import type { CompiledProblem } from '../compiled/compile.js';
import type { PlacedMeeting, Rule } from './types.js';

/** Whether `meeting` starts, ends inside or spans a skipped wall-clock time. */
function runsThroughSkipped(problem: CompiledProblem, meeting: PlacedMeeting): boolean {
  const clock = problem.clock;
  if (!clock.hasSkipped || meeting.day < 0 || meeting.day > 6) return false;
  const base = meeting.day * SLOTS_PER_DAY;
  return clock.skipped.intersectsRange(base + Math.floor(meeting.start / SLOT_MINUTES), base + Math.ceil(meeting.end / SLOT_MINUTES));
}

/**
 * No meeting touches a wall-clock time that does not exist (the hour skipped when DST starts).
 * Compilation closes those times for every resource, so only a hand-edited or published schedule
 * can break it; the availability rules leave such times to this one, so the breach is named once.
 * Penalty: 1 per meeting.
 */
export const nonexistentTime: Rule = {
  code: 'nonexistent-time',
  level: 'hard',
  scope: 'meeting',
  title: 'Nonexistent time',
  description:
    'No meeting starts, ends inside or spans a wall-clock time that does not exist in the time zone (the hour skipped when DST starts). Penalty: 1 per meeting.',
  evaluate(ctx, index, emit) {
    const meeting = ctx.meetings[index];
    if (!meeting || !runsThroughSkipped(ctx.problem, meeting)) return;
    emit(1, () => ({
      message: `${describeMeeting(ctx, meeting)} runs through wall-clock time that does not exist on ${ctx.problem.dates[meeting.day]} in ${ctx.problem.timeZone}: the clock skips it when daylight saving time starts.`,
      meetings: [meeting.id],
      ...onDay(ctx, meeting.day),
    }));
  },
  fast: {
    // Compilation closes these times for every resource, so in the solver this never fires; it
    // is here so that no hard rule goes unchecked when a change is judged.
    shape: ({ m, problem }) => runsThroughSkipped(problem, m),
  },
};
