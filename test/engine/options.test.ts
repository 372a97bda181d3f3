import { describe, expect, it } from 'vitest';
import { solve, solveDetailed } from '../../src/pipeline/solve.js';
import { ProblemError } from '../../src/model/issue.js';
import type { Progress } from '../../src/model/options.js';
import { clinic } from './scenario-kit.js';

describe('solve options', () => {
  it('throws a ProblemError for an invalid problem', () => {
    expect(() => solve(undefined as never)).toThrow(ProblemError);
  });

  it('stops on an aborted signal with the best timetable so far', () => {
    const controller = new AbortController();
    controller.abort();
    const { report } = solve(clinic(), { signal: controller.signal, timeLimitMs: 60_000 });
    expect(report.stats?.stoppedBecause).toBe('aborted');
    expect(report.feasible).toBe(true);
  });

  it('stops at the iteration budget and reports its statistics', () => {
    const progress: Progress[] = [];
    const { report } = solve(clinic({ rules: { minWeeklyHours: 12 } }), { seed: 9, maxIterations: 50, timeLimitMs: 60_000, onProgress: (p) => progress.push(p) });
    expect(report.stats).toMatchObject({ seed: 9, iterations: 50, stoppedBecause: 'iteration-limit' });
    expect(report.stats!.firstCompleteMs).toBeLessThanOrEqual(report.stats!.elapsedMs);
    expect(report.stats!.timeToBestMs).toBeGreaterThanOrEqual(report.stats!.firstCompleteMs);
    expect(progress[0]).toMatchObject({ iteration: 0, bestScore: { hard: 0 } });
  });

  it("evaluates no rule of the empty week for construction's first progress report", () => {
    // It carries the score the phases before carried until the first refresh (a second in): the
    // empty week's requirement and soft rules were evaluated only to be evaluated again once its
    // patients were placed.
    const progress: Progress[] = [];
    solve(clinic({ rules: { minWeeklyHours: 12 } }), { seed: 9, maxIterations: 0, timeLimitMs: 60_000, onProgress: (p) => progress.push(p) });
    const compile = progress.find((p) => p.phase === 'compile')!;
    const construct = progress.find((p) => p.phase === 'construct')!;
    expect(construct.bestScore).toEqual(compile.bestScore);
    expect(construct.bestScore).toEqual({ hard: 0, requirement: 0, soft: 0 });
  });

  it('stops at the time limit when no iteration budget is given', () => {
    const { report } = solve(clinic({ rules: { minWeeklyHours: 12 } }), { timeLimitMs: 200 });
    expect(['time-limit', 'no-improvement']).toContain(report.stats?.stoppedBecause);
  });

  it('stops as optimal when nothing is left to gain', () => {
    const problem = clinic();
    const { report } = solve(problem, { maxIterations: 10_000, timeLimitMs: 60_000, weights: Object.fromEntries(['continuity-facilitator', 'continuity-peers', 'primary-therapist', 'compact-days', 'day-preferences', 'group-size-balance', 'staff-load-balance', 'staffed-hours', 'stability'].map((c) => [c, 0])) });
    expect(report.score).toEqual({ hard: 0, requirement: 0, soft: 0 });
    expect(report.stats?.stoppedBecause).toBe('optimal');
  });

  it('counts which hard rules blocked placements, per patient', () => {
    const problem = clinic();
    problem.patients[0]!.availability = { weekly: [{ days: ['MO'], start: '09:00', end: '10:00' }] };
    const { conflicts, report } = solveDetailed(problem, { maxIterations: 50, timeLimitMs: 60_000 });
    expect(report.unmet.some((u) => u.patient === 'day-0')).toBe(true);
    expect(conflicts.count('day-0', 'patient-availability')).toBeGreaterThan(0);
  });

  it('says when the time limit cut construction short, and the partial timetable keeps every hard rule', () => {
    const problem = clinic({ rules: { minWeeklyHours: 12 } });
    const cut = solveDetailed(problem, { timeLimitMs: 0 });
    expect(cut.constructionComplete).toBe(false);
    expect(cut.report.stats).toMatchObject({ iterations: 0, stoppedBecause: 'time-limit' });
    expect(cut.report.feasible).toBe(true);
    const full = solveDetailed(problem, { maxIterations: 10, timeLimitMs: 60_000 });
    expect(full.constructionComplete).toBe(true);
    expect(full.report.score.requirement).toBeLessThan(cut.report.score.requirement);
  });

  it('stops early once every requirement is met and the soft score stops improving', () => {
    const { report } = solve(clinic(), { maxIterations: 1_000_000, timeLimitMs: 120_000 });
    expect(report.score).toMatchObject({ hard: 0, requirement: 0 });
    expect(report.stats?.stoppedBecause).toBe('no-improvement');
    expect(report.stats!.iterations).toBeLessThan(1_000_000);
  });
});
