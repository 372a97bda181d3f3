/**
 * zone.ts against an independent implementation: Temporal (temporal-polyfill) with
 * `disambiguation: 'compatible'`, which is exactly zone.ts's documented policy (gap times move
 * forward by the gap, repeated times take the earlier instant), on random zones, dates biased
 * toward the days the clocks change, and times biased toward the hour they change.
 */
import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { formatLocalTime } from '../../src/time/week.js';
import { toOffsetIso, zonedInstant } from '../../src/time/zone.js';

const ZONES = [
  'America/Los_Angeles',
  'America/New_York',
  'Europe/London',
  'Europe/Berlin',
  'Australia/Lord_Howe', // 30-minute DST
  'Asia/Kolkata',
  'Pacific/Chatham', // +12:45 / +13:45
  'America/Santiago', // changes at midnight
  'America/Havana', // changes at midnight
  'Asia/Tokyo',
  'UTC',
] as const;

interface Transition {
  date: string;
  minute: number;
}

/** Wall-clock dates and minutes (both sides) of every transition 2020-2035, found by Temporal. */
function transitionsOf(timeZone: string): Transition[] {
  const found: Transition[] = [];
  let cursor: Temporal.ZonedDateTime | null = Temporal.ZonedDateTime.from({ timeZone, year: 2020, month: 1, day: 1 });
  while (cursor !== null) {
    cursor = cursor.getTimeZoneTransition('next');
    if (cursor === null || cursor.year > 2035) break;
    for (const side of [cursor.subtract({ nanoseconds: 1 }), cursor]) {
      found.push({ date: side.toPlainDate().toString(), minute: side.hour * 60 + side.minute });
    }
  }
  return found;
}

const TRANSITIONS = new Map(ZONES.map((zone) => [zone, transitionsOf(zone)]));

const anyDate = fc.date({ min: new Date(Date.UTC(2020, 0, 1)), max: new Date(Date.UTC(2035, 11, 31)), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const anyMinute = fc.oneof(fc.integer({ min: 0, max: 1440 }), fc.constant(1440));

const wallClock = fc.constantFrom(...ZONES).chain((zone) => {
  const transitions = TRANSITIONS.get(zone) ?? [];
  const random = fc.record({ zone: fc.constant(zone), date: anyDate, minute: anyMinute });
  if (transitions.length === 0) return random;
  const nearTransition = fc
    .record({ at: fc.constantFrom(...transitions), shift: fc.integer({ min: -150, max: 150 }), minute: anyMinute, exact: fc.boolean() })
    .map(({ at, shift, minute, exact }) => ({ zone, date: at.date, minute: exact ? Math.min(1440, Math.max(0, at.minute + shift)) : minute }));
  return fc.oneof({ arbitrary: random, weight: 1 }, { arbitrary: nearTransition, weight: 3 });
});

function oracle(zone: string, date: string, minute: number): Temporal.ZonedDateTime {
  // '24:00' is midnight at the end of the date.
  const start = Temporal.PlainDate.from(date).add({ days: Math.floor(minute / 1440) });
  const rest = minute % 1440;
  return start.toPlainDateTime({ hour: Math.floor(rest / 60), minute: rest % 60 }).toZonedDateTime(zone, { disambiguation: 'compatible' });
}

describe('zone conversion against Temporal', () => {
  it('finds transitions to test in the zones that have them', () => {
    expect(TRANSITIONS.get('America/Los_Angeles')).toContainEqual({ date: '2026-03-08', minute: 3 * 60 });
    expect(TRANSITIONS.get('America/Santiago')).toContainEqual({ date: '2026-09-06', minute: 60 });
    expect(TRANSITIONS.get('Asia/Tokyo')).toEqual([]);
  });

  it('gives the same instant and offset as Temporal (compatible) for any wall clock', () => {
    fc.assert(
      fc.property(wallClock, ({ zone, date, minute }) => {
        const time = formatLocalTime(minute);
        const expected = oracle(zone, date, minute);
        expect(zonedInstant(date, time, zone).getTime()).toBe(expected.epochMilliseconds);
        expect(toOffsetIso(date, time, zone)).toBe(expected.toString({ timeZoneName: 'never' }));
      }),
      { numRuns: 1500, seed: 20261123 },
    );
  });
});
