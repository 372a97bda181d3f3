import { describe, expect, it } from 'vitest';
import { compileProblem } from '../compiled/compile.js';
import { eveningOverRoomCapacity, freeOnlyTwoEvenings } from '../../test/diagnose/scenarios.js';
import { servedBound } from './bound.js';
import { diagnose } from './diagnose.js';
import type { Problem } from '../model/problem.js';
import { solve } from '../pipeline/solve.js';

describe('servedBound', () => {
  it('counts the patients whose weekly minutes fit the seats of the only evening room', () => {
    // Six patients need 540 minutes each, only on the three evenings (540 minutes of window);
    // room-a seats 4 for those 540 minutes (room-b is closed evenings): 2160 seat-minutes, 4 patients.
    const bound = servedBound(compileProblem(eveningOverRoomCapacity()));
    expect(bound).toMatchObject({ patients: 4, total: 6, unservable: 0 });
    expect(bound.binding).toMatchObject({ resource: 'rooms', supplyMinutes: 2160, demandMinutes: 3240, patientsNeeding: 6, patientsFitting: 4 });
  });

  it('counts the patients whose groups fit the hours the clinicians may work', () => {
    const problem = eveningOverRoomCapacity();
    problem.rooms = [{ id: 'room-a', capacity: 12, features: ['group'] }];
    // Three staff-hours a week; a group of at most 12 needs 45 staff-minutes per patient's 540 minutes.
    problem.staff = [
      { id: 'clin-1', credentials: ['LCSW'], maxWeeklyHours: 2 },
      { id: 'clin-2', credentials: ['LMFT'], maxWeeklyHours: 1 },
    ];
    const bound = servedBound(compileProblem(problem));
    expect(bound.patients).toBe(4);
    expect(bound.binding).toMatchObject({ resource: 'staff', members: 2, supplyMinutes: 180, demandMinutes: 270 });
  });

  it('leaves out patients who cannot be served on their own and those proven impossible', () => {
    // p-x is free two evenings, 360 minutes of the 540 needed; room-a seats 12, enough for the rest.
    const compiled = compileProblem(freeOnlyTwoEvenings());
    expect(servedBound(compiled)).toEqual({ patients: 3, total: 4, unservable: 1, free: 0 });
    expect(servedBound(compiled, new Set([0])).patients).toBe(2);
  });
});

/**
 * Four evening patients free Tuesday and Thursday 16:30-19:00, each needing one 60-minute session;
 * the day clinician leaves at 17:00, the evening one comes at 17:00 and works one hour a week.
 * The 16:30-17:00 half hours add up to 60 minutes, yet no session has more than 30 of them.
 */
function sessionsAcrossFive(): Problem {
  const days: Array<'TU' | 'TH'> = ['TU', 'TH'];
  return {
    timeZone: 'America/Los_Angeles',
    weekStart: '2026-11-23',
    tracks: [{ id: 'evening', windows: { weekly: [{ days, start: '17:00', end: '19:00' }] } }],
    services: [{ id: 'therapy', kind: 'individual', durationMinutes: 60, staff: [{ credentials: ['LCSW'] }], room: { features: ['office'] } }],
    staff: [
      { id: 'day', credentials: ['LCSW'], availability: { weekly: [{ days, start: '08:00', end: '17:00' }] } },
      { id: 'evening', credentials: ['LCSW'], maxWeeklyHours: 1, availability: { weekly: [{ days, start: '17:00', end: '21:00' }] } },
    ],
    rooms: [{ id: 'office', capacity: 2, features: ['office'] }],
    patients: Array.from({ length: 4 }, (_, i) => ({
      id: `p${i + 1}`,
      tracks: ['evening'],
      availability: { weekly: [{ days, start: '16:30', end: '19:00' }] },
      requires: [{ service: 'therapy', min: 1, max: 1 }],
      rules: { minWeeklyHours: 1, minDays: 1 },
    })),
  };
}

describe('servedBound with whole sessions', () => {
  it('counts at least half of each session after 17:00: two of four fit the evening hour', () => {
    const bound = servedBound(compileProblem(sessionsAcrossFive()));
    expect(bound.patients).toBe(2);
    expect(bound.binding).toMatchObject({ resource: 'staff', period: 'window of evening', supplyMinutes: 60, demandMinutes: 120 });
  });

  it('stays above what a timetable serves: one session, with the evening clinician', () => {
    const { report } = solve(sessionsAcrossFive(), { seed: 1, maxIterations: 2000, timeLimitMs: 60_000 });
    expect(report.patients.filter((row) => row.met)).toHaveLength(1);
  });
});

describe('diagnose', () => {
  it('gives the bound with its findings', () => {
    expect(diagnose(eveningOverRoomCapacity()).bound?.patients).toBe(4);
  });
});

/**
 * Two tracks of twelve on Tuesday, 17:00-19:00 and 18:00-20:00, whose two groups fill each
 * window; one clinician from 17:00 to 20:00. From 18:00 to 19:00 both tracks need a group and
 * only one can be led: twelve patients at most. Over either window or their union the
 * clinician's minutes seemed to cover a track and a half (eighteen).
 */
function overlappingEvenings(): Problem {
  const track = (id: string, start: string, end: string): Problem['tracks'][number] => ({
    id,
    windows: { weekly: [{ days: ['TU'], start, end }] },
    curriculum: [{ service: 'process', min: 2, max: 2 }],
    rules: { minWeeklyHours: 2, maxWeeklyHours: 2, minDays: 1 },
  });
  return {
    timeZone: 'America/Los_Angeles',
    weekStart: '2026-11-23',
    tracks: [track('early', '17:00', '19:00'), track('late', '18:00', '20:00')],
    services: [{ id: 'process', kind: 'group', durationMinutes: 60, minSize: 1, maxSize: 12, staff: [{ credentials: ['LCSW'] }], room: { features: ['group'] } }],
    staff: [{ id: 'clin-1', credentials: ['LCSW'], availability: { weekly: [{ days: ['TU'], start: '17:00', end: '20:00' }] } }],
    rooms: [
      { id: 'room-a', capacity: 12, features: ['group'] },
      { id: 'room-b', capacity: 12, features: ['group'] },
    ],
    patients: Array.from({ length: 24 }, (_, i) => ({ id: `p${i + 1}`, tracks: [i < 12 ? 'early' : 'late'] })),
  };
}

describe('servedBound where track windows overlap', () => {
  it('counts the hour both tracks hold a group: twelve of twenty-four at most', () => {
    const bound = servedBound(compileProblem(overlappingEvenings()));
    expect(bound.patients).toBe(12);
    expect(bound.binding).toMatchObject({ resource: 'staff', period: 'TU 18:00-19:00, 2 track windows', supplyMinutes: 60, demandMinutes: 120 });
  });

  it('stays above what a timetable serves there', () => {
    const { report } = solve(overlappingEvenings(), { seed: 1, maxIterations: 2000, timeLimitMs: 60_000 });
    expect(report.patients.filter((row) => row.met)).toHaveLength(12);
  });
});

