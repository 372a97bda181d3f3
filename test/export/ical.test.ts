import { describe, expect, it } from 'vitest';
import { toICalendar } from '../../src/export/ical.js';
import type { Problem } from '../../src/model/problem.js';
import type { Meeting, Schedule } from '../../src/model/schedule.js';
import { addDays, formatLocalTime, parseLocalTime, weekdayOf } from '../../src/time/week.js';
import { toOffsetIso } from '../../src/time/zone.js';
import { meeting, scheduleOf, tinyProblem } from '../support/tiny.js';
import { parseIcs } from './parse-ics.js';

const LA = 'America/Los_Angeles';

/** A meeting on any date of any zone, its instants computed by the time layer. */
function at(id: string, date: string, start: string, minutes: number, fields: Partial<Meeting> = {}, timeZone = LA): Meeting {
  const end = formatLocalTime((parseLocalTime(start) ?? 0) + minutes);
  return {
    id, service: 'process', track: 'evening', date, day: weekdayOf(date), start, end,
    startsAt: toOffsetIso(date, start, timeZone), endsAt: toOffsetIso(date, end, timeZone),
    room: 'room-a', mode: 'in-person', staff: ['clin-1'], patients: ['p1', 'p2'], ...fields,
  };
}

function weekOf(weekStart: string, meetings: Meeting[], timeZone = LA): { problem: Problem; schedule: Schedule } {
  return { problem: { ...tinyProblem(), timeZone, weekStart }, schedule: { timeZone, weekStart, meetings } };
}

function expectInstantsMatch(text: string, meetings: readonly Meeting[]): void {
  const { events } = parseIcs(text);
  expect(events).toHaveLength(meetings.length);
  for (const m of meetings) {
    const event = events.find((e) => e.description.includes(`Meeting: ${m.id}`));
    expect(event, m.id).toBeDefined();
    expect(new Date(event?.startMs ?? 0).toISOString(), `${m.id} start`).toBe(new Date(m.startsAt).toISOString());
    expect(new Date(event?.endMs ?? 0).toISOString(), `${m.id} end`).toBe(new Date(m.endsAt).toISOString());
  }
}

