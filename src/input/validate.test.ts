import { describe, expect, it } from 'vitest';
import { ProblemError } from '../model/issue.js';
import { tinyProblem } from '../../test/support/tiny.js';
import { changed, issuesAfter, issuesOf } from '../../test/input/support.js';
import { assertValidProblem, validateProblem } from './validate.js';

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

describe('validateProblem', () => {
  it('accepts the tiny problem', () => {
    expect(issuesOf(tinyProblem())).toEqual([]);
  });

  it('returns a fresh deep copy and never mutates a deep-frozen input', () => {
    const input = deepFreeze(
      changed((p) => {
        p.patients[0].availability = { weekly: [{ days: ['TU'], start: '17:00', end: '22:00' }], except: [{ date: '2026-11-24' }] };
        p.patients[0].rules = { minWeeklyHours: 6 };
      }),
    );
    const snapshot = JSON.stringify(input);
    const result = validateProblem(input);
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(JSON.stringify(input)).toBe(snapshot);
    const problem = result.problem;
    const original = input as ReturnType<typeof tinyProblem>;
    expect(problem).not.toBe(original);
    expect(problem.patients).not.toBe(original.patients);
    expect(problem.patients[0]?.availability).not.toBe(original.patients[0]?.availability);
    expect(problem.patients[0]?.availability?.weekly?.[0]?.days).not.toBe(original.patients[0]?.availability?.weekly?.[0]?.days);
    expect(problem.services[0]?.staff[0]?.credentials).not.toBe(original.services[0]?.staff[0]?.credentials);
    expect(problem.patients[0]?.availability).toEqual(original.patients[0]?.availability);
    expect(problem.patients[0]?.rules).toEqual({ minWeeklyHours: 6 });
    expect(Object.isFrozen(problem)).toBe(false);
  });

  it('reports every issue, not just the first', () => {
    const issues = issuesAfter((p) => {
      p.timeZone = 'Mars/Olympus';
      p.services[0].durationMinutes = 0;
      p.patients[0].tracks = ['day'];
      p.patients[1].id = 'p3';
      p.rooms[0].capacity = -2;
    });
    expect(issues).toEqual([
      'timeZone invalid-time-zone',
      'services[0].durationMinutes invalid-duration',
      'rooms[0].capacity out-of-range',
      'patients[2].id duplicate-id',
      'patients[0].tracks[0] unknown-reference',
    ]);
  });

  it('never throws on hostile input: cycles, throwing getters, proxies, holes, deep nesting', () => {
    const cyclic: Record<string, unknown> = { timeZone: 'UTC', weekStart: '2026-11-23' };
    cyclic.tracks = [cyclic];
    cyclic.self = cyclic;
    const throwing = Object.defineProperty({}, 'timeZone', { enumerable: true, get: () => { throw new Error('no'); } });
    const trap = new Proxy({}, { ownKeys: () => { throw new Error('no'); } });
    let deep: unknown = {};
    for (let index = 0; index < 100_000; index += 1) deep = { patients: deep };
    const holes = changed((p) => (p.patients = [, , p.patients[0]]));
    for (const input of [cyclic, throwing, trap, deep, holes, Object.create(null), new Date(0), () => 1, Symbol('x'), 10n]) {
      const result = validateProblem(input);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.issues.length).toBeGreaterThan(0);
      if (!result.ok) expect(result.issues.map((issue) => issue.code)).not.toContain('internal-error');
    }
  });

  it('stops recording after 10,000 issues with a too-many-issues issue', () => {
    const issues = issuesAfter((p) => (p.patients = Array.from({ length: 20_000 }, () => ({ id: '' }))));
    expect(issues).toHaveLength(10_001);
    expect(issues.at(-1)).toBe(' too-many-issues');
  });
});

describe('assertValidProblem', () => {
  it('returns the valid problem', () => {
    expect(assertValidProblem(tinyProblem()).granularityMinutes).toBe(15);
  });
  it('throws one ProblemError carrying every issue', () => {
    const input = changed((p) => ((p.weekStart = '2026-11-24'), (p.rooms[0].capacity = 'big')));
    expect(() => assertValidProblem(input)).toThrow(ProblemError);
    try {
      assertValidProblem(input);
    } catch (error) {
      expect((error as ProblemError).issues.map((issue) => issue.path)).toEqual(['weekStart', 'rooms[0].capacity']);
    }
  });
});
