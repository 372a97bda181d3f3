/**
 * The top cause is the one that matters: on random over-full clinics, relaxing the first cause
 * `explain` gives for a short patient (the rule or resource it names, on a copy) lets the same
 * solver, with the same seed and iterations, serve more of that patient's requirement in most cases.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { explain } from '../../src/pipeline/explain.js';
import { solve } from '../../src/pipeline/solve.js';
import type { Availability, Problem, Weekday } from '../../src/model/problem.js';
import type { Cause, Report, Unmet } from '../../src/model/report.js';

const SOLVE = { seed: 1, maxIterations: 300, timeLimitMs: 60_000 } as const;
const EVENINGS: Weekday[] = ['TU', 'WE', 'TH'];

const ROOM_CODES = new Set(['track-rooms-full', 'room-capacity', 'room-double-booked', 'room-availability', 'no-room-available', 'room-too-small']);
const STAFF_CODES = new Set(['track-staff-short', 'staff-availability', 'staff-double-booked', 'staff-weekly-max', 'staff-daily-max', 'no-staff-available', 'no-qualified-staff']);
const AVAILABILITY_CODES = new Set(['patient-availability', 'availability-hours', 'availability-days']);

const evenings = (days: Weekday[]): Availability => ({ weekly: [{ days, start: '17:00', end: '21:30' }] });

/** An evening track over-full by rooms, staff or both: 8 to 16 patients, 1 or 2 rooms of 3 to 6 seats, 1 or 2 clinicians. */
const overFull: fc.Arbitrary<Problem> = fc
  .record({
    patients: fc.integer({ min: 8, max: 16 }),
    rooms: fc.array(fc.record({ capacity: fc.integer({ min: 3, max: 6 }), days: fc.subarray(EVENINGS, { minLength: 2 }) }), { minLength: 1, maxLength: 2 }),
    staff: fc.array(fc.subarray(EVENINGS, { minLength: 1 }), { minLength: 1, maxLength: 2 }),
    narrow: fc.array(fc.subarray(EVENINGS, { minLength: 1, maxLength: 2 }), { maxLength: 3 }),
  })
  .map(({ patients, rooms, staff, narrow }): Problem => ({
    timeZone: 'America/Los_Angeles',
    weekStart: '2026-11-23',
    tracks: [
      { id: 'evening', windows: { weekly: [{ days: EVENINGS, start: '18:00', end: '21:00' }] } },
      { id: 'day', windows: { weekly: [{ days: ['MO', 'WE'], start: '09:00', end: '12:00' }] } },
    ],
    services: [{ id: 'process', kind: 'group', durationMinutes: 60, minSize: 2, maxSize: 8, staff: [{ credentials: ['LCSW'] }], room: { features: ['group'] } }],
    rules: { minWeeklyHours: 6, minDays: 2 },
    staff: [
      ...staff.map((days, i) => ({ id: `clin-${i + 1}`, credentials: ['LCSW'], availability: evenings(days) })),
      { id: 'clin-day', credentials: ['LCSW'], availability: { weekly: [{ days: ['MO', 'WE'] as Weekday[], start: '08:00', end: '13:00' }] } },
    ],
    rooms: rooms.map((room, i) => ({ id: `room-${i + 1}`, capacity: room.capacity, features: ['group'], availability: evenings(room.days) })),
    patients: [
      ...Array.from({ length: patients }, (_, i) => ({ id: `p-${i + 1}`, tracks: ['evening'], ...(narrow[i] ? { availability: evenings(narrow[i]!) } : {}) })),
      { id: 'd-1', tracks: ['day'] },
      { id: 'd-2', tracks: ['day'] },
    ],
  }));

/** A copy with the rule or resource `cause` names relaxed for `entry`'s patient, or `undefined` when it names neither. */
function relaxed(problem: Problem, cause: Cause, entry: Unmet): Problem | undefined {
  const copy = structuredClone(problem);
  // A proof that the resources open to the patient do not add up names the staff or rooms missing.
  const resources = cause.code === 'resources-hours' || cause.code === 'resources-days';
  const rooms = ROOM_CODES.has(cause.code) || (resources && (cause.rooms?.length ?? 0) > 0);
  const staff = STAFF_CODES.has(cause.code) || (resources && (cause.staff?.length ?? 0) > 0);
  if (rooms) copy.rooms.push({ id: 'relief-room', capacity: 8, features: ['group'] });
  if (staff) copy.staff.push({ id: 'relief-clinician', credentials: ['LCSW'] });
  if (cause.code === 'group-max-size') copy.services[0]!.maxSize = 12;
  if (AVAILABILITY_CODES.has(cause.code)) delete copy.patients.find((p) => p.id === entry.patient)!.availability;
  return rooms || staff || cause.code === 'group-max-size' || AVAILABILITY_CODES.has(cause.code) ? copy : undefined;
}

/** The patient's shortfall on the entry's rule. */
function shortfall(report: Report, entry: Unmet): number {
  return report.unmet.filter((u) => u.patient === entry.patient && u.rule === entry.rule).reduce((a, u) => a + u.shortfall, 0);
}

describe('the top cause of a short patient', () => {
  it('when relaxed on a copy, lets the solver serve more of that requirement in most over-full clinics', () => {
    const tally = { clinics: 0, relaxable: 0, better: 0, codes: new Map<string, number>() };
    fc.assert(
      fc.property(overFull, (problem) => {
        const solved = solve(problem, SOLVE);
        const entry = solved.report.unmet.find((u) => u.patient.startsWith('p-'));
        if (!entry) return;
        tally.clinics++;
        const explained = explain(problem, solved, { verify: false });
        const top = explained.unmet.find((u) => u.patient === entry.patient && u.rule === entry.rule)!.causes[0]!;
        // Never a fact that did not apply to the patient.
        expect(['track-membership', 'eligibility']).not.toContain(top.code);
        tally.codes.set(top.code, (tally.codes.get(top.code) ?? 0) + 1);
        const copy = relaxed(problem, top, entry);
        if (!copy) return;
        tally.relaxable++;
        if (shortfall(solve(copy, SOLVE).report, entry) < entry.shortfall) tally.better++;
      }),
      { numRuns: 14 },
    );

    // The figures for the note (SHOW_TALLY=1): clinics with a short patient, top causes naming a
    // rule or resource to relax, how often relaxing it served more, and the codes.
    if (process.env.SHOW_TALLY) console.log(JSON.stringify({ ...tally, codes: Object.fromEntries(tally.codes) }));
    expect(tally.clinics).toBeGreaterThanOrEqual(10);
    expect(tally.relaxable).toBeGreaterThanOrEqual(tally.clinics * 0.8);
    expect(tally.better).toBeGreaterThanOrEqual(tally.relaxable * 0.7);
  });
});
