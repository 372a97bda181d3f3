import { describe, expect, it } from 'vitest';
import { buildReport } from '../check/report.js';
import { resolveWeights } from '../check/weights.js';
import { compileProblem } from '../compiled/compile.js';
import { scheduleContext } from '../compiled/schedule-context.js';
import { allRules } from '../rules/catalogue.js';
import { sampleClinic } from '../sample/clinic.js';
import { Budget } from '../time/budget.js';
import { withCauses } from './attach-causes.js';
import { NOT_REACHED, notReachedCause } from './not-reached.js';

/** The report of the sample clinic's empty week: every patient short of every requirement. */
function emptyWeek(): { ctx: ReturnType<typeof scheduleContext>; report: ReturnType<typeof buildReport> } {
  const problem = sampleClinic();
  const ctx = scheduleContext(compileProblem(problem), { timeZone: problem.timeZone, weekStart: problem.weekStart, meetings: [] }, undefined);
  const rules = allRules();
  return { ctx, report: buildReport(ctx, rules, resolveWeights(rules, undefined), ctx.integrity) };
}

describe('notReachedCause', () => {
  it('says the time limit cut construction before the patient, and that more time is the repair', () => {
    const cause = notReachedCause('p-07');
    expect(cause.code).toBe(NOT_REACHED);
    expect(cause.message).toContain('p-07');
    expect(cause.message).toContain('time limit');
    expect(cause.message).toContain('larger timeLimitMs');
    expect(notReachedCause('p-07', true).message).toContain('aborted');
  });
});

describe('withCauses with patients construction never reached', () => {
  const { ctx, report } = emptyWeek();
  const patients = [...new Set(report.unmet.map((entry) => entry.patient))];

  it('gives their entries the one not-reached cause and the others the full analysis, in order', () => {
    const notReached = new Set(patients.slice(1));
    const cut = withCauses(ctx, report, undefined, { proofs: false, notReached });
    const full = withCauses(ctx, report, undefined, { proofs: false });
    expect(cut.unmet.map((entry) => entry.patient)).toEqual(report.unmet.map((entry) => entry.patient));
    cut.unmet.forEach((entry, i) => {
      if (notReached.has(entry.patient)) expect(entry.causes).toEqual([notReachedCause(entry.patient)]);
      else expect(entry.causes).toEqual(full.unmet[i]!.causes);
    });
    expect(cut.unmet.some((entry) => !notReached.has(entry.patient))).toBe(true);
  });

  it('costs no analysis for them: not one read of the clock when nobody was reached', () => {
    let reads = 0;
    const budget = new Budget({ timeLimitMs: 1e9, now: () => reads++ });
    const before = reads;
    const cut = withCauses(ctx, report, undefined, { budget, notReached: new Set(patients) });
    expect(reads).toBe(before);
    for (const entry of cut.unmet) expect(entry.causes.map((cause) => cause.code)).toEqual([NOT_REACHED]);
  });
});
