/**
 * DESIGN 10: `replan` returns the published meetings no longer held (`cancelled`, as published)
 * and keeps `Meeting.revision`: +1 on a change of time, room, staff or roster, kept otherwise, 0
 * on a meeting it adds.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Problem } from '../../src/model/problem.js';
import type { Schedule } from '../../src/model/schedule.js';
import { ProblemError } from '../../src/model/issue.js';
import { solve } from '../../src/pipeline/solve.js';
import { sampleClinic } from '../../src/sample/clinic.js';
import { replan } from '../../src/replan/replan.js';

let problem: Problem;
let published: Schedule;

beforeAll(() => {
  problem = sampleClinic();
  published = solve(problem, { seed: 1, maxIterations: 1500, timeLimitMs: 60_000 }).schedule;
});

const FAST = { seed: 1, timeLimitMs: 60_000 };

describe('replan cancelled and revision', () => {
  it('returns nothing cancelled and no revision when nothing changed', () => {
    const { schedule, cancelled } = replan(problem, published, [], FAST);
    expect(cancelled).toEqual([]);
    expect(schedule.meetings.every((m) => m.revision === undefined)).toBe(true);
  });

  it('lists the published meetings no longer held, as published, and counts revisions of the changed ones', () => {
    const withRevisions: Schedule = { ...published, meetings: published.meetings.map((m) => ({ ...m, revision: 2 })) };
    const individual = published.meetings.find((m) => m.track === null && m.patients.length === 1)!;
    const patient = individual.patients[0]!;
    const { schedule, cancelled, changed } = replan(problem, withRevisions, [{ kind: 'discharge', patient, from: published.weekStart }], FAST);
    const held = new Set(schedule.meetings.map((m) => m.id));
    // Every published meeting of the patient's alone is gone, and reported as it was published.
    expect(cancelled.map((m) => m.id)).toContain(individual.id);
    expect(cancelled.find((m) => m.id === individual.id)).toEqual({ ...individual, revision: 2 });
    for (const m of cancelled) expect(held.has(m.id)).toBe(false);
    expect(cancelled.length).toBe(withRevisions.meetings.filter((m) => !held.has(m.id)).length);
    const kindsOf = new Map(changed.meetings.map((m) => [m.meeting, m.kinds]));
    expect([...kindsOf.values()].some((kinds) => !kinds.includes('added') && !kinds.includes('cancelled'))).toBe(true);
    for (const m of schedule.meetings) {
      const kinds = kindsOf.get(m.id);
      expect(m.revision).toBe(kinds === undefined ? 2 : kinds.includes('added') ? 0 : 3);
    }
  });

  it('refuses a published revision that is not a whole number', () => {
    const bad: Schedule = { ...published, meetings: published.meetings.map((m, i) => (i === 0 ? { ...m, revision: -1 } : m)) };
    expect(() => replan(problem, bad, [], FAST)).toThrow(ProblemError);
    try {
      replan(problem, bad, [], FAST);
    } catch (error) {
      expect((error as ProblemError).issues.map((i) => i.path)).toContain('previous.meetings[0].revision');
    }
  });
});
