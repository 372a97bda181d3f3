import { describe, expect, it } from 'vitest';
import { issuesAfter } from '../../test/input/support.js';

describe('weekly windows', () => {
  it('rejects a window that ends before or at its start', () => {
    expect(issuesAfter((p) => (p.tracks[0].windows.weekly[0].end = '17:00'))).toEqual(['tracks[0].windows.weekly[0].end empty-window']);
    expect(issuesAfter((p) => (p.tracks[0].windows.weekly[0].end = '18:00'))).toEqual(['tracks[0].windows.weekly[0].end empty-window']);
  });
  it("accepts a window to '24:00'", () => {
    expect(issuesAfter((p) => (p.tracks[0].windows.weekly[0].end = '24:00'))).toEqual([]);
  });
  it('reports missing window fields', () => {
    expect(issuesAfter((p) => (p.patients[3].availability = { weekly: [{ days: ['MO'] }] }))).toEqual([
      'patients[3].availability.weekly[0].start missing-field',
      'patients[3].availability.weekly[0].end missing-field',
    ]);
  });
  it('reports an unknown property of an availability (a typo)', () => {
    expect(issuesAfter((p) => (p.staff[0].availability = { weeklly: [] }))).toEqual(['staff[0].availability.weeklly unknown-property']);
  });
  it('reports more than 1,000 windows as too-large', () => {
    const windows = Array.from({ length: 1001 }, () => ({ days: ['MO'], start: '09:00', end: '10:00' }));
    expect(issuesAfter((p) => (p.rooms[0].availability = { weekly: windows }))).toEqual(['rooms[0].availability.weekly too-large']);
  });
});

describe('exceptions', () => {
  it('accepts a whole day and a part of a day', () => {
    expect(issuesAfter((p) => (p.staff[1].availability = { except: [{ date: '2026-11-26' }, { date: '2026-11-27', start: '09:00', end: '12:00' }, { date: '2026-11-24', start: '12:00' }] }))).toEqual([]);
  });
  it('rejects an invalid date, and an end at or before the start', () => {
    expect(
      issuesAfter((p) => (p.staff[1].availability = { except: [{ date: '2026-11-31' }, { date: '2026-11-27', start: '12:00', end: '09:00' }] })),
    ).toEqual(['staff[1].availability.except[0].date invalid-date', 'staff[1].availability.except[1].end empty-window']);
  });
  it('reports a missing date', () => {
    expect(issuesAfter((p) => (p.staff[1].availability = { except: [{ start: '09:00' }] }))).toEqual(['staff[1].availability.except[0].date missing-field']);
  });
});
