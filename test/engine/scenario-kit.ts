/**
 * Small clinics for the solver's scenario tests: one or two tracks of 60-minute groups, an
 * individual therapy service, enough clinicians and rooms unless a scenario takes them away.
 */
import type { Patient, Problem, Service, Track, Weekday } from '../../src/model/problem.js';
import type { Meeting } from '../../src/model/schedule.js';
import type { PlacedMeeting } from '../../src/rules/types.js';

export const DAY_TRACK: Track = { id: 'day', windows: { weekly: [{ days: ['MO', 'WE', 'FR'], start: '09:00', end: '12:00' }] } };
export const EVENING_TRACK: Track = { id: 'evening', windows: { weekly: [{ days: ['TU', 'WE', 'TH'], start: '18:00', end: '21:00' }] } };

export const GROUP: Service = { id: 'process', kind: 'group', durationMinutes: 60, minSize: 2, maxSize: 10, staff: [{ credentials: ['LCSW'] }], room: { features: ['group'] } };
export const THERAPY: Service = {
  id: 'therapy',
  kind: 'individual',
  durationMinutes: 60,
  staff: [{ credentials: ['LCSW'] }],
  primaryOnly: true,
  room: { features: ['office'] },
  telehealth: 'allowed',
};

/**
 * Process groups (an LCSW or the counsellor, CADC, may lead them), skills groups and individual
 * sessions (LCSW only), 60 minutes each: the services of the clinics where who may lead what decides.
 */
export const PROCESS_SKILLS_INDIVIDUAL: readonly Service[] = [
  { id: 'process', kind: 'group', durationMinutes: 60, minSize: 2, maxSize: 8, staff: [{ credentials: ['LCSW', 'CADC'] }], room: { features: ['group'] } },
  { id: 'skills', kind: 'group', durationMinutes: 60, minSize: 2, maxSize: 8, staff: [{ credentials: ['LCSW'] }], room: { features: ['group'] } },
  { id: 'individual', kind: 'individual', durationMinutes: 60, staff: [{ credentials: ['LCSW'] }], room: { features: ['office'] } },
];

/** A 60-minute group of track 0 at 09:00 on `day`, in room 0, led by `staff`. */
export function nineOClock(day: number, service: number, staff: number, patients: number[]): PlacedMeeting {
  return { id: '', service, track: 0, day, start: 9 * 60, end: 10 * 60, room: 0, telehealth: false, staff: [staff], patients, pinned: false };
}

export function patientsOf(track: string, count: number, extra: Partial<Patient> = {}, prefix: string = track): Patient[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `${prefix}-${i}`,
    tracks: [track],
    requires: [{ service: 'therapy', min: 1, max: 1 }],
    primaryStaff: `clin-${i % 3}`,
    ...extra,
  }));
}

export function clinic(overrides: Partial<Problem> = {}): Problem {
  return {
    timeZone: 'America/Chicago',
    weekStart: '2026-11-23',
    tracks: [structuredClone(DAY_TRACK)],
    services: [structuredClone(GROUP), structuredClone(THERAPY)],
    staff: [0, 1, 2].map((i) => ({ id: `clin-${i}`, credentials: ['LCSW'] })),
    rooms: [
      { id: 'group-a', capacity: 10, features: ['group'] },
      { id: 'group-b', capacity: 10, features: ['group'] },
      { id: 'office-1', capacity: 2, features: ['office'] },
      { id: 'office-2', capacity: 2, features: ['office'] },
    ],
    patients: patientsOf('day', 8),
    ...overrides,
  };
}

export const BUDGET = { seed: 1, maxIterations: 400, timeLimitMs: 60_000 } as const;

export function meetingsOf(meetings: readonly Meeting[], patient: string): Meeting[] {
  return meetings.filter((m) => m.patients.includes(patient));
}

export function daysOf(meetings: readonly Meeting[], patient: string): Weekday[] {
  return [...new Set(meetingsOf(meetings, patient).map((m) => m.day))];
}

/**
 * Monday 18:00-20:00: process groups (a therapist or the counsellor may lead them) and individual
 * therapy (therapists only). The counsellor may work one hour a day. Patients 0-3 attend both
 * hours; patient 4 can come only at 19:00 and needs an individual session.
 */
export function chainClinic(therapistFrom = '18:00'): Problem {
  return {
    ...clinic(),
    tracks: [{ id: 'evening', windows: { weekly: [{ days: ['MO'], start: '18:00', end: '20:00' }] } }],
    services: [
      { id: 'process', kind: 'group', durationMinutes: 60, minSize: 2, maxSize: 8, staff: [{ credentials: ['LCSW', 'CADC'] }], room: { features: ['group'] } },
      { id: 'individual', kind: 'individual', durationMinutes: 60, staff: [{ credentials: ['LCSW'] }], room: { features: ['office'] } },
    ],
    staff: [
      { id: 'therapist', credentials: ['LCSW'], availability: { weekly: [{ days: ['MO'], start: therapistFrom, end: '20:00' }] } },
      { id: 'counsellor', credentials: ['CADC'], maxDailyHours: 1 },
    ],
    rooms: [
      { id: 'group-a', capacity: 8, features: ['group'] },
      { id: 'office-1', capacity: 1, features: ['office'] },
    ],
    patients: [
      ...[0, 1, 2, 3].map((i) => ({ id: `p-${i}`, tracks: ['evening'], rules: { minWeeklyHours: 2, minDays: 1 } })),
      { id: 'p-4', tracks: ['evening'], rules: { minWeeklyHours: 1, minDays: 1 }, availability: { weekly: [{ days: ['MO' as const], start: '19:00', end: '20:00' }] }, requires: [{ service: 'individual', min: 1, max: 1 }] },
    ],
  };
}

/** A day-track patient who needs an hour a week on one day, `extra` on top: the members of {@link mondayClinic}. */
/** Indices of PROCESS_SKILLS_INDIVIDUAL's services (mondayClinic's, and any clinic built on that list). */
export const PROCESS = 0;
export const SKILLS = 1;
export const INDIVIDUAL = 2;
/** Indices of mondayClinic's staff: the LCSW and the counsellor (CADC). */
export const LCSW = 0;
export const CADC = 1;

export function hourMember(id: string, extra: Partial<Patient> = {}): Patient {
  return { id, tracks: ['day'], rules: { minWeeklyHours: 1, minDays: 1 }, ...extra };
}

/**
 * A day track on Monday from `start` to `end`, the services of PROCESS_SKILLS_INDIVIDUAL, one
 * LCSW (staff 0) and one counsellor (CADC, staff 1): the clinics where who may lead what decides.
 * `overrides` brings the patients, and other staff or rooms where a scenario needs them.
 */
export function mondayClinic(start: string, end: string, overrides: Partial<Problem>): Problem {
  return clinic({
    tracks: [{ id: 'day', windows: { weekly: [{ days: ['MO'], start, end }] } }],
    services: structuredClone([...PROCESS_SKILLS_INDIVIDUAL]),
    staff: [
      { id: 'lcsw', credentials: ['LCSW'] },
      { id: 'cadc', credentials: ['CADC'] },
    ],
    ...overrides,
  });
}
