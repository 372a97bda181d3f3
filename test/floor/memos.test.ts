/**
 * The fixed floor's memos (issue 22 item 1) change no figure: hours rules resolved once per track
 * for the patients without rules of their own, triage weights from those shared rules, and one
 * homogeneity list per set of prefixes, each equal to the per-patient computation they replace.
 */
import { describe, expect, it } from 'vitest';
import { generateProgram } from '../../bench/generate.js';
import { compileProblem, type CompiledProblem } from '../../src/compiled/compile.js';
import { resolvedRules } from '../../src/compiled/hours-rules.js';
import { prorateRules } from '../../src/compiled/partial-week.js';
import { prepare } from '../../src/compiled/prepared.js';
import { resolveHoursRules } from '../../src/input/defaults.js';
import { assertValidProblem } from '../../src/input/validate.js';
import type { Problem } from '../../src/model/problem.js';
import { HOUR_EQUIVALENT } from '../../src/rules/requirements.js';
import { triageWeights } from '../../src/rules/patients-short.js';

/** A generated clinic with rolling admissions, track rules, patients with rules of their own and with two tracks. */
function mixedClinic(): Problem {
  const problem = generateProgram({ patients: 120, seed: 3, partialWeeks: true });
  problem.tracks[1]!.rules = { minWeeklyHours: 6, minDailyMinutes: 90 };
  problem.patients.forEach((patient, i) => {
    if (i % 7 === 0) patient.rules = { minWeeklyHours: 10.5, minDays: 2, minDailyServices: 1, partialWeek: i % 2 === 0 ? 'exempt' : 'prorate' };
    if (i % 11 === 0 && patient.tracks[0] !== problem.tracks[1]!.id) patient.tracks = [...patient.tracks, problem.tracks[1]!.id];
    if (i % 13 === 0) patient.priority = 2;
  });
  return problem;
}

/** The triage base as it was computed before the memo: every patient, every track, resolved afresh. */
function baseByHand(problem: CompiledProblem): number {
  let base = 1;
  problem.patients.forEach((compiled, patient) => {
    let worst = 0;
    for (const track of [-1, ...compiled.tracks]) {
      const source = problem.source;
      const whole = resolveHoursRules(source.rules, track >= 0 ? source.tracks[track]?.rules : undefined, source.patients[patient]?.rules);
      const rules = prorateRules(problem, patient, track, whole);
      let total = Math.ceil(rules.minWeeklyHours * 60) + Math.ceil(rules.minDays) * HOUR_EQUIVALENT;
      total += 7 * (Math.ceil(rules.minDailyMinutes ?? 0) + Math.ceil(rules.minDailyServices ?? 0) * HOUR_EQUIVALENT);
      for (const entry of [...(track >= 0 ? (problem.tracks[track]?.curriculum ?? []) : []), ...compiled.requires]) {
        total += Math.max(0, entry.min) * (problem.services[entry.service]?.durationMinutes ?? 0);
      }
      worst = Math.max(worst, total);
    }
    base += worst;
  });
  return base;
}

describe('the floor memos', () => {
  it('resolve the hours rules once per track for patients without rules of their own, with the values resolved one by one', () => {
    const compiled = compileProblem(assertValidProblem(mixedClinic()));
    const source = compiled.source;
    const sharedByTrack = new Map<number, object>();
    let shared = 0;
    compiled.patients.forEach((patient, p) => {
      for (const track of [-1, ...patient.tracks]) {
        const rules = resolvedRules(compiled, p, track);
        const whole = resolveHoursRules(source.rules, track >= 0 ? source.tracks[track]?.rules : undefined, source.patients[p]?.rules);
        expect(rules).toEqual(prorateRules(compiled, p, track, whole));
        if (source.patients[p]?.rules !== undefined || prorateRules(compiled, p, track, whole) !== whole) continue;
        // One object per track for everyone it applies to whole.
        const first = sharedByTrack.get(track);
        if (first === undefined) sharedByTrack.set(track, rules);
        else {
          expect(rules).toBe(first);
          shared += 1;
        }
      }
    });
    expect(shared).toBeGreaterThan(100);
  });

  it('give the triage weights the per-patient computation gave', () => {
    const compiled = compileProblem(assertValidProblem(mixedClinic()));
    const { weight, base } = triageWeights(compiled);
    expect(base).toBe(baseByHand(compiled));
    compiled.patients.forEach((_, p) => expect(weight[p]).toBe(compiled.source.patients[p]!.priority === 2 ? base * (compiled.patients.length - 10 + 1) : base));
  });

  it('give services kept apart by the same prefixes one list of homogeneity keys, equal to the keys built per service', () => {
    const compiled = compileProblem(assertValidProblem(mixedClinic()));
    const { homogeneity } = prepare(compiled);
    const lists = new Set<unknown>();
    compiled.services.forEach((service) => {
      const keys = homogeneity[service.index];
      if (service.homogeneousBy.length === 0) return expect(keys).toBeUndefined();
      lists.add(keys);
      const byHand = compiled.patients.map((patient) =>
        service.homogeneousBy.map((prefix) => patient.tags.filter((tag) => tag.startsWith(prefix)).sort().join('\u0001')).join('\u0002'),
      );
      expect(keys).toEqual(byHand);
    });
    const prefixes = new Set(compiled.services.filter((s) => s.homogeneousBy.length > 0).map((s) => s.homogeneousBy.join('\u0003')));
    expect(lists.size).toBe(prefixes.size);
  });
});
