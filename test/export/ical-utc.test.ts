import { describe, expect, it } from 'vitest';
import { toICalendar } from '../../src/export/ical.js';
import type { Meeting } from '../../src/model/schedule.js';
import { formatLocalTime, parseLocalTime, weekdayOf } from '../../src/time/week.js';
import { toOffsetIso } from '../../src/time/zone.js';
import { tinyProblem } from '../support/tiny.js';
import { parseIcs } from './parse-ics.js';

// Found by bench/sweep.ts: ical-generator drops an event's zone when it is exactly 'UTC' and then
// asks the start for a dayjs `utc()`, which the wall-clock dates did not have: a clinic kept in
// UTC could not be exported at all.
function utcMeeting(id: string, date: string, start: string, minutes: number): Meeting {
  const end = formatLocalTime((parseLocalTime(start) ?? 0) + minutes);
  return {
    id, service: 'process', track: 'evening', date, day: weekdayOf(date), start, end,
    startsAt: toOffsetIso(date, start, 'UTC'), endsAt: toOffsetIso(date, end, 'UTC'),
    room: 'room-a', mode: 'in-person', staff: ['clin-1'], patients: ['p1', 'p2'],
  };
}

describe('toICalendar in a clinic kept in UTC', () => {
  const weekStart = '2027-01-04';
  const problem = { ...tinyProblem(), timeZone: 'UTC', weekStart };
  const meetings = [utcMeeting('mo-process', '2027-01-04', '18:00', 90), utcMeeting('su-late', '2027-01-10', '23:00', 60)];
  const schedule = { timeZone: 'UTC', weekStart, meetings };

  for (const recurring of [false, true]) {
    it(`writes every meeting at its exact instants (recurring: ${recurring})`, () => {
      const { events } = parseIcs(toICalendar(problem, schedule, { recurring, stamp: '2027-01-01T00:00:00Z' }));
      expect(events).toHaveLength(meetings.length);
      for (const m of meetings) {
        const event = events.find((e) => e.description.includes(`Meeting: ${m.id}`));
        expect(new Date(event?.startMs ?? 0).toISOString(), m.id).toBe(new Date(m.startsAt).toISOString());
        expect(new Date(event?.endMs ?? 0).toISOString(), m.id).toBe(new Date(m.endsAt).toISOString());
      }
    });
  }
});
