/**
 * A sample after-school programme for adolescents, with transition-age young adults kept in
 * their own groups and weekly family therapy. Built from constants: every call returns the same
 * problem.
 *
 * Capacity: 12 adolescents and 6 young adults, MO-TH 16:00-18:00 (8 group hours a week offered).
 * Each needs 6 hours on 3 days; adolescents and young adults never share a group, so each age
 * group holds its own groups: 2 groups side by side, in two group rooms of 12, led by 2 of the 4
 * clinicians free at that hour. Family therapy (18 hours) fits two family evenings each
 * (18:00-21:00: two family therapists, 5 evenings x 3 hours in the family room, more by
 * telehealth for half the families) and alternate Saturday mornings.
 *
 * @module
 */
import type { Patient, Problem } from '../model/problem.js';

const AGE = ['age:'];

/**
 * An adolescent after-school IOP in `America/Los_Angeles`, the week of Monday 2026-11-23:
 * 6 hours a week on at least 3 days (ASAM 2.1 for adolescents), groups kept apart by age tag
 * (`homogeneousBy: ['age:']`), and family therapy (`withFamily`) inside each family's
 * availability. Every call returns a fresh copy.
 *
 * @example
 * ```ts
 * import { adolescentProgram, solve } from 'iop-scheduler';
 * const { report } = solve(adolescentProgram(), { seed: 7 });
 * for (const row of report.patients) console.log(row.patient, row.hours);
 * ```
 */
export function adolescentProgram(): Problem {
  const patients: Patient[] = [];
  for (let i = 1; i <= 18; i++) {
    const adolescent = i <= 12;
    const id = `a-${String(i).padStart(2, '0')}`;
    // School until 15:15; some adolescents have sports practice one afternoon.
    const sportsDay = adolescent && i % 4 === 0 ? (['MO', 'TU', 'WE', 'TH'] as const)[i % 3]! : undefined;
    const days = (['MO', 'TU', 'WE', 'TH', 'FR'] as const).filter((d) => d !== sportsDay);
    const evenings = (['MO', 'TU', 'WE', 'TH', 'FR'] as const).filter((_, d) => d === i % 5 || d === (i + 2) % 5);
    patients.push({
      id,
      tracks: ['after-school'],
      availability: {
        weekly: [
          { days: [...days], start: adolescent ? '15:30' : '13:00', end: '21:00' },
          { days: ['SA'], start: '09:00', end: '13:00' },
        ],
      },
      familyAvailability: {
        weekly: [{ days: [...evenings], start: '18:00', end: '21:00' }],
        // Some families can only come every other Saturday morning.
        ...(i % 5 === 0 ? { rrule: [{ rule: 'DTSTART:20261114T093000\nRRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=SA', durationMinutes: 120 }] } : {}),
      },
      tags: [adolescent ? 'age:adolescent' : 'age:young-adult'],
      requires: [{ service: 'family-therapy', min: 1, max: 1 }],
      primaryStaff: i % 2 === 0 ? 'st-01' : 'st-02',
      telehealth: i % 2 === 0,
    });
  }
  return {
    timeZone: 'America/Los_Angeles',
    weekStart: '2026-11-23',
    rules: { minWeeklyHours: 6, minDays: 3, maxWeeklyHours: 12 },
    tracks: [
      {
        id: 'after-school',
        name: 'After-school IOP',
        windows: { weekly: [{ days: ['MO', 'TU', 'WE', 'TH'], start: '16:00', end: '18:00' }] },
        curriculum: [
          { service: 'teen-process-group', min: 2 },
          { service: 'teen-skills-group', min: 2 },
          { service: 'teen-recovery-group', min: 1 },
        ],
      },
    ],
    services: [
      {
        id: 'teen-process-group', name: 'Process group', kind: 'group', durationMinutes: 60, minSize: 3, maxSize: 12,
        staff: [{ credentials: ['LCSW', 'LMFT'] }], room: { features: ['group-room'] }, homogeneousBy: AGE,
      },
      {
        id: 'teen-skills-group', name: 'DBT skills group', kind: 'group', durationMinutes: 60, minSize: 3, maxSize: 12,
        staff: [{ credentials: ['LCSW', 'LMFT', 'LPC'] }], room: { features: ['group-room'] }, homogeneousBy: AGE,
      },
      {
        id: 'teen-recovery-group', name: 'Substance-use education', kind: 'group', durationMinutes: 60, minSize: 3, maxSize: 12,
        staff: [{ credentials: ['LCSW', 'LMFT', 'LPC', 'CADC'] }], room: { features: ['group-room'] }, homogeneousBy: AGE,
      },
      {
        id: 'family-therapy', name: 'Family therapy', kind: 'individual', durationMinutes: 60, withFamily: true,
        staff: [{ credentials: ['LMFT', 'LCSW'] }], room: { features: ['family-room'] }, telehealth: 'allowed',
      },
    ],
    staff: [
      { id: 'st-01', credentials: ['LMFT'], availability: { weekly: [{ days: ['MO', 'TU', 'WE', 'TH'], start: '13:00', end: '21:00' }, { days: ['SA'], start: '09:00', end: '12:00' }] }, maxWeeklyHours: 24 },
      { id: 'st-02', credentials: ['LCSW'], availability: { weekly: [{ days: ['MO', 'TU', 'WE', 'TH', 'FR'], start: '12:00', end: '21:00' }] }, maxWeeklyHours: 30 },
      { id: 'st-03', credentials: ['LPC'], availability: { weekly: [{ days: ['MO', 'TU', 'WE', 'TH'], start: '15:00', end: '19:00' }] }, maxWeeklyHours: 16 },
      { id: 'st-04', credentials: ['CADC'], availability: { weekly: [{ days: ['TU', 'TH'], start: '15:00', end: '19:00' }] }, maxWeeklyHours: 8 },
    ],
    rooms: [
      { id: 'r-teen-1', capacity: 12, features: ['group-room'] },
      { id: 'r-teen-2', capacity: 12, features: ['group-room'] },
      { id: 'r-family', capacity: 6, features: ['family-room'] },
    ],
    patients,
  };
}
