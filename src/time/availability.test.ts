import { describe, expect, it } from 'vitest';
import type { Availability } from '../model/problem.js';
import { availabilitySlots } from './availability.js';
import type { SlotSet } from './slot-set.js';
import { SLOTS_PER_DAY, SLOTS_PER_WEEK } from './week.js';

const WEEK = '2026-11-23'; // Monday

/** The slots of `set` as `'day HH:mm'` runs, e.g. `['0 09:00-12:00']`. */
function runs(set: SlotSet): string[] {
  const out: string[] = [];
  const clock = (slot: number): string => {
    const minute = (slot % SLOTS_PER_DAY) * 5;
    return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
  };
  let slot = 0;
  while (slot < SLOTS_PER_WEEK) {
    if (!set.has(slot)) {
      slot++;
      continue;
    }
    const start = slot;
    const day = Math.floor(start / SLOTS_PER_DAY);
    while (slot < SLOTS_PER_WEEK && set.has(slot) && Math.floor(slot / SLOTS_PER_DAY) === day) slot++;
    out.push(`${day} ${clock(start)}-${slot % SLOTS_PER_DAY === 0 ? '24:00' : clock(slot)}`);
  }
  return out;
}

const slotsOf = (availability: Availability, week = WEEK): string[] => runs(availabilitySlots(availability, week));
const recurring = (rule: string, durationMinutes: number): Availability => ({ rrule: [{ rule, durationMinutes }] });

describe('availabilitySlots: weekly windows', () => {
  it('means always available when absent', () => {
    expect(availabilitySlots(undefined, WEEK).size()).toBe(SLOTS_PER_WEEK);
  });

  it('covers the listed days from start to end', () => {
    expect(slotsOf({ weekly: [{ days: ['MO', 'TH'], start: '09:00', end: '12:00' }] })).toEqual(['0 09:00-12:00', '3 09:00-12:00']);
  });

  it("runs a '24:00' end to the end of the day, Sunday included", () => {
    expect(slotsOf({ weekly: [{ days: ['SU'], start: '22:00', end: '24:00' }] })).toEqual(['6 22:00-24:00']);
    expect(slotsOf({ weekly: [{ days: ['SA'], start: '00:00', end: '24:00' }] })).toEqual(['5 00:00-24:00']);
  });

  it('covers only whole slots inside a window off the 5-minute grid', () => {
    expect(slotsOf({ weekly: [{ days: ['TU'], start: '09:03', end: '10:02' }] })).toEqual(['1 09:05-10:00']);
    expect(slotsOf({ weekly: [{ days: ['TU'], start: '09:01', end: '09:04' }] })).toEqual([]);
  });

  it('adds nothing for an empty, inverted or malformed window', () => {
    expect(slotsOf({ weekly: [{ days: ['MO'], start: '12:00', end: '09:00' }] })).toEqual([]);
    expect(slotsOf({ weekly: [{ days: ['MO'], start: '09:00', end: '09:00' }] })).toEqual([]);
    expect(slotsOf({ weekly: [{ days: ['MO'], start: '9:00', end: '12:00' }] })).toEqual([]);
  });

  it('keeps wall-clock windows whole in the weeks the clocks change', () => {
    const windows: Availability = { weekly: [{ days: ['SU'], start: '01:00', end: '04:00' }] };
    expect(slotsOf(windows, '2026-03-02')).toEqual(['6 01:00-04:00']);
    expect(slotsOf(windows, '2026-10-26')).toEqual(['6 01:00-04:00']);
  });
});

describe('availabilitySlots: exceptions', () => {
  const weekdays: Availability = { weekly: [{ days: ['MO', 'TU', 'WE', 'TH', 'FR'], start: '09:00', end: '17:00' }] };

  it('takes out whole days and parts of days inside the week only', () => {
    expect(
      slotsOf({
        ...weekdays,
        except: [{ date: '2026-11-26' }, { date: '2026-11-24', start: '12:00', end: '13:00' }, { date: '2026-11-30' }, { date: '2026-11-22' }],
      }),
    ).toEqual(['0 09:00-17:00', '1 09:00-12:00', '1 13:00-17:00', '2 09:00-17:00', '4 09:00-17:00']);
  });

  it('runs an exception with only a start to the end of the day, and one with only an end from midnight', () => {
    expect(slotsOf({ ...weekdays, except: [{ date: '2026-11-23', start: '15:00' }, { date: '2026-11-24', end: '10:00' }] }).slice(0, 2)).toEqual([
      '0 09:00-15:00',
      '1 10:00-17:00',
    ]);
  });

  it('removes every slot an exception touches', () => {
    expect(slotsOf({ ...weekdays, except: [{ date: '2026-11-23', start: '09:03', end: '09:07' }] })[0]).toBe('0 09:10-17:00');
  });

  it('removes the whole date when an exception time is malformed', () => {
    expect(slotsOf({ ...weekdays, except: [{ date: '2026-11-23', start: 'noon' }] })[0]).toBe('1 09:00-17:00');
  });

  it('does not change its input', () => {
    const input: Availability = { weekly: [{ days: ['MO'], start: '09:00', end: '12:00' }], except: [{ date: '2026-11-23', start: '10:00', end: '11:00' }] };
    const copy = structuredClone(input);
    availabilitySlots(input, WEEK);
    expect(input).toEqual(copy);
  });
});

