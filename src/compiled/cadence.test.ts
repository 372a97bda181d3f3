import { describe, expect, it } from 'vitest';
import { deriveCadence, lastAttended } from './cadence.js';
import { weekDates } from '../time/week.js';

const dates = weekDates('2026-11-23'); // Monday 23 .. Sunday 29
const open = [false, false, false, false, false, false, false];
const cadence = { minDays: 14, maxDays: 28 };

describe('deriveCadence', () => {
  it('is due, by last + maxDays, when that falls in the week', () => {
    expect(deriveCadence(cadence, '2026-10-27', dates, open)).toMatchObject({ status: 'due', dueBy: '2026-11-24', min: 1, max: 1, firstDay: 0, lastDay: 1 });
  });
  it('is overdue (any day) when last + maxDays is before the week, and new (any day) without history', () => {
    expect(deriveCadence(cadence, '2026-10-01', dates, open)).toMatchObject({ status: 'overdue', dueBy: '2026-10-29', min: 1, firstDay: 0, lastDay: 6 });
    expect(deriveCadence(cadence, undefined, dates, open)).toMatchObject({ status: 'new', min: 1, max: 1, firstDay: 0, lastDay: 6 });
  });
  it('is optional from last + minDays when the due date is after the week', () => {
    expect(deriveCadence(cadence, '2026-11-10', dates, open)).toMatchObject({ status: 'optional', earliest: '2026-11-24', min: 0, max: 1, firstDay: 1, lastDay: 6 });
  });
  it('is not allowed while last + minDays is after the week', () => {
    expect(deriveCadence(cadence, '2026-11-17', dates, open)).toMatchObject({ status: 'not-allowed', earliest: '2026-12-01', min: 0, max: 0 });
  });
  it("takes the week's last open day: a due date on a closed weekend is next week's", () => {
    const weekendClosed = [false, false, false, false, false, true, true];
    expect(deriveCadence(cadence, '2026-10-31', dates, weekendClosed)).toMatchObject({ status: 'optional', dueBy: '2026-11-28' });
    expect(deriveCadence(cadence, '2026-10-31', dates, open)).toMatchObject({ status: 'due', dueBy: '2026-11-28', lastDay: 5 });
  });
});

describe('lastAttended', () => {
  it('reads the latest attended session of the service, in any order, skipping no-shows and cancellations', () => {
    const history = [
      { service: 'np', date: '2026-11-03' },
      { service: 'np', date: '2026-11-17', status: 'no-show' as const },
      { service: 'np', date: '2026-11-10', status: 'cancelled' as const },
      { service: 'np', date: '2026-10-20', status: 'attended' as const },
      { service: 'other', date: '2026-11-20' },
    ];
    expect(lastAttended(history, 'np')).toBe('2026-11-03');
    expect(lastAttended(history, 'none')).toBeUndefined();
    expect(lastAttended(undefined, 'np')).toBeUndefined();
  });
});
