/**
 * availabilitySlots against a minute-by-minute model written from the documented policy, with
 * its own WEEKLY recurrence arithmetic (weeks counted from DTSTART's Monday, as RFC 5545 does
 * with WKST=MO): a slot is available when one window (weekly or occurrence) holds all of its
 * 5 minutes and no exception touches it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Availability, Weekday } from '../../src/model/problem.js';
import { availabilitySlots } from '../../src/time/availability.js';
import { addDays, dayNumber, formatLocalTime, SLOTS_PER_WEEK, WEEKDAYS } from '../../src/time/week.js';

const WEEK = '2026-11-23';
const WEEK_DAY = dayNumber(WEEK) ?? 0;

interface WeeklyRule {
  startDay: number; // day number of DTSTART
  startMinute: number;
  interval: number;
  days: number[]; // 0 = Monday
  count: number | undefined;
  untilDay: number | undefined; // occurrences on or before this day
  duration: number;
}

const compact = (date: string): string => date.replaceAll('-', '');
const dateOf = (day: number): string => addDays('1970-01-01', day);

function ruleText(rule: WeeklyRule): string {
  const time = formatLocalTime(rule.startMinute).replace(':', '');
  const parts = [`FREQ=WEEKLY`, `INTERVAL=${rule.interval}`, `BYDAY=${rule.days.map((d) => WEEKDAYS[d]).join(',')}`];
  if (rule.count !== undefined) parts.push(`COUNT=${rule.count}`);
  if (rule.untilDay !== undefined) parts.push(`UNTIL=${compact(dateOf(rule.untilDay))}T235959`);
  return `DTSTART:${compact(dateOf(rule.startDay))}T${time}00\nRRULE:${parts.join(';')}`;
}

/** Occurrence starts (minutes from the week's Monday 00:00) by plain day arithmetic. */
function modelOccurrences(rule: WeeklyRule): number[] {
  const firstMonday = rule.startDay - ((((rule.startDay + 3) % 7) + 7) % 7);
  const starts: number[] = [];
  let seen = 0;
  for (let day = rule.startDay; day < WEEK_DAY + 7; day++) {
    if (rule.untilDay !== undefined && day > rule.untilDay) break;
    const weekday = (((day + 3) % 7) + 7) % 7;
    const weekIndex = Math.floor((day - firstMonday) / 7);
    if (weekIndex % rule.interval !== 0 || !rule.days.includes(weekday)) continue;
    if (rule.count !== undefined && seen >= rule.count) break;
    seen++;
    starts.push((day - WEEK_DAY) * 1440 + rule.startMinute);
  }
  return starts;
}

const minute = fc.integer({ min: 0, max: 1440 });
const weekdaySet = fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 7 });

const weeklyWindow = fc.record({ days: weekdaySet, start: minute, end: minute });
const weeklyRule: fc.Arbitrary<WeeklyRule> = fc.record({
  startDay: fc.integer({ min: WEEK_DAY - 400, max: WEEK_DAY + 6 }),
  startMinute: fc.integer({ min: 0, max: 1439 }),
  interval: fc.integer({ min: 1, max: 4 }),
  days: weekdaySet.map((days) => [...days].sort((a, b) => a - b)),
  count: fc.option(fc.integer({ min: 1, max: 80 }), { nil: undefined }),
  untilDay: fc.option(fc.integer({ min: WEEK_DAY - 10, max: WEEK_DAY + 10 }), { nil: undefined }),
  duration: fc.integer({ min: 1, max: 1500 }),
});
const exception = fc.record({
  day: fc.integer({ min: -1, max: 7 }),
  start: fc.option(minute, { nil: undefined }),
  end: fc.option(minute, { nil: undefined }),
});

describe('availabilitySlots against a minute model', () => {
  it('agrees slot by slot for random weekly windows, WEEKLY rules and exceptions', () => {
    fc.assert(
      fc.property(
        fc.array(weeklyWindow, { maxLength: 3 }),
        fc.array(weeklyRule, { maxLength: 2 }),
        fc.array(exception, { maxLength: 3 }),
        (windows, rules, exceptions) => {
          const availability: Availability = {
            weekly: windows.map((w) => ({ days: w.days.map((d) => WEEKDAYS[d] as Weekday), start: formatLocalTime(w.start), end: formatLocalTime(w.end) })),
            rrule: rules.map((rule) => ({ rule: ruleText(rule), durationMinutes: rule.duration })),
            except: exceptions.map((e) => ({
              date: dateOf(WEEK_DAY + e.day),
              ...(e.start === undefined ? {} : { start: formatLocalTime(e.start) }),
              ...(e.end === undefined ? {} : { end: formatLocalTime(e.end) }),
            })),
          };
          const intervals: Array<[number, number]> = [];
          for (const w of windows) for (const d of w.days) intervals.push([d * 1440 + w.start, d * 1440 + w.end]);
          for (const rule of rules) for (const start of modelOccurrences(rule)) intervals.push([start, start + rule.duration]);
          const removed: Array<[number, number]> = exceptions
            .filter((e) => e.day >= 0 && e.day <= 6)
            .map((e) => [e.day * 1440 + (e.start ?? 0), e.day * 1440 + (e.end ?? 1440)]);

          const slots = availabilitySlots(availability, WEEK);
          for (let slot = 0; slot < SLOTS_PER_WEEK; slot++) {
            const [from, to] = [slot * 5, slot * 5 + 5];
            const held = intervals.some(([a, b]) => a <= from && to <= b);
            const touched = removed.some(([a, b]) => a < to && b > from);
            if (slots.has(slot) !== (held && !touched)) {
              expect.fail(`slot ${slot} (day ${Math.floor(slot / 288)} ${formatLocalTime((slot % 288) * 5)}): got ${slots.has(slot)}, model ${held && !touched}`);
            }
          }
        },
      ),
      { numRuns: 300, seed: 5545 },
    );
  });
});
