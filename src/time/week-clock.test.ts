import { describe, expect, it } from 'vitest';
import { realMinutes, weekClock } from './week-clock.js';
import { addDays, formatLocalTime, SLOTS_PER_DAY } from './week.js';
import { toOffsetIso, zonedInstant } from './zone.js';

const LA = 'America/Los_Angeles';
const slot = (day: number, minute: number): number => day * SLOTS_PER_DAY + minute / 5;

describe('weekClock', () => {
  it('marks the hour skipped when DST starts, and nothing else', () => {
    const clock = weekClock('2026-03-02', LA);
    expect(clock.hasSkipped).toBe(true);
    expect(clock.skipped.size()).toBe(12);
    expect(clock.skipped.has(slot(6, 120))).toBe(true);
    expect(clock.skipped.has(slot(6, 175))).toBe(true);
    expect(clock.skipped.has(slot(6, 115))).toBe(false);
    expect(clock.skipped.has(slot(6, 180))).toBe(false);
  });

  it('leaves a week without a change on the fast path', () => {
    const clock = weekClock('2026-11-23', LA);
    expect(clock.hasSkipped).toBe(false);
    expect(clock.instants.every((day) => day === undefined)).toBe(true);
    expect(realMinutes(clock, 6, 60, 120)).toBe(60);
  });

  it('counts the repeated hour when DST ends', () => {
    const clock = weekClock('2026-10-26', LA);
    expect(clock.hasSkipped).toBe(false);
    expect(realMinutes(clock, 6, 30, 150)).toBe(180);
    expect(realMinutes(clock, 6, 60, 120)).toBe(120);
    expect(realMinutes(clock, 6, 60, 90)).toBe(30);
    expect(realMinutes(clock, 6, 180, 240)).toBe(60);
    expect(realMinutes(clock, 5, 60, 120)).toBe(60);
  });

  // The same instants as zone.ts, minute for minute, wherever the clock changes: London, half an
  // hour on Lord Howe, at midnight in Santiago (a repeated 23:00 on Saturday, a skipped 00:00).
  const weeks: Array<[string, string]> = [
    ['2026-03-02', LA],
    ['2026-10-26', LA],
    ['2026-03-23', 'Europe/London'],
    ['2026-10-19', 'Europe/London'],
    ['2026-03-30', 'Australia/Lord_Howe'],
    ['2026-09-28', 'Australia/Lord_Howe'],
    ['2026-03-30', 'America/Santiago'],
    ['2026-08-31', 'America/Santiago'],
  ];
  it.each(weeks)('agrees with zonedInstant in the week of %s in %s', (weekStart, zone) => {
    const clock = weekClock(weekStart, zone);
    let changedDays = 0;
    for (let day = 0; day < 7; day++) {
      const date = addDays(weekStart, day);
      if (clock.instants[day] !== undefined) changedDays += 1;
      const at: number[] = [];
      for (let minute = 0; minute <= 1440; minute += 15) at.push(zonedInstant(date, formatLocalTime(minute), zone).getTime() / 60_000);
      const expected: string[] = [];
      const actual: string[] = [];
      for (let a = 0; a < at.length; a++) {
        for (let b = a + 1; b < at.length; b++) {
          expected.push(`${a * 15}-${b * 15}: ${at[b]! - at[a]!}`);
          actual.push(`${a * 15}-${b * 15}: ${realMinutes(clock, day, a * 15, b * 15)}`);
        }
      }
      expect(actual).toEqual(expected);
      const missing: number[] = [];
      const skipped: number[] = [];
      for (let minute = 0; minute < 1440; minute += 5) {
        const time = formatLocalTime(minute);
        if (toOffsetIso(date, time, zone).slice(11, 16) !== time) missing.push(minute);
        if (clock.skipped.has(slot(day, minute))) skipped.push(minute);
      }
      expect(skipped).toEqual(missing);
    }
    expect(changedDays).toBeGreaterThan(0);
  });
});
