import { describe, expect, it } from 'vitest';
import { tiny } from '../../test/support/rule-verifier.js';
import type { Availability } from '../model/problem.js';
import { availabilitySlots } from '../time/availability.js';
import { SLOTS_PER_DAY } from '../time/week.js';
import { compileProblem } from './compile.js';

describe('compileProblem: hours shared by several people', () => {
  const evenings: Availability = { weekly: [{ days: ['TU', 'WE'], start: '17:00', end: '21:00' }] };

  it('gives each holder of the same hours an equal slot set of their own', () => {
    const compiled = compileProblem(
      tiny((p) => {
        p.patients[0]!.availability = evenings;
        p.patients[1]!.availability = structuredClone(evenings);
        p.patients[2]!.availability = { weekly: [{ days: ['TH'], start: '17:00', end: '21:00' }] };
        p.staff[0]!.availability = evenings;
      }),
    );
    const [first, second, third] = compiled.patients;
    const expected = [...availabilitySlots(evenings, '2026-11-23').words];
    expect([...first!.available.words]).toEqual(expected);
    expect([...second!.available.words]).toEqual(expected);
    expect([...compiled.staff[0]!.available.words]).toEqual(expected);
    expect([...third!.available.words]).not.toEqual(expected);
    // A copy each: changing one holder's set (as a caller may) leaves the others' as they were.
    first!.available.removeRange(0, 7 * SLOTS_PER_DAY);
    expect([...second!.available.words]).toEqual(expected);
    expect([...compiled.staff[0]!.available.words]).toEqual(expected);
  });

  it('closes the hour skipped when DST starts for every holder of the same hours', () => {
    // The week of 2026-03-08 in Los Angeles: 02:00-03:00 that Sunday does not exist.
    const compiled = compileProblem(tiny((p) => (p.weekStart = '2026-03-02')));
    const skipped = 6 * SLOTS_PER_DAY + (2 * 60 + 30) / 5;
    for (const patient of compiled.patients) {
      expect(patient.available.has(skipped)).toBe(false);
      expect(patient.available.has(skipped + 24)).toBe(true);
    }
  });
});
