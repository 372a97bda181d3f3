import { dayName, onDay } from './describe.js';
import type { PlacedMeeting, RuleContext } from './types.js';
import type { Rule } from './types.js';

/** Minutes of `day` between the patient's first start and last end not covered by any of their meetings. */
export function idleMinutes(ctx: RuleContext, mine: ReadonlyArray<number>, day: number): number {
  let first = Infinity;
  let last = -Infinity;
  let count = 0;
  for (const index of mine) {
    const meeting = ctx.meetings[index];
    if (!meeting || meeting.day !== day) continue;
    count++;
    if (meeting.start < first) first = meeting.start;
    if (meeting.end > last) last = meeting.end;
  }
  if (count < 2) return 0;
  // Sweep the day: from the covered frontier, extend over meetings that start by it, else jump to
  // the next start and count the gap. A handful of meetings a day keeps this quadratic loop tiny.
  let frontier = first;
  let idle = 0;
  while (frontier < last) {
    let reach = frontier;
    let nextStart = Infinity;
    for (const index of mine) {
      const meeting: PlacedMeeting | undefined = ctx.meetings[index];
      if (!meeting || meeting.day !== day) continue;
      if (meeting.start <= frontier) {
        if (meeting.end > reach) reach = meeting.end;
      } else if (meeting.start < nextStart) nextStart = meeting.start;
    }
    if (reach > frontier) frontier = reach;
    else {
      idle += nextStart - frontier;
      frontier = nextStart;
    }
  }
  return idle;
}

/** A patient's sessions on a day follow one another without gaps. Penalty: idle minutes per day. */
export const compactDays: Rule = {
  code: 'compact-days',
  level: 'soft',
  scope: 'patient',
  title: 'Compact days',
  description:
    "A patient's sessions on a day follow one another, so they do not wait around between them. Penalty: idle minutes between the patient's first and last session of each day.",
  defaultWeight: 1,
  evaluate(ctx, patient, emit) {
    const mine = ctx.patientMeetings[patient] ?? [];
    if (mine.length < 2) return;
    // Days holding two meetings or more, in one pass: a day with fewer has no gap, and each
    // day's own sweep reads every meeting of the patient's week.
    let seen = 0;
    let twice = 0;
    for (const index of mine) {
      const day = ctx.meetings[index]?.day;
      if (day === undefined || day < 0 || day > 6) continue;
      const bit = 1 << day;
      twice |= seen & bit;
      seen |= bit;
    }
    for (let day = 0; day < 7; day++) {
      if ((twice & (1 << day)) === 0) continue;
      const idle = idleMinutes(ctx, mine, day);
      if (idle <= 0) continue;
      emit(idle, () => ({
        message: `Patient ${ctx.problem.patients[patient]!.id} waits ${idle} minutes between sessions on ${dayName(day)}.`,
        patients: [ctx.problem.patients[patient]!.id],
        meetings: mine.map((i) => ctx.meetings[i]).filter((m) => m?.day === day).map((m) => m!.id),
        ...onDay(ctx, day),
      }));
    }
  },
};
