/**
 * Whole-patient triage (SolveOptions.triage, rule patients-short, move serve-whole) on the
 * over-full evening: 20 patients, 12 seats, 9 hours of group time.
 */
import { describe, expect, it } from 'vitest';
import { scheduleContext } from '../../src/compiled/schedule-context.js';
import { compileProblem } from '../../src/compiled/compile.js';
import { createEngine } from '../../src/engine/kernel/create.js';
import { MOVES } from '../../src/engine/moves/index.js';
import { assertValidProblem } from '../../src/input/validate.js';
import type { SolveOptions } from '../../src/model/options.js';
import type { Report } from '../../src/model/report.js';
import { solveDetailed } from '../../src/pipeline/solve.js';
import { sampleClinic } from '../../src/sample/clinic.js';
import { allRules } from '../../src/rules/catalogue.js';
import { minutesShort, TRIAGE_OFF } from '../../src/rules/patients-short.js';
import { applyLikeSearch, expectScoreFromScratch } from './engine-kit.js';
import { overFullEvening } from './over-full-evening.js';

const budget: SolveOptions = { seed: 1, maxIterations: 5000, timeLimitMs: 60_000 };
const served = (report: Report): string[] => report.patients.filter((row) => row.met).map((row) => row.patient);
const serveWhole = MOVES.find((entry) => entry.name === 'serve-whole')!.move;

describe('whole-patient triage', () => {
  it('serves 12 of the 20 wholly by default and reports the other 8 as not served; spread serves none wholly', () => {
    const { report } = solveDetailed(overFullEvening(), budget);
    expect(served(report)).toHaveLength(12);
    const notServed = report.violations.filter((v) => v.rule === 'patients-short').map((v) => v.patients[0]);
    expect(notServed).toHaveLength(8);
    expect(new Set([...notServed, ...served(report)]).size).toBe(20);
    // Every one of them has unmet entries with their causes.
    for (const id of notServed) expect(report.unmet.filter((u) => u.patient === id).every((u) => u.causes.length > 0)).toBe(true);
    const spread = solveDetailed(overFullEvening(), { ...budget, maxIterations: 2000, triage: 'spread' }).report;
    // Spread weighs minutes alone: whether a few happen to be whole is the path's accident
    // (construction leaves 4; the search ends with 0 to 4 by seed), never the 12 triage serves.
    expect(served(spread).length).toBeLessThanOrEqual(4);
    // The same 108 seat-hours either way, given to 12 patients instead of shared by 20; spread's
    // shortfall is the smaller (the 8 not served miss their days too).
    const hours = (r: Report): number => r.patients.reduce((sum, row) => sum + row.hours, 0);
    expect(hours(report)).toBe(108);
    expect(hours(spread)).toBe(108);
    expect(spread.score.requirement).toBeLessThan(minutesShort(report));
  });

  it('serves the higher priorities first', () => {
    const priorities = Array.from({ length: 20 }, (_, i) => (i % 3 === 2 ? 1 : 0));
    const { report } = solveDetailed(overFullEvening(priorities), budget);
    const urgent = report.patients.filter((_, i) => priorities[i] === 1);
    expect(urgent.map((row) => row.met)).toEqual(urgent.map(() => true));
    expect(served(report)).toHaveLength(12);
  });

  it('serve-whole seats the patient nearest to served in the places of those further from it, and the score agrees with checkSchedule', () => {
    const problem = overFullEvening();
    const compiled = compileProblem(assertValidProblem(problem));
    const { schedule } = solveDetailed(problem, { ...budget, triage: 'spread' });
    const start = scheduleContext(compiled, schedule).meetings;
    const engine = createEngine(compiled, allRules(), new Map(), 0, { initial: start });
    const met = (): number => engine.problem.patients.filter((p) => engine.state.board.subjectPenalty('patient', p.index, 'requirement') === 0).length;
    const before = met();
    expect(before).toBeLessThanOrEqual(4);
    expect(applyLikeSearch(engine, serveWhole)).toBe(true);
    expect(met()).toBe(before + 1);
    expectScoreFromScratch(problem, engine);
    // Under 'spread' there is no queue to serve: the move declines.
    const off = createEngine(compiled, allRules(), new Map([TRIAGE_OFF]), 0, { initial: start });
    expect(serveWhole(off)).toBe(false);
  });

  it('leaves a week where everyone can be served as it was: the same timetable under both modes', () => {
    const options: SolveOptions = { seed: 2, maxIterations: 1000, timeLimitMs: 60_000 };
    const whole = solveDetailed(sampleClinic(), options);
    const spread = solveDetailed(sampleClinic(), { ...options, triage: 'spread' });
    expect(whole.report.allMet).toBe(true);
    expect(whole.schedule).toEqual(spread.schedule);
  });
});
