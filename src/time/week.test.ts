import { describe, expect, it } from 'vitest';
import { addDays, closedDays, dayInWeek, dayNumber, enrolledDays, parseLocalTime, weekDates, weekdayOf } from './week.js';

describe('week', () => {
  it('lists the seven dates of a week across a month end', () => {
    expect(weekDates('2026-11-30')).toEqual(['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05', '2026-12-06']);
  });
  it('names weekdays without the host zone', () => {
    expect(weekdayOf('2026-11-23')).toBe('MO');
    expect(weekdayOf('2026-03-08')).toBe('SU');
    expect(addDays('2026-03-07', 1)).toBe('2026-03-08');
  });
  it('rejects dates and times that do not exist', () => {
    expect(dayNumber('2026-02-29')).toBeUndefined();
    expect(dayNumber('2026-13-01')).toBeUndefined();
    expect(parseLocalTime('24:00')).toBe(1440);
    expect(parseLocalTime('24:30')).toBeUndefined();
    expect(parseLocalTime('9:00')).toBeUndefined();
  });
  it('places dates in the week and nowhere else', () => {
    expect(dayInWeek('2026-11-23', '2026-11-23')).toBe(0);
    expect(dayInWeek('2026-11-29', '2026-11-23')).toBe(6);
    expect(dayInWeek('2026-11-30', '2026-11-23')).toBeUndefined();
    expect(dayInWeek('2026-11-22', '2026-11-23')).toBeUndefined();
    expect(dayInWeek('2026-11-31', '2026-11-23')).toBeUndefined();
  });
  it('marks closed dates inside the week only', () => {
    expect(closedDays('2026-11-23', ['2026-11-26', '2026-11-27', '2026-12-25', '2026-11-22'])).toEqual([false, false, false, true, true, false, false]);
    expect(closedDays('2026-11-23')).toEqual([false, false, false, false, false, false, false]);
  });
  it('gives the enrolled days from admission (inclusive) to discharge (exclusive)', () => {
    expect(enrolledDays('2026-11-23')).toEqual({ firstDay: 0, endDay: 7 });
    expect(enrolledDays('2026-11-23', '2026-11-25', '2026-11-27')).toEqual({ firstDay: 2, endDay: 4 });
    expect(enrolledDays('2026-11-23', '2026-10-01', '2027-01-01')).toEqual({ firstDay: 0, endDay: 7 });
    // Admitted after the week, discharged before it, discharged on the admission day: no day.
    expect(enrolledDays('2026-11-23', '2026-12-01')).toEqual({ firstDay: 7, endDay: 7 });
    expect(enrolledDays('2026-11-23', undefined, '2026-11-23')).toEqual({ firstDay: 0, endDay: 0 });
    expect(enrolledDays('2026-11-23', undefined, '2026-11-01')).toEqual({ firstDay: 0, endDay: 0 });
    // Across the DST week and a month end nothing shifts: dates are plain dates.
    expect(enrolledDays('2026-03-02', '2026-03-08')).toEqual({ firstDay: 6, endDay: 7 });
  });
});
