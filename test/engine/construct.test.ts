import { describe, expect, it } from 'vitest';
import { solve } from '../../src/pipeline/solve.js';
import type { Problem } from '../../src/model/problem.js';
import { clinic, meetingsOf } from './scenario-kit.js';

/**
 * Over-full: one group hour on each of three evenings, one room of three seats, and five patients
 * who each want three hours on three days. Nine seats for fifteen wanted hours.
 */
function overFull(): Problem {
  return {
    ...clinic(),
    tracks: [{ id: 'evening', windows: { weekly: [{ days: ['TU', 'WE', 'TH'], start: '18:00', end: '19:00' }] } }],
    services: [{ id: 'process', kind: 'group', durationMinutes: 60, minSize: 2, maxSize: 3, staff: [{ credentials: ['LCSW'] }], room: { features: ['group'] } }],
    rooms: [{ id: 'group-a', capacity: 3, features: ['group'] }],
    patients: Array.from({ length: 5 }, (_, i) => ({ id: `p-${i}`, tracks: ['evening'], rules: { minWeeklyHours: 3, minDays: 3 } })),
  };
}

describe('construction', () => {
  it('passes the seats round when there are fewer than the hours wanted, instead of filling every hour with the same patients', () => {
    // Under triage 'spread': the default whole-patient triage serves three of the five wholly instead.
    const { schedule, report } = solve(overFull(), { seed: 1, maxIterations: 0, triage: 'spread' });
    expect(report.stats?.iterations).toBe(0);
    expect(report.score.hard).toBe(0);
    const seats = schedule.meetings.reduce((sum, m) => sum + m.patients.length, 0);
    expect(seats).toBe(9);
    // Nine seats among five patients: everyone has at least one. (Cohorts keep peers together,
    // so the spread is not perfectly even: one patient may have three while another has one.)
    const hours = overFull().patients.map((p) => meetingsOf(schedule.meetings, p.id).length);
    expect(Math.min(...hours)).toBeGreaterThanOrEqual(1);
  });
});
