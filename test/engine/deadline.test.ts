/**
 * One budget per public call: an aborted signal or a spent limit stops every phase, progress
 * names the phase. No wall time is measured: the assertions are on iterations, construction
 * and causes.
 */
import { describe, expect, it } from 'vitest';
import { generateProgram } from '../../bench/generate.js';
import { checkSchedule } from '../../src/pipeline/check-schedule.js';
import { solve, solveDetailed } from '../../src/pipeline/solve.js';
import type { Progress } from '../../src/model/options.js';
import type { Report } from '../../src/model/report.js';
import type { Schedule } from '../../src/model/schedule.js';
import { replan } from '../../src/replan/replan.js';
import { clinic } from './scenario-kit.js';

function aborted(): AbortSignal {
  const controller = new AbortController();
  controller.abort();
  return controller.signal;
}

/** Whether every unmet entry says its causes were not analysed. */
function everyEntryNotAnalysed(report: Report): boolean {
  return report.unmet.every((entry) => entry.causes.some((cause) => cause.code === 'not-analysed'));
}

const problem = generateProgram({ patients: 24, seed: 3 });
const empty: Schedule = { timeZone: problem.timeZone, weekStart: problem.weekStart, meetings: [] };

describe('a pre-aborted signal', () => {
  it('stops solve before construction and search, every patient not reached (by the abort)', () => {
    const { report, constructionComplete } = solveDetailed(problem, { seed: 1, timeLimitMs: 60_000, signal: aborted() });
    expect(report.stats).toMatchObject({ iterations: 0, stoppedBecause: 'aborted', constructionComplete: false });
    expect(constructionComplete).toBe(false);
    expect(report.feasible).toBe(true);
    expect(report.unmet.length).toBeGreaterThan(0);
    for (const entry of report.unmet) expect(entry.causes.map((cause) => cause.code)).toEqual(['not-reached']);
    expect(report.unmet[0]!.causes[0]!.message).toContain('aborted');
  });

  it('stops replan before serving, causes not analysed', () => {
    const { schedule } = solve(problem, { seed: 1, maxIterations: 100, timeLimitMs: 60_000 });
    const { avoid: _avoid, ...template } = problem.patients[0]!;
    const admitted = { ...structuredClone(template), id: 'admitted-1' };
    const { report } = replan(problem, schedule, [{ kind: 'admit', patient: admitted }], { timeLimitMs: 60_000, signal: aborted() });
    expect(report.stats).toMatchObject({ iterations: 0, stoppedBecause: 'aborted' });
    expect(report.unmet.some((entry) => entry.patient === 'admitted-1')).toBe(true);
    expect(everyEntryNotAnalysed(report)).toBe(true);
  });

  it('stops checkSchedule\'s cause analysis: every unmet entry not analysed, the rules still all checked', () => {
    const full = checkSchedule(problem, empty, { timeLimitMs: Infinity });
    const cut = checkSchedule(problem, empty, { signal: aborted() });
    expect(cut.unmet.length).toBe(full.unmet.length);
    expect(cut.score).toEqual(full.score);
    expect(everyEntryNotAnalysed(cut)).toBe(true);
    expect(full.unmet.some((entry) => entry.causes.some((cause) => cause.code === 'not-analysed'))).toBe(false);
    expect(cut.unmet[0]!.causes.find((cause) => cause.code === 'not-analysed')!.message).toContain('aborted');
  });
});

describe('a spent time limit', () => {
  it('leaves every unmet entry of checkSchedule not analysed at timeLimitMs 0', () => {
    const report = checkSchedule(problem, empty, { timeLimitMs: 0 });
    expect(report.unmet.length).toBeGreaterThan(0);
    expect(everyEntryNotAnalysed(report)).toBe(true);
    expect(report.unmet[0]!.causes.find((cause) => cause.code === 'not-analysed')!.message).toContain('time limit');
  });
});

describe('onProgress', () => {
  it('names the phases, construction and search among them, in order', () => {
    const phases: Progress['phase'][] = [];
    solve(clinic(), { seed: 2, maxIterations: 200, timeLimitMs: 60_000, onProgress: (p) => phases.push(p.phase) });
    const order = [...new Set(phases)];
    expect(order).toEqual(expect.arrayContaining(['construct', 'search']));
    expect(order.indexOf('construct')).toBeLessThan(order.indexOf('search'));
  });

  it('an abort inside onProgress during construction cuts construction and skips the search', () => {
    const controller = new AbortController();
    const onProgress = (p: Progress): void => {
      if (p.phase === 'construct') controller.abort();
    };
    const { report, constructionComplete } = solveDetailed(problem, { seed: 1, timeLimitMs: 60_000, signal: controller.signal, onProgress });
    expect(constructionComplete).toBe(false);
    expect(report.stats).toMatchObject({ iterations: 0, stoppedBecause: 'aborted' });
  });

  it('checkSchedule reports its analysis as phase causes, and an abort there stops it', () => {
    const controller = new AbortController();
    const phases: Progress['phase'][] = [];
    const report = checkSchedule(problem, empty, {
      signal: controller.signal,
      onProgress: (p) => {
        phases.push(p.phase);
        if (p.phase === 'causes') controller.abort();
      },
    });
    expect(phases).toContain('causes');
    expect(everyEntryNotAnalysed(report)).toBe(true);
  });
});
