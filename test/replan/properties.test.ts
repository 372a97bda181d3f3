import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Change } from '../../src/model/options.js';
import type { Meeting, Schedule } from '../../src/model/schedule.js';
import { replan } from '../../src/replan/replan.js';
import { feasibleProblemArbitrary } from '../support/arbitraries.js';

const OPTIONS = { seed: 3, timeLimitMs: 60_000 };

function sortedById(schedule: Schedule): Meeting[] {
  return [...schedule.meetings].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function withoutPin(meeting: Meeting | undefined): Omit<Meeting, 'pinned'> | undefined {
  if (!meeting) return undefined;
  const { pinned: _, ...rest } = meeting;
  return rest;
}

/** A feasible week with a call-out of a random staff member on a random date, pins and one admission. */
const scenario = feasibleProblemArbitrary({ maxPatients: 8 }).chain((week) =>
  fc.record({
    week: fc.constant(week),
    staff: fc.integer({ min: 0, max: Math.max(0, week.problem.staff.length - 1) }),
    day: fc.integer({ min: 0, max: 6 }),
    pins: fc.array(fc.boolean(), { minLength: week.schedule.meetings.length, maxLength: week.schedule.meetings.length }),
    admitLike: fc.integer({ min: 0, max: Math.max(0, week.problem.patients.length - 1) }),
  }),
);

describe('replan properties', () => {
  it('with no changes returns the published week', () => {
    fc.assert(
      fc.property(feasibleProblemArbitrary({ maxPatients: 8 }), ({ problem, schedule }) => {
        const result = replan(problem, schedule, [], OPTIONS);
        expect(sortedById(result.schedule)).toEqual(sortedById(schedule));
        expect(result.changed.meetings).toEqual([]);
      }),
      { numRuns: 25 },
    );
  });

  it('keeps pinned meetings, breaks no hard rule, and a call-out of someone idle that day changes nothing', () => {
    fc.assert(
      fc.property(scenario, ({ week, staff, day, pins, admitLike }) => {
        const { problem, schedule } = week;
        const member = problem.staff[staff];
        fc.pre(member !== undefined && problem.patients.length > 0);
        const dates = [...new Set(schedule.meetings.map((m) => m.date))];
        const date = dates[day % Math.max(1, dates.length)] ?? schedule.weekStart;
        const touches = (m: Meeting): boolean => m.date === date && m.staff.includes(member!.id);
        // Pins on meetings the call-out does not touch (a pinned meeting whose leader is out is a clinic decision).
        const pinned = schedule.meetings.filter((m, i) => pins[i] && !touches(m));
        const model = problem.patients[admitLike]!;
        const admitted = { ...structuredClone(model), id: `admitted-${model.id}`, avoid: [] };
        const changes: Change[] = [
          { kind: 'staff-out', staff: member!.id, date },
          { kind: 'admit', patient: admitted },
          ...pinned.map((m): Change => ({ kind: 'pin', meeting: m.id })),
        ];
        const { schedule: after, report } = replan(problem, schedule, changes, OPTIONS);
        expect(report.violations.filter((v) => v.level === 'hard').map((v) => v.message)).toEqual([]);
        const byId = new Map(after.meetings.map((m) => [m.id, m]));
        for (const m of pinned) {
          expect(byId.get(m.id)?.pinned).toBe(true);
          expect(withoutPin(byId.get(m.id))).toEqual(withoutPin(m));
        }
        expect(after.meetings.filter(touches)).toEqual([]);

        if (!schedule.meetings.some(touches)) {
          const quiet = replan(problem, schedule, [{ kind: 'staff-out', staff: member!.id, date }], OPTIONS);
          expect(sortedById(quiet.schedule)).toEqual(sortedById(schedule));
          expect(quiet.changed.meetings).toEqual([]);
        }
      }),
      { numRuns: 30 },
    );
  });
});

/** A feasible week and 1-3 admitted copies of its patients (same tracks, needs and hours). */
const admissions = feasibleProblemArbitrary({ maxPatients: 8 }).chain((week) =>
  fc.record({
    week: fc.constant(week),
    copies: fc.array(fc.integer({ min: 0, max: Math.max(0, week.problem.patients.length - 1) }), { minLength: 1, maxLength: 3 }),
  }),
);

describe('replan properties of admissions', () => {
  it('serves admitted patients without leaving anyone already in the week short of care', () => {
    fc.assert(
      fc.property(admissions, ({ week, copies }) => {
        const { problem, schedule } = week;
        fc.pre(problem.patients.length > 0);
        const changes: Change[] = copies.map((k, i): Change => {
          const model = problem.patients[k]!;
          return { kind: 'admit', patient: { ...structuredClone(model), id: `admitted-${i}-${model.id}`, avoid: [] } };
        });
        const { report } = replan(problem, schedule, changes, OPTIONS);
        expect(report.violations.filter((v) => v.level === 'hard').map((v) => v.message)).toEqual([]);
        // The published week meets every requirement (a feasible case): it still does for everyone in it.
        const short = report.patients.filter((row) => !row.met && !row.patient.startsWith('admitted-')).map((row) => row.patient);
        expect(short).toEqual([]);
        // An admitted patient left short is told why by re-planning itself.
        for (const entry of report.unmet.filter((u) => u.patient.startsWith('admitted-'))) expect(entry.causes.length).toBeGreaterThan(0);
      }),
      { numRuns: 40 },
    );
  });
});
