/**
 * Small clinics for the exact reference: the core of the IOP problem (group sections on an hourly
 * grid inside the track windows, sectioning of patients into them, individual sessions), sized so
 * HiGHS can prove optimality (10 to 40 patients).
 *
 * Every session lasts 60 minutes and the start grid is 60 minutes, so the library and the MILP
 * search exactly the same placements: the MILP is not a restriction of the library's space.
 * Features deliberately kept out of the core (the MILP does not model them): telehealth, family
 * sessions, homogeneity, eligibility tags, multi-seat staffing, primary-only sessions, templates.
 */
import type { Availability, Patient, Problem, Staff, Weekday } from '../../src/model/problem.js';
import { Random } from '../../src/engine/kernel/random.js';

/** The solver's seeded generator (mulberry32), so an instance is a pure function of (patients, seed). */
export function seededRandom(seed: number): () => number {
  const random = new Random(((Math.trunc(seed) ^ 0x2545f491) ^ 0x9e3779b9) >>> 0);
  return () => random.next();
}

const DAY_DAYS: readonly Weekday[] = ['MO', 'WE', 'FR'];
const EVENING_DAYS: readonly Weekday[] = ['TU', 'WE', 'TH'];

/**
 * A reference clinic: a day track (MO/WE/FR 09:00-12:00) and an evening track (TU/WE/TH 18:00-21:00),
 * two group services (process, skills with a curriculum of 2 to 3 a week), one individual service
 * required once a week, four clinicians (two with weekly caps), two group rooms (8 and 6 seats) and
 * two offices. Patients differ in track, days free and the hour free for an individual session;
 * about a fifth can come only two of their three track days, so some shortfall is unavoidable.
 *
 * @example
 * ```ts
 * const problem = referenceInstance(20, 3);
 * ```
 */
export function referenceInstance(patients: number, seed: number): Problem {
  const random = seededRandom(seed * 7919 + patients);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const staff: Staff[] = [
    { id: 'clin-a', credentials: ['LCSW'], availability: { weekly: [{ days: ['MO', 'TU', 'WE', 'TH', 'FR'], start: '08:00', end: '16:00' }] }, maxWeeklyHours: 14 },
    { id: 'clin-b', credentials: ['LMFT'], availability: { weekly: [{ days: ['MO', 'WE', 'FR'], start: '08:00', end: '13:00' }, { days: ['TU', 'WE', 'TH'], start: '16:00', end: '21:00' }] } },
    { id: 'clin-c', credentials: ['LCSW'], availability: { weekly: [{ days: ['MO', 'TU', 'WE', 'TH', 'FR'], start: '13:00', end: '21:00' }] }, maxWeeklyHours: 14 },
    { id: 'coun-d', credentials: ['CADC'], availability: { weekly: [{ days: ['MO', 'TU', 'WE', 'TH', 'FR'], start: '08:00', end: '21:00' }] }, maxDailyHours: 4 },
  ];
  const list: Patient[] = [];
  for (let i = 0; i < patients; i++) {
    const evening = random() < 0.55;
    const trackDays = evening ? EVENING_DAYS : DAY_DAYS;
    const dropped = random() < 0.2 ? pick(trackDays) : undefined;
    const days = trackDays.filter((day) => day !== dropped);
    // The hour before or after the track block, on one or two free days, for individual therapy.
    const extraHour = evening ? pick(['17:00', '21:00'] as const) : pick(['08:00', '12:00'] as const);
    const extraEnd = `${String(Number(extraHour.slice(0, 2)) + 1).padStart(2, '0')}:00`;
    const extraDays = [...new Set([pick(days), pick(days)])];
    const availability: Availability = {
      weekly: [
        { days, start: evening ? '18:00' : '09:00', end: evening ? '21:00' : '12:00' },
        { days: extraDays, start: extraHour, end: extraEnd },
      ],
    };
    const patient: Patient = {
      id: `p${String(i + 1).padStart(2, '0')}`,
      tracks: [evening ? 'evening' : 'day'],
      availability,
      requires: [{ service: 'individual', min: 1, max: 1 }],
    };
    if (i > 1 && random() < 0.1) patient.avoid = [`p${String(Math.floor(random() * i) + 1).padStart(2, '0')}`];
    list.push(patient);
  }
  return {
    timeZone: 'America/New_York',
    weekStart: '2026-11-23',
    granularityMinutes: 60,
    tracks: [
      { id: 'day', windows: { weekly: [{ days: [...DAY_DAYS], start: '09:00', end: '12:00' }] }, curriculum: [{ service: 'skills', min: 2, max: 3 }] },
      { id: 'evening', windows: { weekly: [{ days: [...EVENING_DAYS], start: '18:00', end: '21:00' }] }, curriculum: [{ service: 'skills', min: 2, max: 3 }] },
    ],
    services: [
      { id: 'process', kind: 'group', durationMinutes: 60, minSize: 3, maxSize: 8, staff: [{ credentials: ['LCSW', 'LMFT', 'CADC'] }], room: { features: ['group'] } },
      { id: 'skills', kind: 'group', durationMinutes: 60, minSize: 3, maxSize: 8, staff: [{ credentials: ['LCSW', 'LMFT'] }], room: { features: ['group'] } },
      { id: 'individual', kind: 'individual', durationMinutes: 60, staff: [{ credentials: ['LCSW', 'LMFT'] }], room: { features: ['office'] } },
    ],
    staff,
    rooms: [
      { id: 'group-1', capacity: 8, features: ['group'] },
      { id: 'group-2', capacity: 6, features: ['group'] },
      { id: 'office-1', capacity: 1, features: ['office'], availability: { weekly: [{ days: ['MO', 'TU', 'WE', 'TH', 'FR'], start: '08:00', end: '22:00' }] } },
      { id: 'office-2', capacity: 1, features: ['office'], availability: { weekly: [{ days: ['MO', 'TU', 'WE', 'TH', 'FR'], start: '08:00', end: '22:00' }] } },
    ],
    patients: list,
  };
}