describe('availabilitySlots: RRULE availability', () => {
  it('opens a window per occurrence on the BYDAY list', () => {
    expect(slotsOf(recurring('DTSTART:20261102T090000\nRRULE:FREQ=WEEKLY;BYDAY=MO,WE,FR', 120))).toEqual(['0 09:00-11:00', '2 09:00-11:00', '4 09:00-11:00']);
  });

  it('includes the part of a Sunday-night occurrence that runs into Monday, and cuts the one running past the week', () => {
    expect(slotsOf(recurring('DTSTART:20261101T220000\nRRULE:FREQ=WEEKLY;BYDAY=SU', 180))).toEqual(['0 00:00-01:00', '6 22:00-24:00']);
  });

  it('keeps INTERVAL=2 weeks in step with DTSTART', () => {
    const fortnightly = recurring('DTSTART:20261102T090000\nRRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=TU', 60);
    expect(slotsOf(fortnightly, '2026-11-16')).toEqual(['1 09:00-10:00']);
    expect(slotsOf(fortnightly, '2026-11-23')).toEqual([]);
    expect(slotsOf(fortnightly, '2026-11-30')).toEqual(['1 09:00-10:00']);
  });

  it('stops at UNTIL and after COUNT', () => {
    expect(slotsOf(recurring('DTSTART:20261101T090000\nRRULE:FREQ=DAILY;UNTIL=20261125T235959', 60))).toEqual(['0 09:00-10:00', '1 09:00-10:00', '2 09:00-10:00']);
    expect(slotsOf(recurring('DTSTART:20261121T090000\nRRULE:FREQ=DAILY;COUNT=5', 60))).toEqual(['0 09:00-10:00', '1 09:00-10:00', '2 09:00-10:00']);
  });

  it('skips EXDATE occurrences', () => {
    expect(slotsOf(recurring('DTSTART:20261102T090000\nRRULE:FREQ=WEEKLY;BYDAY=MO,WE\nEXDATE:20261125T090000', 60))).toEqual(['0 09:00-10:00']);
  });

  it('expands MONTHLY rules with BYSETPOS (the last weekday of the month)', () => {
    const lastWeekday = recurring('DTSTART:20260101T130000\nRRULE:FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1', 90);
    expect(slotsOf(lastWeekday, '2026-11-30')).toEqual(['0 13:00-14:30']);
    expect(slotsOf(lastWeekday, '2026-11-23')).toEqual([]);
  });

  it('covers only whole slots of an occurrence off the grid, and exceptions take slots out of it', () => {
    expect(slotsOf({ ...recurring('DTSTART:20261102T090300\nRRULE:FREQ=WEEKLY;BYDAY=MO', 60), except: [{ date: '2026-11-23', start: '09:31', end: '09:34' }] })).toEqual([
      '0 09:05-09:30',
      '0 09:35-10:00',
    ]);
  });

  it('adds the union of weekly windows and occurrences', () => {
    expect(
      slotsOf({ weekly: [{ days: ['MO'], start: '09:00', end: '10:00' }], rrule: [{ rule: 'DTSTART:20261102T093000\nRRULE:FREQ=WEEKLY;BYDAY=MO', durationMinutes: 60 }] }),
    ).toEqual(['0 09:00-10:30']);
  });

  it('expands a rule whose DTSTART is a century back, and one that can never match, without hanging', () => {
    expect(slotsOf(recurring('DTSTART:19000101T080000\nRRULE:FREQ=DAILY', 30))).toHaveLength(7);
    // 1900-01-01 and 2026-11-23 are both Mondays, 46,347 days = 6,621 weeks apart (a multiple of 3).
    const everyThirdMonday = recurring('DTSTART:19000101T080000\nRRULE:FREQ=WEEKLY;INTERVAL=3;BYDAY=MO', 30);
    expect(slotsOf(everyThirdMonday, '2026-11-23')).toEqual(['0 08:00-08:30']);
    expect(slotsOf(everyThirdMonday, '2026-11-30')).toEqual([]);
    expect(slotsOf(everyThirdMonday, '2026-12-14')).toEqual(['0 08:00-08:30']);
    expect(slotsOf(recurring('DTSTART:20200101T090000\nRRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30', 60))).toEqual([]);
    expect(slotsOf(recurring('DTSTART:20261101T090000\nRRULE:FREQ=DAILY;INTERVAL=7;BYDAY=TU', 60))).toEqual([]);
  });

  it('throws a RangeError naming the problem for a rule validation would reject', () => {
    expect(() => availabilitySlots(recurring('DTSTART:20261102T090000\nRRULE:FREQ=MINUTELY', 5), WEEK)).toThrow(/finer than DAILY/);
    expect(() => availabilitySlots(recurring('RRULE:FREQ=DAILY', 60), WEEK)).toThrow(/DTSTART/);
  });

  it('ignores occurrences of no duration', () => {
    expect(slotsOf(recurring('DTSTART:20261102T090000\nRRULE:FREQ=DAILY', 0))).toEqual([]);
  });
});
