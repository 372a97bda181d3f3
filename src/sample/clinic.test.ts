import { describe, expect, it } from 'vitest';
import { checkSchedule } from '../pipeline/check-schedule.js';
import { solve } from '../pipeline/solve.js';
import { validateProblem } from '../input/validate.js';
import type { Report } from '../model/report.js';
import { sampleClinic } from './clinic.js';
import { greedyWeek, shortfalls } from './witness.js';

function hardViolations(report: Report): string[] {
  return report.violations.filter((v) => v.level === 'hard').map((v) => `${v.rule}: ${v.message}`);
}

describe('sampleClinic', () => {
  it('is a valid problem, and the same problem on every call', () => {
    const result = validateProblem(sampleClinic());
    expect(result.ok ? [] : result.issues).toEqual([]);
    expect(sampleClinic()).toEqual(sampleClinic());
    expect(sampleClinic()).not.toBe(sampleClinic());
  });

  it('has the shape the documentation promises', () => {
    const problem = sampleClinic();
    expect(problem.patients).toHaveLength(40);
    expect(problem.closedDates ?? []).toEqual([]);
    expect(problem.patients.filter((p) => p.requires?.some((r) => r.service === 'medication-management'))).toHaveLength(9);
    expect(problem.patients.every((p) => /^p-\d\d$/.test(p.id) && p.primaryStaff !== undefined)).toBe(true);
    expect(problem.rooms.filter((r) => r.features?.includes('group-room')).map((r) => r.capacity)).toEqual([12, 12, 10]);
  });

  it('can be fully met: a greedy timetable gives every patient 9+ hours, 3+ days, the curriculum and individual sessions', () => {
    // The greedy witness knows nothing of notes time and breaks: it is held to the clinic without them.
    const problem = sampleClinic({ workRules: false });
    const schedule = greedyWeek(problem);
    expect(shortfalls(problem, schedule, 540)).toEqual([]);
    const report = checkSchedule(problem, schedule);
    expect(hardViolations(report)).toEqual([]);
    expect(report.unmet).toEqual([]);
    expect(report.patients.every((row) => row.hours >= 9 && row.hours <= 19)).toBe(true);
  });

  it('gives every group 10 minutes of notes and every clinician a meal break, and is still fully served', () => {
    const problem = sampleClinic();
    expect(problem.services.filter((s) => s.kind === 'group').every((s) => s.notesMinutes === 10)).toBe(true);
    expect(problem.staff.every((member) => member.breaks?.length === 1 && member.breaks[0]!.minutes === 30)).toBe(true);
    const { schedule, report } = solve(problem, { seed: 1, maxIterations: 3_000, timeLimitMs: 60_000 });
    expect(report.allMet).toBe(true);
    const checked = checkSchedule(problem, schedule);
    expect(hardViolations(checked)).toEqual([]);
    expect(checked.unmet).toEqual([]);
    // Without them it is the same clinic.
    const plain = sampleClinic({ workRules: false });
    expect(plain.staff.some((member) => member.breaks !== undefined)).toBe(false);
    expect(plain.services.some((s) => s.notesMinutes !== undefined)).toBe(false);
    expect(plain.patients).toEqual(problem.patients);
  });

  it('overbooked: more evening patients than the group rooms seat, one free only two evenings', () => {
    const problem = sampleClinic({ variant: 'overbooked' });
    const result = validateProblem(problem);
    expect(result.ok ? [] : result.issues).toEqual([]);
    const evening = problem.patients.filter((p) => p.tracks[0] === 'evening');
    const seats = problem.rooms.filter((r) => r.features?.includes('group-room')).reduce((sum, r) => sum + r.capacity, 0);
    expect(evening.length * 9).toBeGreaterThan(seats * 9);
    expect(problem.patients.at(-1)!.availability).toEqual({ weekly: [{ days: ['TU', 'TH'], start: '17:00', end: '21:00' }] });
    const schedule = greedyWeek(problem);
    expect(shortfalls(problem, schedule, 540).length).toBeGreaterThan(0);
  });

  it('thanksgiving: closes Thursday, moves the evening block to Monday, and leaves the narrow evening patients short', () => {
    const problem = sampleClinic({ thanksgiving: true });
    expect(problem.closedDates).toEqual(['2026-11-26']);
    const schedule = greedyWeek(problem);
    expect(schedule.meetings.some((m) => m.date === '2026-11-26')).toBe(false);
    const short = shortfalls(problem, schedule, 540).map((line) => line.split(':')[0]);
    const narrow = problem.patients.filter((p) => p.availability?.weekly?.[0]?.days.join() === 'TU,WE,TH').map((p) => p.id);
    // Free only TU/WE 17:00-21:00 now: at most 6 group hours and 2 other hours.
    expect(narrow).toHaveLength(3);
    for (const id of narrow) expect(short).toContain(id);
    expect(problem.patients.filter((p) => short.includes(p.id)).every((p) => p.tracks[0] === 'evening')).toBe(true);
  });
});
