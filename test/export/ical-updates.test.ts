/**
 * Calendars that update (RFC 5545 3.8.7.4, as Google and Outlook apply them): read back with two
 * independent parsers, ical.js and node-ical.
 */
import ical, { type VEvent } from 'node-ical';
import { describe, expect, it } from 'vitest';
import { toICalendar, type ICalendarOptions } from '../../src/export/ical.js';
import type { Problem } from '../../src/model/problem.js';
import type { Meeting, Schedule } from '../../src/model/schedule.js';
import { meeting, scheduleOf, tinyProblem } from '../support/tiny.js';
import { parseIcs } from './parse-ics.js';

const STAMP = '2026-11-25T07:05:00-08:00';

function nodeIcalEvents(text: string): VEvent[] {
  return Object.values(ical.sync.parseICS(text)).filter((c): c is VEvent => c?.type === 'VEVENT');
}

function both(problem: Problem, schedule: Schedule, options: ICalendarOptions = {}): { text: string; icalJs: ReturnType<typeof parseIcs>['events']; nodeIcal: VEvent[] } {
  const text = toICalendar(problem, schedule, { stamp: STAMP, ...options });
  return { text, icalJs: parseIcs(text).events, nodeIcal: nodeIcalEvents(text) };
}

const published = meeting({ id: 'tu-process', service: 'process', track: 'evening', day: 'TU', start: '18:00', room: 'room-a', staff: ['clin-1'], patients: ['p1', 'p2'] });

