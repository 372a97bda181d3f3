import { describe, expect, it } from 'vitest';
import { checkSchedule } from '../pipeline/check-schedule.js';
import { FALL_WEEK, nightGroup, nightSchedule, SPRING_WEEK, sundayNightClinic } from '../../test/support/dst-clinic.js';

const code = 'nonexistent-time';
const spring = sundayNightClinic(SPRING_WEEK, '01:00', '04:00');

function found(weekStart: string, start: string, end: string): ReturnType<typeof checkSchedule> {
  const problem = weekStart === SPRING_WEEK ? spring : sundayNightClinic(FALL_WEEK, '00:00', '04:00');
  return checkSchedule(problem, nightSchedule(weekStart, [nightGroup(weekStart, 'g1', 'SU', start, end)]));
}

describe(code, () => {
  it.each([
    ['02:00', '03:00'],
    ['01:30', '02:30'],
    ['02:30', '03:30'],
  ])('reports a meeting at %s-%s on the night the clock skips 02:00-03:00, and only under this rule', (start, end) => {
    const report = found(SPRING_WEEK, start, end);
    const hard = report.violations.filter((v) => v.level === 'hard');
    expect(hard).toHaveLength(1);
    expect(hard[0]).toMatchObject({ rule: code, penalty: 1, meetings: ['g1'], date: '2026-03-08' });
    expect(hard[0]!.message).toContain('does not exist');
    expect(report.byRule.find((row) => row.rule === code)).toMatchObject({ violations: 1, penalty: 1 });
  });

  it.each([
    [SPRING_WEEK, '01:00', '02:00'],
    [SPRING_WEEK, '03:00', '04:00'],
    [FALL_WEEK, '01:00', '02:00'],
  ])('accepts meetings around the gap and across the repeated hour (%s %s-%s)', (weekStart, start, end) => {
    const report = found(weekStart, start, end);
    expect(report.violations.filter((v) => v.level === 'hard')).toEqual([]);
    expect(report.byRule.find((row) => row.rule === code)).toMatchObject({ violations: 0, penalty: 0 });
  });
});
