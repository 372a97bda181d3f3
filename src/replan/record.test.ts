import { describe, expect, it } from 'vitest';
import type { Change } from '../model/options.js';
import { meeting, scheduleOf } from '../../test/support/tiny.js';
import { clipToRecord, recordCutoff } from './record.js';

const TZ = 'America/Los_Angeles';
const week = scheduleOf([
  meeting({ id: 'tu', service: 'process', day: 'TU', start: '18:00', room: 'room-a', mode: 'in-person', staff: ['clin-1'], patients: ['p1', 'p2'] }),
  meeting({ id: 'we', service: 'process', day: 'WE', start: '18:00', room: 'room-a', mode: 'in-person', staff: ['clin-1'], patients: ['p1', 'p2'] }, 90),
]);
const at = (iso: string): number => Date.parse(iso);

describe('recordCutoff', () => {
  it('is asOf, or the end of the latest missed meeting when later', () => {
    expect(recordCutoff(week, [], undefined)).toBe(-Infinity);
    expect(recordCutoff(week, [], '2026-11-24T12:00:00-08:00')).toBe(at('2026-11-24T12:00:00-08:00'));
    const missed: Change[] = [{ kind: 'missed', patient: 'p1', meeting: 'we' }, { kind: 'missed', patient: 'p1', meeting: 'tu' }];
    expect(recordCutoff(week, missed, '2026-11-24T12:00:00-08:00')).toBe(at('2026-11-25T19:30:00-08:00'));
    expect(recordCutoff(week, missed, '2026-11-27T00:00:00-08:00')).toBe(at('2026-11-27T00:00:00-08:00'));
  });

  it('reads a broken published week without throwing (reading it properly reports it)', () => {
    expect(recordCutoff({ ...week, meetings: 'none' as never }, [{ kind: 'missed', patient: 'p1', meeting: 'tu' }], undefined)).toBe(-Infinity);
  });
});

describe('clipToRecord', () => {
  const out: Extract<Change, { kind: 'staff-out' }> = { kind: 'staff-out', staff: 'clin-1', date: '2026-11-25' };

  it('leaves a change alone with no cutoff, or on a day after it', () => {
    expect(clipToRecord(out, week, TZ, -Infinity)).toBe(out);
    expect(clipToRecord(out, week, TZ, at('2026-11-24T20:00:00-08:00'))).toBe(out);
  });

  it('starts at the cutoff, on the 5-minute grid, and after a meeting of that member already started', () => {
    expect(clipToRecord(out, week, TZ, at('2026-11-25T09:02:10-08:00'))).toEqual({ ...out, start: '09:05' });
    expect(clipToRecord(out, week, TZ, at('2026-11-25T18:10:00-08:00'))).toEqual({ ...out, start: '19:30' });
    const room: Change = { kind: 'room-closed', room: 'room-a', date: '2026-11-25', start: '18:30', end: '21:00' };
    expect(clipToRecord(room, week, TZ, at('2026-11-25T18:10:00-08:00'))).toEqual({ ...room, start: '19:30' });
  });

  it('is nothing when the whole window is past, or ends before the held meeting does', () => {
    expect(clipToRecord(out, week, TZ, at('2026-11-26T00:00:00-08:00'))).toBeUndefined();
    expect(clipToRecord({ ...out, start: '18:00', end: '19:00' }, week, TZ, at('2026-11-25T18:05:00-08:00'))).toBeUndefined();
  });
});
