import { describe, expect, it } from 'vitest';
import { issuesAfter } from '../../test/input/support.js';
import { Context } from './context.js';
import { readClockTime, readDuration } from './clock.js';

describe('clock times', () => {
  it("accepts 'HH:mm' from 00:00, and '24:00' only as an end", () => {
    expect(readClockTime('00:00', 's', new Context(), 'start', false)?.minutes).toBe(0);
    expect(readClockTime('24:00', 'e', new Context(), 'end', true)?.minutes).toBe(1440);
    const context = new Context();
    readClockTime('24:00', 's', context, 'start', false);
    expect(context.issues.map((issue) => issue.code)).toEqual(['invalid-time']);
  });

  it.each(['25:00', '9:00', '09:60', '24:01', 'noon', '09:00:00'])('rejects %s at the field path', (time) => {
    expect(issuesAfter((p) => (p.tracks[0].windows.weekly[0].start = time))).toEqual(['tracks[0].windows.weekly[0].start invalid-time']);
  });

  it('rejects a non-string time', () => {
    expect(issuesAfter((p) => (p.tracks[0].windows.weekly[0].end = 1800))).toEqual(['tracks[0].windows.weekly[0].end invalid-type']);
  });
});

describe('weekdays', () => {
  it('rejects a weekday that is not an RFC 5545 name', () => {
    expect(issuesAfter((p) => (p.tracks[0].windows.weekly[0].days = ['TU', 'Wed']))).toEqual(['tracks[0].windows.weekly[0].days[1] invalid-weekday']);
  });
  it('rejects an empty list of days', () => {
    expect(issuesAfter((p) => (p.tracks[0].windows.weekly[0].days = []))).toEqual(['tracks[0].windows.weekly[0].days empty']);
  });
});

describe('dates, weekStart and timeZone', () => {
  it('rejects a weekStart that is not a date', () => {
    expect(issuesAfter((p) => (p.weekStart = '2026-02-30'))).toEqual(['weekStart invalid-date']);
    expect(issuesAfter((p) => (p.weekStart = '23/11/2026'))).toEqual(['weekStart invalid-date']);
  });
  it('rejects a weekStart that is not a Monday', () => {
    expect(issuesAfter((p) => (p.weekStart = '2026-11-22'))).toEqual(['weekStart not-monday']);
  });
  it('rejects a weekStart whose week runs past 9999-12-31', () => {
    // Found by bench/sweep.ts: a week of 9999-12-27 was accepted and then crashed toFhir and
    // nextWeek with a RangeError (its days after Friday are no 'YYYY-MM-DD' dates).
    expect(issuesAfter((p) => (p.weekStart = '9999-12-27'))).toEqual(['weekStart out-of-range']);
    expect(issuesAfter((p) => (p.weekStart = '9999-12-20'))).toEqual([]);
  });
  it('rejects an unknown IANA zone, and a missing one', () => {
    expect(issuesAfter((p) => (p.timeZone = 'America/Springfield'))).toEqual(['timeZone invalid-time-zone']);
    expect(issuesAfter((p) => delete p.timeZone)).toEqual(['timeZone missing-field']);
  });
  it('rejects a closed date that is not a date', () => {
    expect(issuesAfter((p) => (p.closedDates = ['2026-11-26', '2026-13-01', 7]))).toEqual(['closedDates[1] invalid-date', 'closedDates[2] invalid-type']);
  });
});

describe('durations', () => {
  it.each([0, -5, 62, 1445, 2.5, Number.NaN])('rejects %s minutes', (minutes) => {
    const context = new Context();
    expect(readDuration(minutes, 'd', context, 'durationMinutes')).toBeUndefined();
    expect(context.issues.map((issue) => issue.code)).toEqual(['invalid-duration']);
  });
  it('accepts 5 to 1440 in steps of 5', () => {
    expect(readDuration(5, 'd', new Context(), 'd')).toBe(5);
    expect(readDuration(1440, 'd', new Context(), 'd')).toBe(1440);
  });
  it('names the service field', () => {
    expect(issuesAfter((p) => (p.services[1].durationMinutes = 50.5))).toEqual(['services[1].durationMinutes invalid-duration']);
  });
});