describe('toICalendar', () => {
  it('gives every meeting of the week one event at its exact instants', () => {
    const meetings = [
      meeting({ id: 'tu-process', service: 'process', track: 'evening', day: 'TU', start: '18:00', room: 'room-a', staff: ['clin-1'], patients: ['p1', 'p2'] }),
      meeting({ id: 'we-process', service: 'process', track: 'evening', day: 'WE', start: '19:15', room: 'room-a', staff: ['clin-2'], patients: ['p3', 'p4'] }),
      meeting({ id: 'th-individual', service: 'individual', day: 'TH', start: '08:00', staff: ['clin-2'], patients: ['p1'] }, 45),
      meeting({ id: 'su-late', service: 'individual', day: 'SU', start: '23:00', staff: ['clin-1'], patients: ['p2'] }, 60),
    ];
    const text = toICalendar(tinyProblem(), scheduleOf(meetings));
    expectInstantsMatch(text, meetings);
    // Wall-clock time with the zone's TZID, never the host's local time nor UTC.
    expect(text).toContain('DTSTART;TZID=America/Los_Angeles:20261124T180000\r\n');
    expect(text).toContain('DTEND;TZID=America/Los_Angeles:20261130T000000\r\n');
    expect(text).toMatch(/^DTSTAMP:\d{8}T\d{6}Z\r$/m);
    expect(parseIcs(text).vtimezones).toBe(1);
  });

  it('keeps wall-clock times right across the end of DST (2026-11-01, Los Angeles)', () => {
    const meetings = [
      at('sat-pdt', '2026-10-31', '18:00', 60),
      at('sun-pst', '2026-11-01', '10:00', 90),
      at('mon-before', '2026-10-26', '09:00', 60),
    ];
    const { problem, schedule } = weekOf('2026-10-26', meetings);
    expectInstantsMatch(toICalendar(problem, schedule), meetings);
  });

  it('writes a meeting in the repeated hour as its wall-clock time, which RFC 5545 reads as the first (PDT) instant', () => {
    // RFC 5545 3.3.5: a local time that occurs twice refers to the first occurrence, as the time
    // layer does (08:30Z). ical.js deviates and reads the second (09:30Z), so the text is checked.
    const repeated = at('sun-repeated-hour', '2026-11-01', '01:30', 60);
    expect(repeated.startsAt).toBe('2026-11-01T01:30:00-07:00');
    const { problem, schedule } = weekOf('2026-10-26', [repeated]);
    expect(toICalendar(problem, schedule)).toContain('DTSTART;TZID=America/Los_Angeles:20261101T013000\r\n');
  });

  it('keeps wall-clock times right across the start of DST (2026-03-08, Los Angeles)', () => {
    const meetings = [at('sat-pst', '2026-03-07', '18:00', 60), at('sun-pdt', '2026-03-08', '10:00', 60), at('sun-early', '2026-03-08', '00:30', 60)];
    const { problem, schedule } = weekOf('2026-03-02', meetings);
    expectInstantsMatch(toICalendar(problem, schedule), meetings);
  });

  it('writes weekly series whose later occurrences keep the wall-clock time across a DST change', () => {
    const meetings = [at('tue-evening', '2026-10-27', '18:00', 60), at('fri-morning', '2026-10-30', '09:30', 50)];
    const { problem, schedule } = weekOf('2026-10-26', meetings);
    const { events } = parseIcs(toICalendar(problem, schedule, { recurring: true }));
    expect(events).toHaveLength(2);
    for (const m of meetings) {
      const event = events.find((e) => e.uid === `${m.id}@iop-scheduler`);
      expect(event?.recurring).toBe(true);
      const expected = [0, 1, 2, 20].map((week) => new Date(toOffsetIso(addDays(m.date, 7 * week), m.start, LA)).getTime());
      const occurrences = event?.occurrences(21) ?? [];
      expect([0, 1, 2, 20].map((i) => occurrences[i])).toEqual(expected);
    }
    // 2026-11-03 18:00 is PST: 02:00 UTC the next day, an hour later than in October.
    const tuesday = events.find((e) => e.uid === 'tue-evening@iop-scheduler');
    expect(new Date(tuesday?.occurrences(2)[1] ?? 0).toISOString()).toBe('2026-11-04T02:00:00.000Z');
  });

  it('uses a VTIMEZONE from current zone data: Mexico City has had no DST since 2022', () => {
    const meetings = [at('july', '2026-07-07', '10:00', 60, {}, 'America/Mexico_City')];
    const { problem, schedule } = weekOf('2026-07-06', meetings, 'America/Mexico_City');
    const text = toICalendar(problem, schedule, { recurring: true });
    expect(text).not.toContain('BEGIN:DAYLIGHT');
    expect(parseIcs(text).events[0]?.startMs).toBe(Date.parse('2026-07-07T16:00:00Z'));
  });

  it('states the EU rule as the last Sunday of the month', () => {
    const meetings = [at('berlin', '2026-03-30', '10:00', 60, {}, 'Europe/Berlin')];
    const { problem, schedule } = weekOf('2026-03-30', meetings, 'Europe/Berlin');
    const text = toICalendar(problem, schedule);
    expect(text).toContain('RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU');
    expectInstantsMatch(text, meetings);
  });

  it('derives stable UIDs: from meeting id and week for events, from meeting id alone for series', () => {
    const first = weekOf('2026-10-26', [at('tue', '2026-10-27', '18:00', 60)]);
    const next = weekOf('2026-11-02', [at('tue', '2026-11-03', '18:00', 60)]);
    const uids = (week: typeof first, recurring: boolean): string[] =>
      parseIcs(toICalendar(week.problem, week.schedule, { recurring })).events.map((e) => e.uid);
    expect(uids(first, false)).toEqual(['tue-2026-10-26@iop-scheduler']);
    expect(uids(next, false)).toEqual(['tue-2026-11-02@iop-scheduler']);
    expect(uids(first, true)).toEqual(uids(next, true));
    expect(toICalendar(first.problem, first.schedule, { stamp: '2026-10-26T08:00:00Z' })).toBe(toICalendar(first.problem, first.schedule, { stamp: '2026-10-26T08:00:00Z' }));
    // Ids with characters that mean something in iCalendar are percent-encoded, never spliced in raw.
    const odd = weekOf('2026-10-26', [at('a;b,c\nd', '2026-10-27', '18:00', 60)]);
    expect(uids(odd, true)).toEqual(['a%3Bb%2Cc%0Ad@iop-scheduler']);
  });

  it('folds long lines at 75 octets without splitting a UTF-8 character, and unfolds to the same text', () => {
    const problem = tinyProblem();
    const name = `Gruppe für Angstbewältigung — 認知行動療法 😀 ${'long '.repeat(30)}end`;
    problem.services[0] = { ...problem.services[0]!, name };
    const text = toICalendar(problem, scheduleOf([meeting({ id: 'm', service: 'process', day: 'TU', start: '18:00', room: 'room-a', patients: ['p1'] })]));
    const lines = text.split('\r\n');
    expect(lines.at(-1)).toBe('');
    for (const line of lines) {
      const bytes = Buffer.from(line, 'utf8');
      expect(bytes.length).toBeLessThanOrEqual(75);
      expect(Buffer.from(bytes.toString('utf8'), 'utf8').equals(bytes)).toBe(true);
      expect(line).not.toContain('\uFFFD');
    }
    expect(lines.filter((line) => line.startsWith(' ')).length).toBeGreaterThanOrEqual(2);
    expect(parseIcs(text).events[0]?.summary).toBe(name);
  });

  it('escapes commas, semicolons, backslashes and newlines in names', () => {
    const problem = tinyProblem();
    const nasty = 'Skills, values; and\\more\nSUMMARY:injected\r\nEND:VEVENT';
    problem.services[0] = { ...problem.services[0]!, name: nasty };
    problem.rooms[0] = { ...problem.rooms[0]!, name: 'Room A; 2nd floor, east' };
    problem.staff[0] = { ...problem.staff[0]!, name: 'Lee, Dana\nLCSW' };
    const m = meeting({ id: 'm', service: 'process', day: 'TU', start: '18:00', room: 'room-a', staff: ['clin-1'], patients: ['p1'] });
    const text = toICalendar(problem, scheduleOf([m]), { for: { staff: 'clin-1' } });
    expect(text).not.toMatch(/^SUMMARY:injected/m);
    expect(text.match(/^END:VEVENT\r$/gm)).toHaveLength(1);
    const parsed = parseIcs(text);
    expect(parsed.events[0]?.summary).toBe(nasty.replace(/\r\n/g, '\n'));
    expect(parsed.events[0]?.location).toBe('Room A; 2nd floor, east');
    expect(parsed.events[0]?.description).toContain('Staff: Lee, Dana\nLCSW');
    expect(text).toContain('\r\nX-WR-CALNAME:Lee\\, Dana\\nLCSW: week of 2026-11-23\r\n');
  });

  it('writes no control character RFC 5545 forbids, from names, ids or the UID domain', () => {
    const controls = 'a\u0000b\u0007c\u001b[31md\u007fe\u0085f\u009b2Jg\u000bh\u000ci';
    const problem = tinyProblem();
    problem.services[0] = { ...problem.services[0]!, name: `Group ${controls}` };
    problem.rooms[0] = { ...problem.rooms[0]!, id: `room${controls}` };
    problem.staff[0] = { ...problem.staff[0]!, name: `Lee\tDana ${controls}` };
    problem.patients[0] = { ...problem.patients[0]!, id: `p1${controls}` };
    const m = meeting({ id: `m${controls}`, service: 'process', day: 'TU', start: '18:00', room: `room${controls}`, staff: ['clin-1'], patients: [`p1${controls}`] });
    for (const options of [{}, { for: { staff: 'clin-1' } }, { for: { room: `room${controls}` } }, { recurring: true, uidDomain: `clinic${controls}.example` }]) {
      const text = toICalendar(problem, scheduleOf([m]), options);
      // Only CRLF line ends and HTAB (allowed in TEXT) remain of the C0 set; no DEL, no C1.
      expect(text.replace(/\r\n/g, '').replace(/\t/g, '')).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
      const event = parseIcs(text).events[0]!;
      expect(event.summary).toBe('Group a\uFFFDb\uFFFDc\uFFFD[31md\uFFFDe\uFFFDf\uFFFD2Jg\uFFFDh\uFFFDi');
      expect(event.uid).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
    }
  });

  it("shows one person's or room's meetings, and patient ids only on staff and whole-week calendars", () => {
    const meetings = [
      meeting({ id: 'g1', service: 'process', day: 'TU', start: '18:00', room: 'room-a', staff: ['clin-1'], patients: ['p1', 'p2'] }),
      meeting({ id: 'g2', service: 'process', day: 'WE', start: '18:00', room: 'room-a', staff: ['clin-2'], patients: ['p3', 'p4'] }),
      meeting({ id: 'i1', service: 'individual', day: 'TH', start: '18:00', room: 'office-1', staff: ['clin-2'], patients: ['p1'] }),
    ];
    const problem = tinyProblem();
    const schedule = scheduleOf(meetings);
    const ids = (text: string): string[] => parseIcs(text).events.map((e) => /Meeting: (.*)$/.exec(e.description)?.[1] ?? '');
    const forPatient = toICalendar(problem, schedule, { for: { patient: 'p1' } });
    expect(ids(forPatient)).toEqual(['g1', 'i1']);
    expect(forPatient).not.toMatch(/p2|p3|p4/);
    expect(ids(toICalendar(problem, schedule, { for: { staff: 'clin-2' } }))).toEqual(['g2', 'i1']);
    expect(toICalendar(problem, schedule, { for: { staff: 'clin-2' } })).toContain('Patients: p3\\, p4');
    expect(ids(toICalendar(problem, schedule, { for: { room: 'room-a' } }))).toEqual(['g1', 'g2']);
    expect(toICalendar(problem, schedule, { for: { room: 'room-a' } })).not.toMatch(/p1|p2/);
    expect(ids(toICalendar(problem, schedule))).toEqual(['g1', 'g2', 'i1']);
    expect(parseIcs(toICalendar(problem, schedule, { for: { patient: 'p1' } })).events.map((e) => e.location)).toEqual(['room-a', 'office-1']);
  });

  it('rejects unknown subjects and malformed meetings with a clear error instead of a wrong file', () => {
    const problem = tinyProblem();
    expect(() => toICalendar(problem, scheduleOf([]), { for: { patient: 'nobody' } })).toThrow(/Unknown patient 'nobody'/);
    const bad = { ...meeting({ id: 'bad', service: 'process', day: 'TU', start: '18:00' }), start: '25:00' };
    expect(() => toICalendar(problem, scheduleOf([bad]))).toThrow(/Meeting 'bad'/);
    expect(() => toICalendar(problem, scheduleOf([]), { stamp: 'yesterday' })).toThrow(/stamp/);
  });

  it('writes a valid empty calendar for a week with no meetings', () => {
    const text = toICalendar(tinyProblem(), scheduleOf([]), { for: { patient: 'p4' } });
    expect(parseIcs(text).events).toEqual([]);
    expect(text).toContain('BEGIN:VTIMEZONE');
  });

  it('never mutates its input', () => {
    const problem = tinyProblem();
    const schedule = scheduleOf([meeting({ id: 'g1', service: 'process', day: 'TU', start: '18:00', room: 'room-a', patients: ['p1'] })]);
    const before = JSON.stringify([problem, schedule]);
    toICalendar(problem, schedule, { recurring: true });
    expect(JSON.stringify([problem, schedule])).toBe(before);
  });
});
