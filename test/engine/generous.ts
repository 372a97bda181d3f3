/**
 * Problems feasible by construction with room to spare, for the "every requirement is met"
 * property: tracks on separate blocks, enough rooms and staff for every patient in every group
 * slot, requirements no larger than what attending every slot delivers, and clinicians free for
 * individual sessions outside the blocks. Witness: every patient attends every slot of their
 * track, sectioned across the rooms, plus one individual session with their primary clinician.
 */
import fc from 'fast-check';
import type { Patient, Problem, Service, Staff, Track, Weekday } from '../../src/model/problem.js';

const DAYS: readonly Weekday[] = ['MO', 'TU', 'WE', 'TH', 'FR'];

export function generousProblemArbitrary(): fc.Arbitrary<Problem> {
  return fc
    .record({
      trackCount: fc.integer({ min: 1, max: 2 }),
      groupCount: fc.integer({ min: 1, max: 3 }),
      dayMasks: fc.array(fc.integer({ min: 1, max: 31 }), { minLength: 2, maxLength: 2 }),
      blockHours: fc.array(fc.integer({ min: 2, max: 3 }), { minLength: 2, maxLength: 2 }),
      patientCounts: fc.array(fc.integer({ min: 2, max: 14 }), { minLength: 2, maxLength: 2 }),
      adolescent: fc.boolean(),
      telehealth: fc.boolean(),
      threshold: fc.boolean(),
    })
    .map((draw) => {
      const services: Service[] = [];
      for (let g = 0; g < draw.groupCount; g++) {
        services.push({ id: `group-${g}`, kind: 'group', durationMinutes: 60, minSize: 2, maxSize: 8, staff: [{ credentials: ['LCSW'] }], room: { features: ['group'] }, homogeneousBy: ['age:'] });
      }
      services.push({ id: 'therapy', kind: 'individual', durationMinutes: 60, staff: [{ credentials: ['LCSW'] }], primaryOnly: true, room: { features: ['office'] }, telehealth: draw.telehealth ? 'allowed' : 'never' });
      const tracks: Track[] = [];
      const patients: Patient[] = [];
      const staff: Staff[] = [];
      for (let t = 0; t < draw.trackCount; t++) {
        const days = DAYS.filter((_, i) => (draw.dayMasks[t]! & (1 << i)) !== 0);
        const start = t === 0 ? 9 : 17;
        const hours = draw.blockHours[t]!;
        const end = start + hours;
        const slots = days.length * hours;
        const perService = Math.floor(slots / draw.groupCount);
        tracks.push({
          id: `track-${t}`,
          windows: { weekly: [{ days, start: `${String(start).padStart(2, '0')}:00`, end: `${String(end).padStart(2, '0')}:00` }] },
          rules: {
            minWeeklyHours: Math.max(1, slots - 1),
            maxWeeklyHours: slots + 2,
            minDays: days.length,
            maxDays: 5,
            ...(draw.threshold ? { minDailyMinutes: hours * 60 } : {}),
          },
          curriculum: services.filter((s) => s.kind === 'group').map((s) => ({ service: s.id, min: Math.max(0, perService - 1) })),
        });
        const count = draw.patientCounts[t]!;
        const sections = Math.ceil(count / 8);
        for (let k = 0; k < sections + 1; k++) staff.push({ id: `s-${t}-${k}`, credentials: ['LCSW'] });
        for (let i = 0; i < count; i++) {
          // Adolescents come in pairs at least, so their groups can reach the minimum size.
          const age = draw.adolescent && count >= 4 && i < 2 ? 'age:adolescent' : 'age:adult';
          patients.push({
            id: `p-${t}-${i}`,
            tracks: [`track-${t}`],
            tags: [age],
            requires: [{ service: 'therapy', min: 1, max: 1 }],
            primaryStaff: `s-${t}-${i % (sections + 1)}`,
            telehealth: i % 2 === 0,
          });
        }
      }
      const rooms = [
        ...Array.from({ length: 10 }, (_, i) => ({ id: `group-room-${i}`, capacity: 8, features: ['group'] })),
        ...Array.from({ length: 4 }, (_, i) => ({ id: `office-${i}`, capacity: 2, features: ['office'] })),
      ];
      const problem: Problem = { timeZone: 'America/New_York', weekStart: '2026-11-23', tracks, services, staff, rooms, patients };
      return problem;
    });
}
