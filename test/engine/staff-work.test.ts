import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { replan } from '../../src/replan/replan.js';
import { problemArbitrary } from '../support/arbitraries.js';
import { withStaffWork } from '../support/staff-work.js';
import type { Problem } from '../../src/model/problem.js';
import type { Meeting } from '../../src/model/schedule.js';
import { checkSchedule } from '../../src/pipeline/check-schedule.js';
import { solve, solveDetailed } from '../../src/pipeline/solve.js';
import { parseLocalTime } from '../../src/time/week.js';
import { clinic, patientsOf } from './scenario-kit.js';

/**
 * Issue 24's scenario: a day programme (Monday, Wednesday, Friday 09:00-14:00, three hours of
 * groups a day for sixteen patients in two cohorts, individual therapy once) where every
 * clinician takes a 30-minute break between 11:30 and 13:30 and keeps 10 minutes of notes after
 * each group: still fully served, and the week shows both.
 */
function humaneDayProgramme(): Problem {
  const problem = clinic({ patients: patientsOf('day', 16) });
  problem.tracks[0]!.windows = { weekly: [{ days: ['MO', 'WE', 'FR'], start: '09:00', end: '14:00' }] };
  problem.services[0] = { ...problem.services[0]!, maxSize: 8, notesMinutes: 10 };
  problem.staff = [0, 1, 2, 3].map((i) => ({ id: `clin-${i}`, credentials: ['LCSW'], breaks: [{ minutes: 30, within: { start: '11:30', end: '13:30' } }] }));
  return problem;
}

const minutes = (time: string): number => parseLocalTime(time)!;

/** The longest stretch of `member`'s day free of sessions and notes inside [from, to). */
function longestFree(meetings: readonly Meeting[], notes: number, from: number, to: number): number {
  const busy = meetings.map((m) => [minutes(m.start), minutes(m.end) + (m.service === 'process' ? notes : 0)] as const).sort((a, b) => a[0] - b[0]);
  let longest = 0;
  let free = from;
  for (const [start, end] of busy) {
    longest = Math.max(longest, Math.min(start, to) - free);
    free = Math.max(free, end);
  }
  return Math.max(longest, to - free);
}

describe('a day programme with breaks and notes time', () => {
  it('is fully served, every clinician has 30 free minutes between 11:30 and 13:30, and no group starts inside notes time', () => {
    const problem = humaneDayProgramme();
    const { schedule, report, safetyRejections, constructedScore } = solveDetailed(problem, { seed: 1, maxIterations: 2_000, timeLimitMs: 60_000 });
    expect(checkSchedule(problem, schedule).violations.filter((v) => v.level === 'hard')).toEqual([]);
    // Construction and every move respect the work rules themselves: the catalogue's safety net never had to.
    expect(constructedScore.hard).toBe(0);
    expect(safetyRejections).toBe(0);
    expect(report.allMet).toBe(true);
    // The rules bind: clinicians do work inside the break window and lead groups one after another.
    let workedInWindow = 0;
    for (const member of problem.staff) {
      for (const date of new Set(schedule.meetings.map((m) => m.date))) {
        const mine = schedule.meetings.filter((m) => m.date === date && m.staff.includes(member.id));
        if (mine.length === 0) continue;
        if (mine.some((m) => minutes(m.end) > minutes('11:30') && minutes(m.start) < minutes('13:30'))) workedInWindow++;
        expect(longestFree(mine, 10, minutes('11:30'), minutes('13:30'))).toBeGreaterThanOrEqual(30);
        const groups = mine.filter((m) => m.service === 'process').sort((a, b) => minutes(a.start) - minutes(b.start));
        for (let i = 1; i < groups.length; i++) expect(minutes(groups[i]!.start) - minutes(groups[i - 1]!.end)).toBeGreaterThanOrEqual(10);
      }
    }
    expect(workedInWindow).toBeGreaterThan(0);
  });
});

const WORK_RULES = new Set(['staff-notes-time', 'staff-continuous-work', 'staff-breaks']);

describe('the staff work rules over random problems', () => {
  it('are never broken by solve, nor by replan after a staff call-out', () => {
    fc.assert(
      fc.property(problemArbitrary({ maxPatients: 10 }), fc.integer({ min: 0, max: 1000 }), (drawn, seed) => {
        const problem = withStaffWork(drawn);
        const { schedule } = solve(problem, { seed, maxIterations: 300, timeLimitMs: 60_000 });
        expect(checkSchedule(problem, schedule).violations.filter((v) => WORK_RULES.has(v.rule))).toEqual([]);
        const busiest = schedule.meetings[0]?.staff[0];
        if (busiest === undefined) return;
        const out = { kind: 'staff-out' as const, staff: busiest, date: schedule.meetings[0]!.date };
        const replanned = replan(problem, schedule, [out], { seed, maxIterations: 300, timeLimitMs: 60_000 });
        expect(checkSchedule(problem, replanned.schedule).violations.filter((v) => WORK_RULES.has(v.rule))).toEqual([]);
      }),
      { numRuns: 8, seed: 2026 },
    );
  });
});
