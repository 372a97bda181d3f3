/**
 * Home tracks and make-ups (issue 24 item 4): `makeUpTracks` serve only `replan`'s make-up of a
 * missed session, and give back the minutes missed, not more.
 */
import { describe, expect, it } from 'vitest';
import { checkSchedule } from '../../src/pipeline/check-schedule.js';
import { solve } from '../../src/pipeline/solve.js';
import { replan } from '../../src/replan/replan.js';
import { sampleClinic } from '../../src/sample/clinic.js';
import type { Problem } from '../../src/model/problem.js';
import type { Meeting, Schedule } from '../../src/model/schedule.js';
import { nextWeek } from '../../src/replan/next-week.js';
import { makeUpClinic, makeUpWeek, OPEN_DAY_PATIENTS } from '../support/make-up-week.js';

const BUDGET = { seed: 1, maxIterations: 1_000, timeLimitMs: 60_000 } as const;
const minutes = (m: Meeting): number => (Date.parse(m.endsAt) - Date.parse(m.startsAt)) / 60_000;
const byTime = (a: Meeting, b: Meeting): number => Date.parse(a.startsAt) - Date.parse(b.startsAt);

/** p-01's first `count` track sessions of the week, missed; what replan gives them in return. */
function missFirst(problem: Problem, published: Schedule, count: number): { missedMinutes: number; added: Meeting[]; result: ReturnType<typeof replan> } {
  const mine = published.meetings.filter((m) => m.patients.includes('p-01'));
  const missed = mine.filter((m) => m.track !== null).sort(byTime).slice(0, count);
  const result = replan(problem, published, missed.map((m) => ({ kind: 'missed' as const, patient: 'p-01', meeting: m.id })), BUDGET);
  const before = new Set(mine.map((m) => m.id));
  const added = result.schedule.meetings.filter((m) => m.patients.includes('p-01') && !before.has(m.id));
  return { missedMinutes: missed.reduce((sum, m) => sum + minutes(m), 0), added, result };
}

describe('make-up tracks', () => {
  it('are never used in a regular week: every patient stays in their own tracks', () => {
    const problem = makeUpClinic();
    for (const seed of [1, 2]) {
      const { schedule, report } = solve(problem, { ...BUDGET, seed });
      expect(report.allMet).toBe(true);
      for (const patient of problem.patients) {
        const tracks = new Set(schedule.meetings.filter((m) => m.patients.includes(patient.id) && m.track !== null).map((m) => m.track));
        expect([...tracks], patient.id).toEqual(patient.tracks);
      }
    }
  });

  it('make a Monday no-show up in the evening track the patient lists only as a make-up track', () => {
    const problem = makeUpClinic();
    const published = solve(problem, BUDGET).schedule;
    const { missedMinutes, added, result } = missFirst(problem, published, 1);
    expect(published.meetings.filter((m) => m.patients.includes('p-01') && m.track !== null).sort(byTime)[0]!.date).toBe('2026-11-23');
    expect(added.map((m) => m.track)).toEqual(['evening']);
    expect(added.reduce((sum, m) => sum + minutes(m), 0)).toBe(missedMinutes);
    expect(result.report.unmet.filter((u) => u.patient === 'p-01')).toEqual([]);
    // The week read from scratch agrees: the no-show opens the make-up track, and nothing is broken.
    const checked = checkSchedule(result.problem, result.schedule, { previous: published });
    expect(checked.score.hard).toBe(0);
    expect(checked.score).toEqual(result.report.score);
  });

  it('without make-up tracks the same no-show finds no place (the day track is full)', () => {
    const problem = sampleClinic();
    const { added, result } = missFirst(problem, solve(problem, BUDGET).schedule, 1);
    expect(added).toEqual([]);
    expect(result.report.unmet.some((u) => u.patient === 'p-01')).toBe(true);
  });

  it('give back what was missed, not more', () => {
    const problem = makeUpClinic();
    const { missedMinutes, added } = missFirst(problem, solve(problem, BUDGET).schedule, 2);
    expect(missedMinutes).toBe(120);
    expect(added.reduce((sum, m) => sum + minutes(m), 0)).toBe(120);
  });

  it('are a record of one week: the next week carries the missed session, not its make-up', () => {
    const { problem, schedule } = makeUpWeek();
    const carried = nextWeek(problem, schedule);
    const report = checkSchedule(carried.problem, carried.schedule);
    expect(report.violations.filter((v) => v.level === 'hard')).toEqual([]);
    for (const id of OPEN_DAY_PATIENTS) {
      const tracks = new Set(carried.schedule.meetings.filter((m) => m.patients.includes(id) && m.track !== null).map((m) => m.track));
      expect([...tracks], id).toEqual(['day']);
      expect(carried.problem.patients.find((p) => p.id === id)!.history!.filter((h) => h.status === 'no-show')).toHaveLength(1);
    }
  });

  it('keep a week with earlier make-ups valid when it is re-planned again', () => {
    const { problem, schedule } = makeUpWeek();
    const again = replan(problem, schedule, [{ kind: 'staff-out', staff: 's-07', date: '2026-11-27' }], BUDGET);
    expect(checkSchedule(again.problem, again.schedule).score.hard).toBe(0);
    expect(again.report.score.hard).toBe(0);
  });
});
