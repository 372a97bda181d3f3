import { describe, expect, it } from 'vitest';
import { buildReport } from '../check/report.js';
import { scheduleContext } from '../compiled/schedule-context.js';
import { resolveWeights } from '../check/weights.js';
import { compileProblem } from '../compiled/compile.js';
import { solve } from '../pipeline/solve.js';
import type { Problem } from '../model/problem.js';
import { allRules } from '../rules/catalogue.js';
import { sampleClinic } from '../sample/clinic.js';
import { withCauses } from './attach-causes.js';
import { findCauses } from './causes.js';
import { diagnoseCompiled } from './diagnose.js';

/** The sample clinic with two patients who cannot be fully served (too few hours free). */
function shortClinic(): Problem {
  const problem = sampleClinic();
  for (const patient of problem.patients.slice(0, 2)) {
    patient.availability = { weekly: [{ days: ['MO'], start: '09:00', end: '10:00' }] };
  }
  return problem;
}

describe('withCauses', () => {
  it('gives every unmet requirement the causes a full diagnosis gives, diagnosing only the patients who fall short', () => {
    const problem = shortClinic();
    const { schedule } = solve(problem, { seed: 1, maxIterations: 300, timeLimitMs: 60_000 });
    const compiled = compileProblem(problem);
    const ctx = scheduleContext(compiled, schedule, undefined);
    const rules = allRules();
    const report = buildReport(ctx, rules, resolveWeights(rules, undefined), ctx.integrity);
    const short = new Set(report.unmet.map((u) => u.patient));
    expect(short.size).toBeGreaterThan(0);
    expect(short.size).toBeLessThan(problem.patients.length);
    const full = findCauses(ctx, report, diagnoseCompiled(compiled).impossible);
    const focused = withCauses(ctx, report).unmet.map((u) => u.causes);
    expect(focused).toEqual(full);
    // The proofs of the first patients' shortfall come through, not only the blocked placements.
    expect(focused.flat().some((c) => c.code === 'availability-hours' || c.code === 'availability-days')).toBe(true);
  });

  it('leaves a report with nothing unmet as it is', () => {
    const problem = sampleClinic();
    const compiled = compileProblem(problem);
    const ctx = scheduleContext(compiled, { timeZone: problem.timeZone, weekStart: problem.weekStart, meetings: [] }, undefined);
    const rules = allRules();
    const report = buildReport(ctx, rules, resolveWeights(rules, undefined), ctx.integrity);
    const nothingUnmet = { ...report, unmet: [] };
    expect(withCauses(ctx, nothingUnmet)).toBe(nothingUnmet);
  });
});
