/**
 * Helpers for rule tests over the tiny clinic: run `checkSchedule` and keep one rule's
 * violations, tweak a copy of the tiny problem, and build the usual meetings in one line.
 */
import { expect } from 'vitest';
import { checkSchedule, type CheckOptions } from '../../src/pipeline/check-schedule.js';
import type { Problem, Weekday } from '../../src/model/problem.js';
import type { Report, Violation } from '../../src/model/report.js';
import type { Meeting } from '../../src/model/schedule.js';
import { meeting, scheduleOf, tinyProblem } from './tiny.js';

/** A fresh tiny problem, changed by `change` (which may mutate the copy it is given). */
export function tiny(change?: (problem: Problem) => void): Problem {
  const problem = tinyProblem();
  change?.(problem);
  return problem;
}

/** The full report of `meetings` on `problem`. */
export function reportOf(problem: Problem, meetings: Meeting[], options?: CheckOptions): Report {
  return checkSchedule(problem, scheduleOf(meetings), options);
}

/** Only the violations of rule `code`. */
export function violationsOf(code: string, problem: Problem, meetings: Meeting[], options?: CheckOptions): Violation[] {
  return reportOf(problem, meetings, options).violations.filter((v) => v.rule === code);
}

/** Asserts that rule `code` finds nothing, and that its byRule row is zero. */
export function expectKept(code: string, problem: Problem, meetings: Meeting[], options?: CheckOptions): void {
  const report = reportOf(problem, meetings, options);
  expect(report.violations.filter((v) => v.rule === code)).toEqual([]);
  expect(report.byRule.find((row) => row.rule === code)).toMatchObject({ violations: 0, penalty: 0, weighted: 0 });
}

/**
 * Asserts that rule `code` finds exactly `expected` (in order; each matched as a subset of the
 * violation, so name at least penalty and the subjects) and that its byRule row sums them.
 */
export function expectBroken(code: string, problem: Problem, meetings: Meeting[], expected: Array<Partial<Violation>>, options?: CheckOptions): Violation[] {
  const report = reportOf(problem, meetings, options);
  const found = report.violations.filter((v) => v.rule === code);
  expect(found).toHaveLength(expected.length);
  expected.forEach((want, index) => expect(found[index]).toMatchObject(want));
  for (const violation of found) {
    expect(Number.isInteger(violation.penalty) && violation.penalty > 0).toBe(true);
    expect(violation.message.length).toBeGreaterThan(10);
  }
  const total = found.reduce((sum, v) => sum + v.penalty, 0);
  expect(report.byRule.find((row) => row.rule === code)).toMatchObject({ violations: found.length, penalty: total });
  return found;
}

/** Dates of the tiny week, by weekday. */
export const DATE: Readonly<Record<Weekday, string>> = {
  MO: '2026-11-23',
  TU: '2026-11-24',
  WE: '2026-11-25',
  TH: '2026-11-26',
  FR: '2026-11-27',
  SA: '2026-11-28',
  SU: '2026-11-29',
};

/** A well-formed evening process group in room-a led by clin-1 (override any field). */
export function group(id: string, day: Weekday, start: string, patients: string[], fields: Partial<Meeting> = {}, minutes = 60): Meeting {
  return meeting({ id, service: 'process', track: 'evening', day, start, room: 'room-a', staff: ['clin-1'], patients, ...fields }, minutes);
}

/** A well-formed in-person individual session in office-1 led by clin-1 (override any field). */
export function individual(id: string, day: Weekday, start: string, patient: string, fields: Partial<Meeting> = {}, minutes = 60): Meeting {
  return meeting({ id, service: 'individual', day, start, room: 'office-1', staff: ['clin-1'], patients: [patient], ...fields }, minutes);
}

/** Three evening groups Tue/Wed/Thu 18:00-21:00 for `patients`: 9 hours over 3 days, every rule kept. */
export function fullWeek(patients: string[], prefix = 'g'): Meeting[] {
  const meetings: Meeting[] = [];
  for (const day of ['TU', 'WE', 'TH'] as const) {
    for (const start of ['18:00', '19:00', '20:00']) meetings.push(group(`${prefix}-${day}-${start.slice(0, 2)}`, day, start, patients));
  }
  return meetings;
}
