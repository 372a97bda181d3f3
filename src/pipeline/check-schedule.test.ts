import { describe, expect, it } from 'vitest';
import { ProblemError } from '../model/issue.js';
import type { Problem } from '../model/problem.js';
import type { Schedule } from '../model/schedule.js';
import { checkSchedule } from './check-schedule.js';
import { fullWeek, group, individual, reportOf, tiny } from '../../test/support/rule-verifier.js';
import { scheduleOf } from '../../test/support/tiny.js';

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

/** A week that breaks rules of every level, so every code path of the report runs. */
function busyWeek(): { problem: Problem; schedule: Schedule } {
  const problem = tiny((p) => {
    p.rules = { minDailyMinutes: 120, minDailyServices: 2 };
    p.patients[0]!.requires = [{ service: 'individual', min: 1, max: 1 }];
    p.patients[0]!.primaryStaff = 'clin-2';
    p.patients[1]!.preferences = { avoidDays: ['TU'] };
    p.tracks[0]!.curriculum = [{ service: 'process', min: 2, max: 8 }];
  });
  const schedule = scheduleOf([
    ...fullWeek(['p1', 'p2', 'p3']),
    individual('i1', 'TU', '18:30', 'p1'),
    group('g-odd', 'MO', '10:05', ['p4'], { track: null }),
  ]);
  return { problem, schedule };
}

