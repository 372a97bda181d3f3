import { staffWork, workSpans } from '../compiled/staff-work.js';
import { formatLocalTime } from '../time/week.js';
import { dayName, onDay, plural } from './describe.js';
import type { Rule } from './types.js';

/**
 * A facilitator keeps each session's notes time (`Service.notesMinutes`) free: the next session
 * they lead starts no earlier than the notes' end. Its own rule rather than a part of
 * `staff-double-booked`, so a report says "no time for notes", not "at two places at once", and a
 * week without notes time is judged exactly as before. The room is not held. Penalty: minutes of
 * notes time lost.
 */
export const staffNotesTime: Rule = {
  code: 'staff-notes-time',
  level: 'hard',
  scope: 'staff',
  title: 'Staff notes time',
  description:
    "After each session a facilitator keeps its service's `notesMinutes` free for documentation: the next session they lead does not start before the notes are done (the room is free then). Penalty: minutes of notes time lost.",
  evaluate(ctx, member, emit) {
    const work = staffWork(ctx.problem);
    if (!work.anyNotes) return;
    for (let day = 0; day < 7; day++) {
      const spans = workSpans(ctx, work, member, day);
      for (let i = 0; i < spans.length; i++) {
        const a = spans[i]!;
        if (a.notesEnd === a.end) continue;
        for (let j = i + 1; j < spans.length && spans[j]!.start < a.notesEnd; j++) {
          const b = spans[j]!;
          // A session starting before this one ends is double-booking, that rule's concern.
          if (b.start < a.end) continue;
          const lost = a.notesEnd - b.start;
          emit(lost, () => ({
            message: `Staff ${ctx.problem.staff[member]!.id} starts a session at ${formatLocalTime(b.start)} on ${dayName(day)}, ${plural(lost, 'minute')} into the notes time of the one ending at ${formatLocalTime(a.end)}.`,
            staff: [ctx.problem.staff[member]!.id],
            ...onDay(ctx, day),
          }));
        }
      }
    }
  },
  fast: {
    seat(probe, s) {
      const { m, prepared, ctx, replacing } = probe;
      if (!prepared.work.anyNotes) return false;
      const notes = prepared.work.notes;
      const mineEnd = m.end + (notes[m.service] ?? 0);
      for (const index of ctx.staffMeetings[s] ?? []) {
        if (index === replacing) continue;
        const o = ctx.meetings[index];
        if (!o || o.day !== m.day) continue;
        // Either starts inside the other's notes time (and not inside the session: double-booking).
        if (o.start >= m.end && o.start < mineEnd) return true;
        if (m.start >= o.end && m.start < o.end + (notes[o.service] ?? 0)) return true;
      }
      return false;
    },
  },
};
