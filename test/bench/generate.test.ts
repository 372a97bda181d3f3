import { describe, expect, it } from 'vitest';
import { generateProgram } from '../../bench/generate.js';
import { validateProblem } from '../../src/input/validate.js';

const issuesOf = (problem: unknown): unknown[] => {
  const result = validateProblem(problem);
  return result.ok ? [] : result.issues.slice(0, 5);
};

describe('generateProgram', () => {
  for (const patients of [30, 300, 3000]) {
    it(`makes a valid problem of ${patients} patients`, () => {
      const problem = generateProgram({ patients, seed: patients });
      expect(problem.patients).toHaveLength(patients);
      expect(issuesOf(problem)).toEqual([]);
      expect(issuesOf(generateProgram({ patients, seed: 3, tightness: 1.3, holidays: true, partialWeeks: true }))).toEqual([]);
    });
  }

  it('is deterministic by seed, and the seed matters', () => {
    expect(generateProgram({ patients: 200, seed: 5 })).toEqual(generateProgram({ patients: 200, seed: 5 }));
    expect(generateProgram({ patients: 200, seed: 5 })).not.toEqual(generateProgram({ patients: 200, seed: 6 }));
  });

  it('holds every population at scale: adults, adolescents apart, dual diagnosis, eating disorders with a co-facilitated group', () => {
    const problem = generateProgram({ patients: 3000, seed: 1 });
    const tagged = (tag: string): number => problem.patients.filter((p) => p.tags?.includes(tag)).length;
    expect(tagged('age:adolescent')).toBeGreaterThan(300);
    expect(tagged('dx:substance-use')).toBeGreaterThan(300);
    expect(tagged('dx:eating-disorder')).toBeGreaterThan(100);
    expect(problem.services.find((s) => s.id === 'ed-group')!.staff.map((seat) => seat.credentials)).toEqual([['LCSW', 'LMFT'], ['RD']]);
    expect(problem.staff.some((s) => s.credentials.includes('RD'))).toBe(true);
    expect(problem.staff.some((s) => s.availability?.except !== undefined)).toBe(true);
    // About one track per 20-22 patients.
    expect(problem.tracks.length).toBeGreaterThanOrEqual(3000 / 22);
    expect(problem.tracks.length).toBeLessThanOrEqual(3000 / 18);
    const trackOf = new Map(problem.patients.map((p) => [p.id, p.tracks[0]]));
    for (const p of problem.patients) expect(trackOf.get(p.id)!.startsWith('adolescent')).toBe(p.tags!.includes('age:adolescent'));
  });

  it('partial weeks: some patients admitted or discharged mid-week, with prorated hours', () => {
    const problem = generateProgram({ patients: 1000, seed: 4, partialWeeks: true });
    const partial = problem.patients.filter((p) => p.admittedOn !== undefined || p.dischargedOn !== undefined);
    expect(partial.length).toBeGreaterThan(50);
    expect(partial.every((p) => p.rules?.minWeeklyHours === 2)).toBe(true);
    expect(generateProgram({ patients: 1000, seed: 4 }).patients.some((p) => p.admittedOn !== undefined)).toBe(false);
  });

  it('tightness trades supply against demand: fewer rooms and staff as it rises', () => {
    const sizes = [0.5, 1.0, 1.3].map((tightness) => generateProgram({ patients: 1000, seed: 2, tightness }));
    const rooms = sizes.map((p) => p.rooms.length);
    const staff = sizes.map((p) => p.staff.length);
    expect(rooms[0]!).toBeGreaterThan(rooms[1]!);
    expect(rooms[1]!).toBeGreaterThan(rooms[2]!);
    expect(staff[0]!).toBeGreaterThan(staff[1]!);
    expect(staff[1]!).toBeGreaterThan(staff[2]!);
    expect(sizes.map((p) => p.patients.length)).toEqual([1000, 1000, 1000]);
  });
});
