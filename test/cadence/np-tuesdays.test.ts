/**
 * Scenario: the nurse practitioner works Tuesdays only; 30 patients on a 14-28-day medication
 * review cadence, with staggered histories, planned over 8 weeks. Every patient is seen within 28
 * days of the previous review, never within 14, and the NP's Tuesdays stay level across weeks.
 */
import { describe, expect, it } from 'vitest';
import { planWeeks } from '../../src/pipeline/plan-weeks.js';
import type { Problem } from '../../src/model/problem.js';
import { addDays } from '../../src/time/week.js';

const WEEK = '2026-11-23';
const FIRST_TUESDAY = '2026-11-24';

/**
 * One track with no weekly minimum (the scenario is the reviews), a 30-minute review the NP gives
 * in one office on Tuesdays 09:00-16:00 (14 reviews), 30 patients whose last reviews were 7, 14,
 * 21 or 28 days before the first Tuesday.
 */
export function npClinic(): Problem {
  return {
    timeZone: 'America/Chicago',
    weekStart: WEEK,
    rules: { minWeeklyHours: 0, minDays: 0 },
    tracks: [{ id: 'day', windows: { weekly: [{ days: ['MO', 'TU', 'WE', 'TH', 'FR'], start: '09:00', end: '12:00' }] } }],
    services: [{ id: 'med-review', kind: 'individual', durationMinutes: 30, staff: [{ credentials: ['PMHNP'] }], room: { features: ['office'] } }],
    staff: [{ id: 'np', credentials: ['PMHNP'], availability: { weekly: [{ days: ['TU'], start: '09:00', end: '16:00' }] } }],
    rooms: [{ id: 'office', capacity: 1, features: ['office'] }],
    patients: Array.from({ length: 30 }, (_, i) => ({
      id: `p${String(i + 1).padStart(2, '0')}`,
      tracks: ['day'],
      requires: [{ service: 'med-review', cadence: { minDays: 14, maxDays: 28 } }],
      history: [{ service: 'med-review', date: addDays(FIRST_TUESDAY, -7 * (1 + (i % 4))) }],
    })),
  };
}

const days = (from: string, to: string): number => (Date.parse(to) - Date.parse(from)) / 86_400_000;

describe('an NP on Tuesdays only, 30 patients every 14-28 days, 8 weeks', () => {
  it('sees everyone within 28 days of the previous review, never within 14, with level Tuesdays', () => {
    const problem = npClinic();
    const plan = planWeeks(problem, { weeks: 8, seed: 1, maxIterations: 200, timeLimitMs: 120_000, forecast: { max: 0 } });
    const perWeek = plan.weeks.map((week) => week.schedule.meetings.filter((m) => m.service === 'med-review').length);
    for (const week of plan.weeks) {
      expect(week.report.score.hard).toBe(0);
      expect(week.report.unmet).toEqual([]);
      for (const m of week.schedule.meetings) expect(m.day).toBe('TU');
    }
    const horizon = addDays(WEEK, 7 * 8);
    for (const patient of problem.patients) {
      const visits = [patient.history![0]!.date, ...plan.weeks.flatMap((w) => w.schedule.meetings.filter((m) => m.patients.includes(patient.id)).map((m) => m.date))];
      for (let i = 1; i < visits.length; i++) {
        const gap = days(visits[i - 1]!, visits[i]!);
        expect(gap, `${patient.id}: ${visits.join(' ')}`).toBeGreaterThanOrEqual(14);
        expect(gap, `${patient.id}: ${visits.join(' ')}`).toBeLessThanOrEqual(28);
      }
      expect(days(visits.at(-1)!, horizon), `${patient.id} is not overdue at the end`).toBeLessThanOrEqual(28);
    }
    // Level: every Tuesday within 2 reviews of the others (capacity 14, 30 patients every 2-4 weeks).
    expect(Math.max(...perWeek) - Math.min(...perWeek), perWeek.join(' ')).toBeLessThanOrEqual(2);
  });
});
