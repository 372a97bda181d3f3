import { describe, expect, it } from 'vitest';
import { checkSchedule } from '../pipeline/check-schedule.js';
import { validateProblem } from '../input/validate.js';
import { adolescentProgram } from './adolescent.js';
import { greedyWeek, shortfalls } from './witness.js';

describe('adolescentProgram', () => {
  it('is valid, the same on every call, and can be fully met without mixing ages', () => {
    const problem = adolescentProgram();
    expect(adolescentProgram()).toEqual(problem);
    const result = validateProblem(problem);
    expect(result.ok ? [] : result.issues).toEqual([]);
    const schedule = greedyWeek(problem);
    expect(shortfalls(problem, schedule, 360)).toEqual([]);
    const age = new Map(problem.patients.map((p) => [p.id, p.tags?.find((t) => t.startsWith('age:'))]));
    for (const m of schedule.meetings) expect(new Set(m.patients.map((p) => age.get(p))).size).toBe(1);
    const family = schedule.meetings.filter((m) => m.service === 'family-therapy');
    expect(family).toHaveLength(18);
    expect(checkSchedule(problem, schedule).violations.filter((v) => v.level !== 'soft').map((v) => v.message)).toEqual([]);
  });
});
