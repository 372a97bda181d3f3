import { describe, expect, it } from 'vitest';
import { addDays, dayNumber, parseLocalTime, weekDates, weekdayOf } from './week.js';

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
});
