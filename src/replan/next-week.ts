/**
 * Carries a published week forward to the following Monday: the starting point of next week's
 * `replan`, so a stable programme repeats with only the changes applied.
 */
import { ProblemError } from '../model/issue.js';
import type { Problem } from '../model/problem.js';
import type { Meeting, Schedule } from '../model/schedule.js';
import { assertValidProblem } from '../input/validate.js';
import { compileProblem } from '../compiled/compile.js';
import { addDays } from '../time/week.js';
import { meetingInstants } from '../time/zone.js';
import { readPublished } from './published.js';

/**
 * The problem and the schedule of the week after `schedule`'s: `weekStart` and every meeting's
 * date seven days later, at the same wall-clock times (so `startsAt`/`endsAt` take the offset in
 * force that day: across a DST change the instants shift and the clinic's clock does not);
 * meeting ids, staff, rooms, rosters and pins unchanged, except that this week's no-shows are on
 * the roster again, patients discharged by then leave their sessions and a meeting left with
 * nobody is dropped. Nothing is checked against next
 * week's availability: pass the result to `replan` (with no changes, or next week's) to repair
 * what no longer fits. Never mutates its arguments.
 *
 * @throws {ProblemError} when `problem` is invalid or `schedule` is not a schedule of its week.
 *
 * @example
 * ```ts
 * const carried = nextWeek(problem, published);
 * const { schedule } = replan(carried.problem, carried.schedule, [{ kind: 'admit', patient: newcomer }]);
 * ```
 */
export function nextWeek(
  problem: Problem,
  schedule: Schedule,
): {
  /** The same problem (defaults resolved) with `weekStart` seven days later. */
  problem: Problem;
  /** The meetings carried to the next week. */
  schedule: Schedule;
} {
  const valid = assertValidProblem(problem);
  const issues = readPublished(compileProblem(valid), schedule).issues.map((issue) => ({ ...issue, path: issue.path.replace(/^previous/, 'schedule') }));
  if (issues.length > 0) throw new ProblemError(issues);
  const weekStart = addDays(valid.weekStart, 7);
  const next: Problem = { ...structuredClone(valid), weekStart };
  const dischargedOn = new Map(valid.patients.filter((p) => p.dischargedOn !== undefined).map((p) => [p.id, p.dischargedOn!]));
  const meetings: Meeting[] = [];
  for (const meeting of schedule.meetings) {
    const date = addDays(meeting.date, 7);
    // This week's no-shows are on next week's roster again: a no-show is a record of one week.
    const patients = [...meeting.patients, ...(meeting.noShows ?? [])].filter((id) => {
      const until = dischargedOn.get(id);
      return until === undefined || date < until;
    });
    if (patients.length === 0) continue;
    const { noShows: _, ...rest } = structuredClone(meeting);
    meetings.push({ ...rest, date, ...meetingInstants(date, meeting.start, meeting.end, valid.timeZone), patients });
  }
  return { problem: next, schedule: { timeZone: valid.timeZone, weekStart, meetings } };
}