describe('toICalendar: calendars that update', () => {
  it('raises SEQUENCE when a meeting moves, under the same UID, and stamps the publication instant', () => {
    const before = both(tinyProblem(), scheduleOf([published]));
    const { end: _end, startsAt: _startsAt, endsAt: _endsAt, date: _date, ...fields } = published;
    const moved: Meeting = { ...meeting({ ...fields, day: 'WE', start: '19:00' }), revision: 1 };
    const after = both(tinyProblem(), scheduleOf([moved]), { stamp: '2026-11-25T08:00:00Z' });
    for (const [label, first, second] of [
      ['ical.js', before.icalJs[0], after.icalJs[0]],
      ['node-ical', before.nodeIcal[0], after.nodeIcal[0]],
    ] as const) {
      expect(first?.uid, label).toBe(second?.uid);
      expect(Number(first?.sequence ?? 0), label).toBe(0);
      expect(Number(second?.sequence), label).toBe(1);
    }
    expect(before.icalJs[0]?.stampMs).toBe(Date.parse(STAMP));
    expect(before.nodeIcal[0]?.dtstamp.getTime()).toBe(Date.parse(STAMP));
    expect(after.icalJs[0]?.stampMs).toBe(Date.parse('2026-11-25T08:00:00Z'));
    expect(before.text).toContain('SEQUENCE:0\r\n');
    expect(after.text).toContain('DTSTAMP:20261125T080000Z\r\n');
  });

  it('withdraws a cancelled meeting: STATUS:CANCELLED, the same UID, SEQUENCE one above its last', () => {
    const last: Meeting = { ...published, revision: 2 };
    const publishedUid = both(tinyProblem(), scheduleOf([last])).icalJs[0]?.uid;
    const kept = meeting({ id: 'we-process', service: 'process', track: 'evening', day: 'WE', start: '18:00', room: 'room-a', staff: ['clin-2'], patients: ['p3', 'p4'] });
    for (const recurring of [false, true]) {
      const { icalJs, nodeIcal } = both(tinyProblem(), scheduleOf([kept]), { cancelled: [last], recurring });
      const a = icalJs.find((e) => e.description.includes('Meeting: tu-process'));
      const b = nodeIcal.find((e) => String(e.description).includes('Meeting: tu-process'));
      expect(a?.status).toBe('CANCELLED');
      expect(b?.status).toBe('CANCELLED');
      expect(a?.sequence).toBe(3);
      expect(Number(b?.sequence)).toBe(3);
      if (!recurring) expect(a?.uid).toBe(publishedUid);
      expect(b?.uid).toBe(a?.uid);
      // The meeting still held is not cancelled.
      expect(icalJs.find((e) => e.description.includes('Meeting: we-process'))?.status).toBe('');
    }
    // Only the subject's cancelled meetings, and a meeting cannot be held and cancelled at once.
    expect(both(tinyProblem(), scheduleOf([kept]), { cancelled: [last], for: { patient: 'p3' } }).icalJs.map((e) => e.status)).toEqual(['']);
    expect(() => toICalendar(tinyProblem(), scheduleOf([published]), { cancelled: [published] })).toThrow(/both held and cancelled/);
  });

  it("ends a discharged patient's weekly series at the discharge, with no occurrence on or after dischargedOn", () => {
    const problem = tinyProblem();
    // Discharged on Thursday 2026-12-10 (exclusive): Tuesday the 8th is the last Tuesday, Thursday the 3rd the last Thursday.
    problem.patients = problem.patients.map((p) => (p.id === 'p1' ? { ...p, dischargedOn: '2026-12-10' } : p));
    const individual = meeting({ id: 'th-individual', service: 'individual', day: 'TH', start: '18:00', staff: ['clin-2'], patients: ['p1'] });
    const schedule = scheduleOf([published, individual]);
    const end = Date.parse('2026-12-10T00:00:00-08:00');

    const patient = both(problem, schedule, { recurring: true, for: { patient: 'p1' } });
    expect(patient.text).toMatch(/RRULE:FREQ=WEEKLY;UNTIL=20261210T075959Z\r\n/);
    for (const event of patient.icalJs) {
      const starts = event.occurrences(20);
      expect(starts.length, event.uid).toBeLessThan(20);
      expect(Math.max(...starts), event.uid).toBeLessThan(end);
    }
    expect(patient.icalJs.map((e) => e.occurrences(20).map((ms) => new Date(ms - 8 * 3_600_000).toISOString().slice(0, 10)))).toEqual([
      ['2026-11-24', '2026-12-01', '2026-12-08'],
      ['2026-11-26', '2026-12-03'],
    ]);
    for (const event of patient.nodeIcal) {
      const starts = event.rrule?.all((_, i) => i < 20) ?? [];
      expect(starts.length).toBeGreaterThan(0);
      expect(starts.length).toBeLessThan(20);
      expect(Math.max(...starts.map((d) => d.getTime()))).toBeLessThan(end);
    }

    // On the whole week: the individual session (p1 only) ends; the group goes on for p2.
    const week = both(problem, schedule, { recurring: true });
    expect(week.icalJs.find((e) => e.description.includes('th-individual'))?.occurrences(20)).toHaveLength(2);
    expect(week.icalJs.find((e) => e.description.includes('tu-process'))?.occurrences(20)).toHaveLength(20);
  });

  it('writes a single event, not an empty series, when the discharge falls before the first session', () => {
    const problem = tinyProblem();
    problem.patients = problem.patients.map((p) => (p.id === 'p1' ? { ...p, dischargedOn: '2026-11-24' } : p));
    const late = meeting({ id: 'th-individual', service: 'individual', day: 'TH', start: '18:00', staff: ['clin-2'], patients: ['p1'] });
    const { icalJs, text } = both(problem, scheduleOf([late]), { recurring: true });
    expect(text).not.toContain('RRULE:FREQ=WEEKLY');
    expect(icalJs[0]?.occurrences(5)).toHaveLength(1);
  });

  it('stamps now by default, and refuses a stamp or revision it cannot write', () => {
    const before = Date.now();
    const stamp = parseIcs(toICalendar(tinyProblem(), scheduleOf([published]))).events[0]?.stampMs ?? 0;
    expect(stamp).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
    expect(stamp).toBeLessThanOrEqual(Date.now());
    expect(() => toICalendar(tinyProblem(), scheduleOf([]), { stamp: '2026-11-25' })).toThrow(/stamp/);
    expect(() => toICalendar(tinyProblem(), scheduleOf([{ ...published, revision: -1 }]))).toThrow(/revision/);
  });
});
