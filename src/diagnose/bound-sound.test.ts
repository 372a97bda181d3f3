/**
 * Soundness of the bound with whole sections: never below what a timetable fully serves, on
 * small clinics built so that groups fill the track windows (where ./bound-forced.ts counts whole
 * sections) and on the reference instances whose optima HiGHS proved (bench/reference-results.json),
 * against what the library serves there.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { referenceInstance } from '../../bench/reference/instance.js';
import { compileProblem } from '../compiled/compile.js';
import type { Problem, Weekday } from '../model/problem.js';
import { solve } from '../pipeline/solve.js';
import { servedBound } from './bound.js';

interface Shape {
  days: number;
  hours: number;
  maxSize: number;
  tracks: number[];
  staffHours: number[];
  /** Per staff member, how many of the first days they work (the rest of the week off). */
  staffDays: number[];
  rooms: number;
  /** Seats of each room (the first `rooms` of them). */
  roomSizes: number[];
  spare: boolean;
}

const DAYS: Weekday[] = ['MO', 'TU', 'WE'];

/** A clinic whose tracks' curricula fill their windows (or leave an hour spare: `spare`). */
function clinic(shape: Shape): Problem {
  const sessions = shape.days * shape.hours;
  const windowHours = shape.spare ? shape.hours + 1 : shape.hours;
  return {
    timeZone: 'America/Los_Angeles',
    weekStart: '2026-11-23',
    tracks: shape.tracks.map((_, t) => ({
      id: `t${t}`,
      windows: { weekly: [{ days: DAYS.slice(0, shape.days), start: t % 2 === 0 ? '18:00' : '17:00', end: `${18 + windowHours - (t % 2)}:00` }] },
      curriculum: [{ service: 'group', min: sessions, max: sessions }],
      rules: { minWeeklyHours: sessions, maxWeeklyHours: sessions, minDays: 1 },
    })),
    services: [{ id: 'group', kind: 'group', durationMinutes: 60, minSize: 1, maxSize: shape.maxSize, staff: [{ credentials: ['LCSW'] }], room: { features: ['group'] } }],
    staff: shape.staffHours.map((hours, i) => ({
      id: `s${i}`,
      credentials: ['LCSW'],
      maxWeeklyHours: hours,
      // Staff gone on the later days: evenings short of clinicians though the week has enough.
      availability: { weekly: [{ days: DAYS.slice(0, shape.staffDays[i] ?? DAYS.length), start: '08:00', end: '22:00' }] },
    })),
    rooms: Array.from({ length: shape.rooms }, (_, i) => ({ id: `r${i}`, capacity: shape.roomSizes[i] ?? 8, features: ['group'] })),
    patients: shape.tracks.flatMap((count, t) => Array.from({ length: count }, (_, i) => ({ id: `p${t}-${i}`, tracks: [`t${t}`] }))),
  };
}

const shapes = fc.record({
  days: fc.integer({ min: 1, max: 3 }),
  hours: fc.integer({ min: 1, max: 2 }),
  maxSize: fc.integer({ min: 2, max: 5 }),
  tracks: fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 2 }),
  staffHours: fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 3 }),
  staffDays: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 3, maxLength: 3 }),
  rooms: fc.integer({ min: 1, max: 3 }),
  roomSizes: fc.array(fc.integer({ min: 2, max: 8 }), { minLength: 3, maxLength: 3 }),
  spare: fc.boolean(),
});

describe('the bound with whole sections is sound', () => {
  it('is never below what the solver serves on clinics whose groups fill the windows', () => {
    let below = 0;
    fc.assert(
      fc.property(shapes, (shape) => {
        const problem = clinic(shape);
        const bound = servedBound(compileProblem(problem));
        const { report } = solve(problem, { seed: 1, maxIterations: 300, timeLimitMs: 60_000 });
        const served = report.patients.filter((row) => row.met).length;
        if (bound.patients < bound.total) below++;
        expect(bound.patients).toBeGreaterThanOrEqual(served);
      }),
      { numRuns: 30, seed: 20261207, endOnFailure: true },
    );
    // The property must have had cuts that bind.
    expect(below).toBeGreaterThan(3);
  });

  it('is never below what the library serves on the reference instances', () => {
    // bench/reference-results.json: HiGHS proved these optimal (least shortfall, not most patients
    // served, so no served count is stored); the library reaches those optima with more iterations.
    for (const [patients, seed] of [
      [10, 1],
      [10, 2],
      [20, 1],
      [30, 2],
      [40, 1],
    ] as const) {
      const problem = referenceInstance(patients, seed);
      const { report } = solve(problem, { seed: 1, maxIterations: 2000, timeLimitMs: 60_000 });
      const served = report.patients.filter((row) => row.met).length;
      expect(servedBound(compileProblem(problem)).patients).toBeGreaterThanOrEqual(served);
    }
  });
});
