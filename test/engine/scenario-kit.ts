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
