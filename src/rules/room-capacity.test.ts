import { describe, expect, it } from 'vitest';
import { checkSchedule } from '../pipeline/check-schedule.js';
import { meeting, scheduleOf, tinyProblem } from '../../test/support/tiny.js';

const code = 'room-capacity';

describe(code, () => {
  it('reports a group over the room capacity, by how many', () => {
    const report = checkSchedule(
      tinyProblem(),
      scheduleOf([meeting({ id: 'm1', service: 'process', track: 'evening', day: 'TU', start: '18:00', room: 'room-a', staff: ['clin-1'], patients: ['p1', 'p2', 'p3', 'p4'] })]),
    );
    const found = report.violations.filter((v) => v.rule === code);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ penalty: 1, meetings: ['m1'], rooms: ['room-a'], date: '2026-11-24' });
  });

  it('accepts a group that fits', () => {
    const report = checkSchedule(
      tinyProblem(),
      scheduleOf([meeting({ id: 'm1', service: 'process', track: 'evening', day: 'TU', start: '18:00', room: 'room-a', staff: ['clin-1'], patients: ['p1', 'p2', 'p3'] })]),
    );
    expect(report.violations.filter((v) => v.rule === code)).toEqual([]);
    expect(report.byRule.find((r) => r.rule === code)).toMatchObject({ violations: 0, penalty: 0 });
  });
});
