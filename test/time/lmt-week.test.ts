import { describe, expect, it } from 'vitest';
import { toFhir } from '../../src/export/fhir.js';
import { solve } from '../../src/pipeline/solve.js';
import { checkSchedule } from '../../src/pipeline/check-schedule.js';
import { nextWeek } from '../../src/replan/next-week.js';
import { replan } from '../../src/replan/replan.js';
import { sampleClinic } from '../../src/sample/clinic.js';

// Found by bench/sweep.ts probes: a week before 1883 in Los Angeles (local mean time, -07:52:58)
// was accepted, solved and then refused by toFhir and by replan's check of the published week.
describe('a week kept in local mean time (an offset with seconds)', () => {
  const problem = { ...sampleClinic(), weekStart: '1850-01-07' };
  const { schedule } = solve(problem, { seed: 1, maxIterations: 50, timeLimitMs: 60_000 });

  it('exports to FHIR and carries to the next week and re-plans it', () => {
    expect(toFhir(problem, schedule).entry.length).toBeGreaterThan(0);
    const carried = nextWeek(problem, schedule);
    const replanned = replan(carried.problem, carried.schedule, [], { seed: 1, maxIterations: 50, timeLimitMs: 60_000 });
    expect(checkSchedule(replanned.problem, replanned.schedule).feasible).toBe(true);
  });
});