describe('checkSchedule', () => {
  it('never mutates its inputs (deep-frozen inputs, and equal to a clone after)', () => {
    const { problem, schedule } = busyWeek();
    const before = structuredClone({ problem, schedule });
    const previous = scheduleOf(fullWeek(['p1', 'p2']));
    expect(() => checkSchedule(deepFreeze(problem), deepFreeze(schedule), deepFreeze({ weights: { 'compact-days': 2 }, previous }))).not.toThrow();
    expect({ problem, schedule }).toEqual(before);
  });

  it('reports per patient hours, days, services and every requirement', () => {
    const { problem, schedule } = busyWeek();
    const report = checkSchedule(problem, schedule);
    expect(report.patients.map((p) => p.patient)).toEqual(['p1', 'p2', 'p3', 'p4']);
    expect(report.patients[0]).toMatchObject({
      track: 'evening',
      minutes: 600,
      hours: 10,
      days: ['TU', 'WE', 'TH'],
      services: [{ service: 'process', count: 9 }, { service: 'individual', count: 1 }],
      met: true,
    });
    expect(report.patients[0]!.requirements.map((r) => r.rule)).toEqual([
      'patient-min-weekly-hours', 'patient-min-days', 'curriculum-min', 'requires-min',
      'daily-min-minutes', 'daily-min-services', 'daily-min-minutes', 'daily-min-services', 'daily-min-minutes', 'daily-min-services',
    ]);
    const p4 = report.patients[3]!;
    expect(p4).toMatchObject({ minutes: 60, days: ['MO'], met: false });
    expect(p4.requirements.filter((r) => !r.met).map((r) => r.rule)).toEqual(['patient-min-weekly-hours', 'patient-min-days', 'curriculum-min', 'daily-min-minutes', 'daily-min-services']);
  });

  it('sorts violations hard, requirement, soft, and sums them per rule with zero rows kept', () => {
    const { problem, schedule } = busyWeek();
    const report = checkSchedule(problem, schedule);
    const order = { hard: 0, requirement: 1, soft: 2 };
    const levels = report.violations.map((v) => order[v.level]);
    expect(levels).toEqual([...levels].sort((a, b) => a - b));
    expect(new Set(report.violations.map((v) => v.level))).toEqual(new Set(['hard', 'requirement', 'soft']));
    for (const row of report.byRule) {
      const mine = report.violations.filter((v) => v.rule === row.rule);
      expect(row.violations, row.rule).toBe(mine.length);
      expect(row.penalty, row.rule).toBe(mine.reduce((sum, v) => sum + v.penalty, 0));
    }
    expect(report.byRule.find((r) => r.rule === 'avoid-pair')).toEqual({ rule: 'avoid-pair', level: 'hard', violations: 0, penalty: 0, weighted: 0 });
    const score = { hard: 0, requirement: 0, soft: 0 };
    for (const row of report.byRule) score[row.level] += row.weighted;
    expect(report.score).toEqual(score);
    expect(report.feasible).toBe(false);
    expect(report.allMet).toBe(false);
  });

  it('builds unmet entries from the same measurements as the requirement violations', () => {
    const { problem, schedule } = busyWeek();
    const report = checkSchedule(problem, schedule);
    // The triage rule counts patients short, one violation each; the others are the requirements.
    const requirementViolations = report.violations.filter((v) => v.level === 'requirement' && v.rule !== 'patients-short');
    const shortPatients = report.violations.filter((v) => v.rule === 'patients-short').map((v) => v.patients[0]);
    expect(shortPatients).toEqual([...new Set(report.unmet.map((u) => u.patient))]);
    expect(report.unmet.map((u) => [u.rule, u.patient, u.shortfall, u.message])).toEqual(
      // unmet is in patient order; violations in rule order: compare as sets.
      expect.arrayContaining(requirementViolations.map((v) => [v.rule, v.patients[0], v.penalty, v.message])),
    );
    expect(report.unmet).toHaveLength(requirementViolations.length);
    const statusesUnmet = report.patients.flatMap((p) => p.requirements.filter((r) => !r.met).map((r) => [p.patient, r.rule, r.date, r.service]));
    expect(report.unmet.map((u) => [u.patient, u.rule, u.date, u.service])).toEqual(statusesUnmet);
    // Every unmet requirement says why; repairs need re-solving and come from `explain`.
    for (const entry of report.unmet) {
      expect(entry.causes.length, entry.message).toBeGreaterThan(0);
      for (const cause of entry.causes) expect(cause.message.length).toBeGreaterThan(0);
      expect(entry.repairs).toEqual([]);
    }
    expect(report.unmet.find((u) => u.rule === 'curriculum-min')).toMatchObject({ patient: 'p4', service: 'process', shortfall: 60 });
  });

  it('applies soft weights, switches a rule off with 0, and rejects bad weights', () => {
    const meetings = [group('g1', 'TU', '18:00', ['p1', 'p2']), group('g2', 'TU', '20:00', ['p1', 'p2'])];
    const plain = reportOf(tiny(), meetings);
    const doubled = reportOf(tiny(), meetings, { weights: { 'compact-days': 2 } });
    const row = (report: typeof plain): unknown => report.byRule.find((r) => r.rule === 'compact-days');
    expect(row(plain)).toMatchObject({ penalty: 120, weighted: 120 });
    expect(row(doubled)).toMatchObject({ penalty: 120, weighted: 240 });
    expect(doubled.score.soft - plain.score.soft).toBe(120);
    const off = reportOf(tiny(), meetings, { weights: { 'compact-days': 0 } });
    expect(row(off)).toMatchObject({ violations: 0, weighted: 0 });
    expect(off.violations.some((v) => v.rule === 'compact-days')).toBe(false);
    for (const weights of [{ 'compact-dayz': 1 }, { 'compact-days': -1 }, { 'compact-days': Number.NaN }, { 'room-capacity': 5 }]) {
      expect(() => reportOf(tiny(), meetings, { weights })).toThrow(ProblemError);
    }
  });

  it('rejects an invalid problem with a ProblemError', () => {
    expect(() => checkSchedule({ ...tiny(), timeZone: 'Mars/Base' }, scheduleOf([]))).toThrow(ProblemError);
  });

  it('finds a clean, fully met week feasible and allMet', () => {
    const problem = tiny((p) => (p.patients = p.patients.slice(0, 3)));
    const report = checkSchedule(problem, scheduleOf(fullWeek(['p1', 'p2', 'p3'])));
    expect(report).toMatchObject({ feasible: true, allMet: true, unmet: [] });
    expect(report.score.hard + report.score.requirement).toBe(0);
    expect(report.violations.every((v) => v.level === 'soft')).toBe(true);
  });
});
