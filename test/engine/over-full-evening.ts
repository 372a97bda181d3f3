/**
 * An over-full evening for the triage tests: one track on three evenings, one 12-seat group room,
 * one clinician, and 20 patients who each need 9 hours on 3 days, in 1-hour sessions. The
 * room holds 108 seat-hours a week (9 hours of 12 seats): 12 patients can be fully served, 20 cannot.
 */
import type { Problem } from '../../src/model/problem.js';

/** The evening, with `priorities[i]` as patient i's priority when given. */
export function overFullEvening(priorities: ReadonlyArray<number | undefined> = []): Problem {
  return {
    timeZone: 'America/New_York',
    weekStart: '2026-11-23',
    tracks: [{ id: 'evening', windows: { weekly: [{ days: ['MO', 'WE', 'TH'], start: '18:00', end: '21:00' }] } }],
    services: [{ id: 'process', kind: 'group', durationMinutes: 60, minSize: 2, maxSize: 12, staff: [{ credentials: ['LCSW'] }] }],
    staff: [{ id: 'clin-1', credentials: ['LCSW'] }],
    rooms: [{ id: 'room-a', capacity: 12 }],
    patients: Array.from({ length: 20 }, (_, i) => {
      const priority = priorities[i];
      return { id: `p${String(i + 1).padStart(2, '0')}`, tracks: ['evening'], ...(priority !== undefined ? { priority } : {}) };
    }),
  };
}
