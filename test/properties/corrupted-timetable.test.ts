import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSchedule } from '../../src/pipeline/check-schedule.js';
import { CORRUPTIONS, corruptedScheduleArbitrary } from '../support/arbitraries.js';

// Each case starts from a timetable that breaks nothing (see feasible-timetable.test.ts), so the
// rule reporting the breach can only be reporting the corruption.
describe('a timetable corrupted in a known way is always caught with the right code', () => {
  for (const code of CORRUPTIONS) {
    it(code, () => {
      fc.assert(
        fc.property(corruptedScheduleArbitrary({ codes: [code] }), ({ problem, schedule, expectedCode }) => {
          const report = checkSchedule(problem, schedule);
          const found = report.violations.filter((v) => v.rule === expectedCode);
          expect(found.length, `${expectedCode} not reported`).toBeGreaterThan(0);
          expect(found.every((v) => v.penalty > 0)).toBe(true);
          const level = found[0]!.level;
          if (level === 'hard') expect(report.feasible).toBe(false);
          else expect(report.allMet).toBe(false);
        }),
        { numRuns: 15 },
      );
    });
  }
});
