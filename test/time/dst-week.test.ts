/**
 * The weeks the clock changes (DESIGN section 10): wall-clock times that do not exist are not
 * placeable, and a meeting across the repeated hour counts its real minutes, in the solver and in
 * `checkSchedule` alike. America/Los_Angeles, 2026-03-08 (02:00-03:00 skipped) and 2026-11-01
 * (01:00-02:00 repeated).
 */
import { describe, expect, it } from 'vitest';
import { checkSchedule } from '../../src/pipeline/check-schedule.js';
import { solve } from '../../src/pipeline/solve.js';
import type { Meeting } from '../../src/model/schedule.js';
import { FALL_WEEK, nightGroup, nightSchedule, SPRING_WEEK, sundayNightClinic, touches } from '../support/dst-clinic.js';

const OPTIONS = { seed: 1, maxIterations: 2_000, timeLimitMs: 60_000 };

/** Real minutes between a meeting's published instants. */
function instantMinutes(meeting: Meeting): number {
  return (Date.parse(meeting.endsAt) - Date.parse(meeting.startsAt)) / 60_000;
}

describe('the week DST starts', () => {
  it('never places a meeting in the skipped hour, whatever the seed', () => {
    // Three hours wanted, three wall-clock hours of window, two real ones: the third must stay unmet.
    const problem = sundayNightClinic(SPRING_WEEK, '01:00', '04:00');
    problem.rules = { minWeeklyHours: 3, minDays: 1 };
    for (const seed of [1, 2, 3]) {
      const { schedule, report } = solve(problem, { ...OPTIONS, seed });
      const sunday = schedule.meetings.filter((m) => m.date === '2026-03-08');
      expect(sunday.length).toBeGreaterThan(0);
      expect(sunday.filter((m) => touches(m, '02:00', '03:00'))).toEqual([]);
      for (const m of schedule.meetings) expect(instantMinutes(m)).toBe(60);
      expect(report.score.hard).toBe(0);
      expect(report.patients.every((row) => row.minutes <= 120)).toBe(true);
      expect(checkSchedule(problem, schedule).score).toEqual(report.score);
    }
  });

  it('leaves a track window that lies wholly in the skipped hour empty', () => {
    const problem = sundayNightClinic(SPRING_WEEK, '02:00', '03:00');
    const { schedule } = solve(problem, OPTIONS);
    expect(schedule.meetings).toEqual([]);
  });

  it('checkSchedule flags a hand-placed meeting in the skipped hour', () => {
    const problem = sundayNightClinic(SPRING_WEEK, '01:00', '04:00');
    const { schedule } = solve(problem, OPTIONS);
    const edited = nightSchedule(SPRING_WEEK, [...schedule.meetings, nightGroup(SPRING_WEEK, 'by-hand', 'SU', '02:00', '03:00', { room: 'room-b', staff: ['clin-2'], patients: ['p3', 'p4'] })]);
    const report = checkSchedule(problem, edited);
    const hard = report.violations.filter((v) => v.level === 'hard' && v.meetings.includes('by-hand'));
    expect(hard.map((v) => v.rule)).toContain('nonexistent-time');
    expect(report.score.hard).toBeGreaterThan(0);
  });
});

describe('the week DST ends', () => {
  it('publishes the instants of the repeated hour and counts its real minutes', () => {
    const problem = sundayNightClinic(FALL_WEEK, '00:00', '04:00');
    const across = nightGroup(FALL_WEEK, 'across', 'SU', '01:00', '02:00', { patients: ['p1', 'p2'] });
    expect(across.startsAt).toBe('2026-11-01T01:00:00-07:00');
    expect(across.endsAt).toBe('2026-11-01T02:00:00-08:00');
    const before = nightGroup(FALL_WEEK, 'before', 'SU', '00:00', '01:00', { room: 'room-b', staff: ['clin-2'], patients: ['p3', 'p4'] });
    const report = checkSchedule(problem, nightSchedule(FALL_WEEK, [across, before]));
    const minutes = new Map(report.patients.map((row) => [row.patient, row.minutes]));
    expect(Object.fromEntries(minutes)).toEqual({ p1: 120, p2: 120, p3: 60, p4: 60 });
    expect(report.patients.find((row) => row.patient === 'p1')?.hours).toBe(2);
    expect(report.violations.filter((v) => v.level === 'hard')).toEqual([]);
  });

  it('holds a staff maximum to the real minutes of the repeated hour', () => {
    const problem = sundayNightClinic(FALL_WEEK, '00:00', '04:00');
    problem.staff[0] = { ...problem.staff[0]!, maxDailyHours: 1.5 };
    const report = checkSchedule(problem, nightSchedule(FALL_WEEK, [nightGroup(FALL_WEEK, 'across', 'SU', '01:00', '02:00')]));
    expect(report.violations.filter((v) => v.rule === 'staff-daily-max')).toMatchObject([{ penalty: 30, staff: ['clin-1'] }]);
  });

  it('solves the week with the solver counting as checkSchedule does', () => {
    const problem = sundayNightClinic(FALL_WEEK, '00:00', '04:00');
    problem.rules = { minWeeklyHours: 4, maxWeeklyHours: 4, minDays: 1 };
    const { schedule, report } = solve(problem, OPTIONS);
    expect(checkSchedule(problem, schedule).score).toEqual(report.score);
    expect(report.score.hard).toBe(0);
    for (const row of report.patients) {
      const mine = schedule.meetings.filter((m) => m.patients.includes(row.patient));
      expect(row.minutes).toBe(mine.reduce((sum, m) => sum + instantMinutes(m), 0));
      expect(row.minutes).toBeLessThanOrEqual(240);
    }
    const across = schedule.meetings.filter((m) => touches(m, '01:00', '02:00'));
    for (const m of across) expect(instantMinutes(m)).toBe(m.start === '01:00' ? 120 : 60);
  });
});
