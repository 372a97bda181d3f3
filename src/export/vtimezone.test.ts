import fc from 'fast-check';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { vtimezone } from './vtimezone.js';
import { offsetMinutesAt } from './zone-transitions.js';

const HOUR = 3_600_000;

/** The zone as ical.js understands our component: nothing else tells it about the zone. */
function icalZone(text: string): ICAL.Timezone {
  const component = new ICAL.Component(ICAL.parse(`BEGIN:VCALENDAR\r\n${text}\r\nEND:VCALENDAR`)).getFirstSubcomponent('vtimezone');
  if (!component) throw new Error('no VTIMEZONE');
  return new ICAL.Timezone(component);
}

describe('vtimezone', () => {
  // Yearly-rule zones (US, EU, southern hemisphere, half-hour DST) and irregular ones (Morocco's
  // Ramadan changes, Paraguay's and Mexico's abolished DST).
  const zones = ['America/Los_Angeles', 'Europe/Berlin', 'Australia/Lord_Howe', 'America/Santiago', 'Africa/Casablanca', 'America/Asuncion', 'America/Mexico_City', 'Asia/Kolkata'];

  it('agrees with the runtime zone data at any instant from the year before the week to eight years on', () => {
    for (const zone of zones) {
      const tz = icalZone(vtimezone(zone, '2026-11-23', '2026-11-29'));
      const from = Date.UTC(2025, 0, 1);
      const to = Date.UTC(2034, 0, 1);
      fc.assert(
        fc.property(fc.integer({ min: from / 60_000, max: to / 60_000 }), (minute) => {
          const ms = minute * 60_000;
          const offset = offsetMinutesAt(zone, ms);
          // A wall-clock time near a change may be skipped or repeated: compare away from changes.
          fc.pre(offsetMinutesAt(zone, ms - 3 * HOUR) === offset && offsetMinutesAt(zone, ms + 3 * HOUR) === offset);
          const wall = new Date(ms + offset * 60_000);
          const time = ICAL.Time.fromData(
            { year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1, day: wall.getUTCDate(), hour: wall.getUTCHours(), minute: wall.getUTCMinutes(), second: 0, isDate: false },
            tz,
          );
          expect(`${zone} ${time.toUnixTime() * 1000}`).toBe(`${zone} ${ms}`);
        }),
        { numRuns: 150, seed: 42 },
      );
    }
  });

  it('states a yearly rule when the zone follows one, so an endless series stays right', () => {
    const text = vtimezone('America/Los_Angeles', '2026-03-02', '2026-03-08');
    expect(text).toContain('RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU');
    expect(text).toContain('RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU');
    expect(text).toMatch(/BEGIN:DAYLIGHT\r\nDTSTART:20240310T020000\r\nTZOFFSETFROM:-0800\r\nTZOFFSETTO:-0700/);
    expect(vtimezone('Europe/Berlin', '2026-11-23', '2026-11-29')).toContain('RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU');
  });

  it('gives a zone without DST one observance with its fixed offset', () => {
    const text = vtimezone('Asia/Kolkata', '2026-11-23', '2026-11-29');
    expect(text.match(/BEGIN:(STANDARD|DAYLIGHT)/g)).toEqual(['BEGIN:STANDARD']);
    expect(text).toContain('TZOFFSETTO:+0530');
  });
});
