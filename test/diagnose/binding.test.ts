/**
 * Scenarios where one resource binds (issue 26 item 7): the evening rooms, a credential, a track
 * window. Each asserts the cause `explain` names and that its top repair, applied to the problem
 * and re-solved, serves the patients it claims.
 */
import { describe, expect, it } from 'vitest';
import { applyRepair, explain } from '../../src/pipeline/explain.js';
import { solve } from '../../src/pipeline/solve.js';
import type { Problem } from '../../src/model/problem.js';
import type { Report, Repair } from '../../src/model/report.js';
import { dietitianOnLeave, eveningRoomsBind, shortTrackWindow } from './scenarios.js';

// Iteration budgets, not time, bound every solve: the same result on any machine.
const SOLVE = { seed: 1, maxIterations: 2000, timeLimitMs: 60_000 } as const;

function shortPatients(report: Report): Set<string> {
  return new Set(report.unmet.map((u) => u.patient));
}

/** The explained report, its top repair, and the short patients before and after applying it. */
function topRepairOf(problem: Problem): { report: Report; top: Repair; before: Set<string>; after: Set<string> } {
  const solved = solve(problem, SOLVE);
  const report = explain(problem, solved, { seed: 1, timeLimitMs: 60_000 });
  const top = [...report.unmet.flatMap((u) => u.repairs)].sort((a, b) => (b.effect?.patientsNewlyMet ?? 0) - (a.effect?.patientsNewlyMet ?? 0))[0];
  expect(top, 'a verified repair').toBeDefined();
  expect(top!.verified).toBe(true);
  const changed = applyRepair(problem, report, top!);
  expect(changed, 'applyRepair finds the top repair again').toBeDefined();
  return { report, top: top!, before: shortPatients(solved.report), after: shortPatients(solve(changed!, SOLVE).report) };
}

/** The top repair serves at least the patients it claims: as many fewer short patients as it says newly met. */
function expectServesWhatItClaims({ top, before, after }: { top: Repair; before: Set<string>; after: Set<string> }): void {
  expect(top.effect!.patientsNewlyMet).toBeGreaterThan(0);
  expect(top.worseFor).toBeUndefined();
  expect(before.size - after.size).toBeGreaterThanOrEqual(top.effect!.patientsNewlyMet);
}

describe('one resource binds', () => {
  it('the evening rooms: the cause says so with the figures, the top repair adds a room or moves patients to the day track', () => {
    const result = topRepairOf(eveningRoomsBind());
    for (const entry of result.report.unmet) {
      expect(entry.causes[0]).toMatchObject({ code: 'track-rooms-full', rooms: ['room-a'] });
      expect(entry.causes[0]!.message).toContain('Tue 30 seat-hours needed, 18 offered (167%)');
    }
    expect(['add-room', 'move-to-track']).toContain(result.top.kind);
    expectServesWhatItClaims(result);
    expect(result.after.size).toBe(0);
  });

  it('a credential: the dietitian on leave is named, the top repair adds a per-diem RD', () => {
    const result = topRepairOf(dietitianOnLeave());
    const short = result.report.unmet.filter((u) => u.rule === 'curriculum-min');
    expect(short.length).toBe(4);
    for (const entry of short) expect(entry.causes.some((c) => c.staff?.includes('diet-1') === true)).toBe(true);
    expect(result.top).toMatchObject({ kind: 'add-per-diem-staff' });
    expect(result.top.message).toMatch(/^Add a per-diem RD for the evening track, Tue-Thu 18:00-21:00: 4 more patients meet/);
    expectServesWhatItClaims(result);
  });

  it('a track window: the proof says 6 hours fit, the top repair extends the window to 21:00', () => {
    const result = topRepairOf(shortTrackWindow());
    for (const entry of result.report.unmet.filter((u) => u.rule === 'patient-min-weekly-hours')) {
      expect(entry.causes[0]).toMatchObject({ code: 'resources-hours' });
      expect(entry.causes[0]!.message).toContain('can get at most 6 hours of care this week; the minimum is 9 hours');
      // The window that binds, by name, days and hours: no room or clinician could make up for it.
      expect(entry.causes[0]!.message).toContain("even if free all week: the evening track's window Tue-Thu 18:00-20:00 holds at most 6 hours.");
    }
    expect(result.top).toMatchObject({ kind: 'extend-track-window' });
    expect(result.top.message).toMatch(/^Extend the evening track's hours to 21:00 on Tue, Wed and Thu: 4 more patients meet/);
    expectServesWhatItClaims(result);
    expect(result.after.size).toBe(0);
  });
});
