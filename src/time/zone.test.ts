import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { formatInstant, isValidTimeZone, meetingInstants, toOffsetIso, zonedInstant, zoneOffsetMs } from './zone.js';
import { weekDates } from './week.js';

const LA = 'America/Los_Angeles';

/** Temporal's reading of the same wall clock ('compatible' is this module's policy). */
function temporalIso(date: string, time: string, timeZone: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  return Temporal.ZonedDateTime.from({ timeZone, year, month, day, hour, minute }, { disambiguation: 'compatible' }).toString({ timeZoneName: 'never' });
}

describe('zone conversion', () => {
  it('keeps an 18:00 group at 18:00 wall clock through the week DST starts in Los Angeles', () => {
    const week = weekDates('2026-03-02');
    const isos = week.map((date) => toOffsetIso(date, '18:00', LA));
    expect(isos).toEqual([
      '2026-03-02T18:00:00-08:00',
      '2026-03-03T18:00:00-08:00',
      '2026-03-04T18:00:00-08:00',
      '2026-03-05T18:00:00-08:00',
      '2026-03-06T18:00:00-08:00',
      '2026-03-07T18:00:00-08:00',
      '2026-03-08T18:00:00-07:00',
    ]);
    expect(toOffsetIso('2026-03-09', '18:00', LA)).toBe('2026-03-09T18:00:00-07:00');
    // 23 hours apart, not 24: the wall clock is what the clinic keeps.
    expect(zonedInstant('2026-03-08', '18:00', LA).getTime() - zonedInstant('2026-03-07', '18:00', LA).getTime()).toBe(23 * 3_600_000);
  });

  it('keeps an 18:00 group at 18:00 wall clock through the week DST ends in Los Angeles', () => {
    expect(toOffsetIso('2026-10-31', '18:00', LA)).toBe('2026-10-31T18:00:00-07:00');
    expect(toOffsetIso('2026-11-01', '18:00', LA)).toBe('2026-11-01T18:00:00-08:00');
    expect(toOffsetIso('2026-11-02', '18:00', LA)).toBe('2026-11-02T18:00:00-08:00');
    expect(zonedInstant('2026-11-01', '18:00', LA).getTime() - zonedInstant('2026-10-31', '18:00', LA).getTime()).toBe(25 * 3_600_000);
  });

  it('moves a time in the spring gap forward by the gap', () => {
    expect(toOffsetIso('2026-03-08', '02:30', LA)).toBe('2026-03-08T03:30:00-07:00');
    expect(toOffsetIso('2026-03-08', '02:00', LA)).toBe('2026-03-08T03:00:00-07:00');
    expect(toOffsetIso('2026-03-08', '01:55', LA)).toBe('2026-03-08T01:55:00-08:00');
    expect(toOffsetIso('2026-03-08', '03:00', LA)).toBe('2026-03-08T03:00:00-07:00');
    expect(zonedInstant('2026-03-08', '02:30', LA).toISOString()).toBe('2026-03-08T10:30:00.000Z');
  });

  it('takes the earlier instant of a repeated autumn time', () => {
    expect(toOffsetIso('2026-11-01', '01:30', LA)).toBe('2026-11-01T01:30:00-07:00');
    expect(toOffsetIso('2026-11-01', '01:00', LA)).toBe('2026-11-01T01:00:00-07:00');
    expect(toOffsetIso('2026-11-01', '01:55', LA)).toBe('2026-11-01T01:55:00-07:00');
    expect(toOffsetIso('2026-11-01', '02:00', LA)).toBe('2026-11-01T02:00:00-08:00');
    expect(zonedInstant('2026-11-01', '01:30', LA).toISOString()).toBe('2026-11-01T08:30:00.000Z');
  });

  it('handles zones whose DST starts at midnight (Santiago, Havana)', () => {
    // Chile: Saturday 24:00 becomes Sunday 01:00 on 2026-09-06; midnight does not exist.
    expect(toOffsetIso('2026-09-05', '23:30', 'America/Santiago')).toBe('2026-09-05T23:30:00-04:00');
    expect(toOffsetIso('2026-09-06', '00:00', 'America/Santiago')).toBe('2026-09-06T01:00:00-03:00');
    expect(toOffsetIso('2026-09-06', '00:30', 'America/Santiago')).toBe('2026-09-06T01:30:00-03:00');
    expect(toOffsetIso('2026-09-05', '24:00', 'America/Santiago')).toBe('2026-09-06T01:00:00-03:00');
    // Chile: Sunday 2026-04-05 00:00 goes back to Saturday 23:00; 23:30 Saturday happens twice.
    expect(toOffsetIso('2026-04-04', '23:30', 'America/Santiago')).toBe('2026-04-04T23:30:00-03:00');
    expect(toOffsetIso('2026-03-08', '00:00', 'America/Havana')).toBe('2026-03-08T01:00:00-04:00');
    expect(toOffsetIso('2026-11-01', '00:30', 'America/Havana')).toBe('2026-11-01T00:30:00-04:00');
    for (const [date, time, zone] of [
      ['2026-09-06', '00:00', 'America/Santiago'],
      ['2026-09-06', '00:30', 'America/Santiago'],
      ['2026-04-04', '23:30', 'America/Santiago'],
      ['2026-03-08', '00:00', 'America/Havana'],
      ['2026-11-01', '00:30', 'America/Havana'],
    ] as const) {
      expect(toOffsetIso(date, time, zone)).toBe(temporalIso(date, time, zone));
    }
  });

  it('handles a 30-minute DST shift (Lord Howe)', () => {
    expect(toOffsetIso('2026-10-04', '02:15', 'Australia/Lord_Howe')).toBe('2026-10-04T02:45:00+11:00');
    expect(toOffsetIso('2026-04-05', '01:45', 'Australia/Lord_Howe')).toBe('2026-04-05T01:45:00+11:00');
  });

  it("reads '24:00' as midnight at the end of the date", () => {
    expect(toOffsetIso('2026-11-23', '24:00', LA)).toBe('2026-11-24T00:00:00-08:00');
    expect(toOffsetIso('2026-12-31', '24:00', 'UTC')).toBe('2027-01-01T00:00:00+00:00');
    expect(zonedInstant('2026-11-23', '24:00', LA).getTime()).toBe(zonedInstant('2026-11-24', '00:00', LA).getTime());
  });

  it('gives a meeting its startsAt and endsAt', () => {
    expect(meetingInstants('2026-11-23', '18:00', '19:30', LA)).toEqual({ startsAt: '2026-11-23T18:00:00-08:00', endsAt: '2026-11-23T19:30:00-08:00' });
    expect(meetingInstants('2026-11-01', '00:30', '02:30', LA)).toEqual({ startsAt: '2026-11-01T00:30:00-07:00', endsAt: '2026-11-01T02:30:00-08:00' });
    expect(meetingInstants('2026-11-23', '22:00', '24:00', 'Asia/Kolkata')).toEqual({ startsAt: '2026-11-23T22:00:00+05:30', endsAt: '2026-11-24T00:00:00+05:30' });
  });

  it('reports offsets and formats instants without the host zone', () => {
    expect(zoneOffsetMs(Date.UTC(2026, 10, 23, 12), LA)).toBe(-8 * 3_600_000);
    expect(zoneOffsetMs(Date.UTC(2026, 6, 1, 12), 'Pacific/Chatham')).toBe(12.75 * 3_600_000);
    expect(formatInstant(Date.UTC(2026, 10, 24, 2), LA)).toBe('2026-11-23T18:00:00-08:00');
    expect(formatInstant(Date.UTC(2026, 10, 24, 2), 'UTC')).toBe('2026-11-24T02:00:00+00:00');
  });

  it('prints an instant of local mean time (an offset with seconds) in UTC, a form RFC 3339 and Date.parse read', () => {
    // Found beside bench/sweep.ts: a week of 1850 in Los Angeles printed '-07:52:58', which
    // Date.parse, toFhir and replan's check of a published week all refuse.
    const at = zonedInstant('1850-01-07', '08:00', LA).getTime();
    const text = toOffsetIso('1850-01-07', '08:00', LA);
    expect(text).toBe('1850-01-07T15:52:58Z');
    expect(Date.parse(text)).toBe(at);
  });

  it('rejects unknown zones and malformed wall clocks', () => {
    expect(isValidTimeZone(LA)).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
    expect(() => toOffsetIso('2026-11-23', '18:00', 'Mars/Olympus_Mons')).toThrow(RangeError);
    expect(() => toOffsetIso('2026-02-30', '18:00', LA)).toThrow(RangeError);
    expect(() => toOffsetIso('2026-11-23', '24:30', LA)).toThrow(RangeError);
  });
});
