import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSchedule } from '../../src/pipeline/check-schedule.js';
import { feasibleProblemArbitrary } from '../support/arbitraries.js';

describe('a timetable drawn first, with the problem fitted around it', () => {
  it('breaks no hard rule and meets every requirement of every patient', () => {
    fc.assert(
      fc.property(feasibleProblemArbitrary(), ({ problem, schedule }) => {
        const report = checkSchedule(problem, schedule);
        expect(report.violations.filter((v) => v.level !== 'soft').map((v) => `${v.rule}: ${v.message}`)).toEqual([]);
        expect(report.feasible).toBe(true);
        expect(report.allMet).toBe(true);
        expect(report.unmet).toEqual([]);
        expect(report.patients.every((row) => row.met)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});
