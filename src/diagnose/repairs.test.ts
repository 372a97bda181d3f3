import { describe, expect, it } from 'vitest';
import type { Problem } from '../model/problem.js';
import type { Report } from '../model/report.js';
import { tinyProblem } from '../../test/support/tiny.js';
import type { RepairCandidate } from './repair-candidates.js';
import { Budget } from '../time/budget.js';
import { bestPairs, keepsLegalBounds, rankRepairs, verifyRepairs, type Verifier } from './repairs.js';

/** A report with the given unmet patients (each 60 minutes short, or `p=minutes`) and hard score. */
function reportOf(unmet: string[], hard = 0, stoppedBecause: 'iteration-limit' | 'time-limit' = 'iteration-limit'): Report {
  const short = unmet.map((spec) => {
    const [patient = '', minutes = '60'] = spec.split('=');
    return { patient, shortfall: Number(minutes) };
  });
  return {
    feasible: hard === 0,
    allMet: unmet.length === 0 && hard === 0,
    score: { hard, requirement: short.reduce((a, b) => a + b.shortfall, 0), soft: 0 },
    byRule: [],
    violations: [],
    patients: [],
    unmet: short.map(({ patient, shortfall }) => ({ rule: 'patient-min-weekly-hours', patient, message: '', shortfall, causes: [], repairs: [] })),
    stats: { seed: 1, iterations: 1, elapsedMs: 1, firstCompleteMs: 1, timeToBestMs: 1, stoppedBecause, constructionComplete: true },
  };
}

/**
 * A stand-in solver for the ranking logic only: the problem says its own outcome through the
 * tracks' names, so each candidate below decides what "re-solving" yields.
 */
const stubSolve: Verifier = (problem, _candidate, attempt = 0) => {
  // `a|b`: outcome a of the verification's re-solve, b of the confirmation (construction alone).
  const outcomes = problem.tracks.map((t) => t.id).find((id) => id.startsWith('outcome:'))?.split('|');
  const outcome = outcomes && `outcome:${(outcomes[attempt] ?? outcomes[0]!).replace('outcome:', '')}`;
  if (outcome === 'outcome:throw') throw new Error('invalid');
  const [, unmet = '', hard = '0', stopped] = (outcome ?? 'outcome:p1,p2,p3:0').split(':');
  return reportOf(unmet ? unmet.split(',') : [], Number(hard), stopped === 'time' ? 'time-limit' : 'iteration-limit');
};

function candidate(message: string, outcome: string, cost = 2): RepairCandidate {
  return {
    kind: 'test',
    message,
    cost,
    patients: [],
    apply(problem: Problem) {
      problem.tracks.push({ id: `outcome:${outcome}`, windows: {} });
    },
  };
}

const baseline = reportOf(['p1', 'p2', 'p3']);
const serviceOf = (report: Report) => report.unmet.map(() => undefined);

describe('verifyRepairs', () => {
  it('ranks by patients newly met, then shortfall, then cost, and drops what does not help', () => {
    const problem = tinyProblem();
    const before = structuredClone(problem);
    const ranked = verifyRepairs(
      problem,
      baseline,
      [
        candidate('cheap, one patient', 'p2,p3:0', 1),
        candidate('no effect', 'p1,p2,p3:0'),
        candidate('two patients', 'p3:0', 3),
        candidate('breaks a hard rule', ':1'),
        candidate('invalid', 'throw'),
        candidate('two patients, cheaper', 'p1:0', 2),
      ],
      stubSolve,
      { maxCandidates: 10 },
      serviceOf,
    );
    expect(ranked.measured.map((r) => r.message)).toEqual([
      'two patients, cheaper: 2 more patients meet every requirement, 2 h less shortfall',
      'two patients: 2 more patients meet every requirement, 2 h less shortfall',
      'cheap, one patient: 1 more patient meets every requirement, 1 h less shortfall',
    ]);
    expect(ranked.measured[0]).toMatchObject({ verified: true, effect: { patientsNewlyMet: 2, shortfallReducedMinutes: 120 }, worseFor: [] });
    expect([...ranked.measured[0]!.helps].map((key) => key.split('\u0000')[1])).toEqual(['p2', 'p3']);
    expect(problem).toEqual(before);
  });

  it('verifies at most maxCandidates candidates', () => {
    let solves = 0;
    const counting: Verifier = (problem, applied) => {
      solves++;
      return stubSolve(problem, applied);
    };
    const candidates = Array.from({ length: 6 }, (_, i) => candidate(`c${i}`, 'p1:0'));
    expect(verifyRepairs(tinyProblem(), baseline, candidates, counting, { maxCandidates: 2 }, serviceOf).measured).toHaveLength(2);
    expect(solves).toBe(2);
  });

  it('drops a candidate that breaks a legal bound without solving it', () => {
    const raise: RepairCandidate = { ...candidate('raise past 12', ':0'), apply: (p) => void (p.services[0]!.maxSize = 14) };
    expect(verifyRepairs(tinyProblem(), baseline, [raise], stubSolve, {}, serviceOf).measured).toEqual([]);
  });

  it('says when a repair leaves someone worse off, and ranks it after every repair that only helps', () => {
    const ranked = verifyRepairs(
      tinyProblem(),
      baseline,
      [
        // Serves p1 and p2 fully but leaves p3 two hours shorter, and a patient met before short.
        candidate('helps more, hurts two', 'p3=180,p4=30:0'),
        candidate('helps less, hurts no one', 'p1,p3:0'),
      ],
      stubSolve,
      {},
      serviceOf,
    ).measured;
    expect(ranked.map((r) => r.message)).toEqual([
      'helps less, hurts no one: 1 more patient meets every requirement, 1 h less shortfall',
      'helps more, hurts two: 2 more patients meet every requirement, 0.5 h more shortfall; but worse for p3 and p4 (2.5 h more shortfall between them)',
    ]);
    expect(ranked[1]!.worseFor).toEqual(['p3', 'p4']);
  });

  it('names as worse off only a loss the confirmation (construction alone) shows too, by the smaller amount', () => {
    const solves: number[] = [];
    const counting: Verifier = (problem, applied, attempt) => {
      solves.push(attempt ?? 0);
      return stubSolve(problem, applied, attempt);
    };
    const ranked = verifyRepairs(
      tinyProblem(),
      baseline,
      [
        // Takes p3's seat at both seeds (3 h, then 2 h more short); p4 short at one seed only.
        candidate('takes a seat', 'p3=240,p4=30:0|p3=180:0'),
        // The search lands elsewhere: p2 an hour shorter at one seed, not at the other.
        candidate('neutral for p2', 'p2=120:0|p2:0'),
        candidate('helps only', 'p2,p3:0'),
      ],
      counting,
      {},
      serviceOf,
    ).measured;
    expect(ranked.map((r) => [r.change, r.worseFor])).toEqual([
      ['neutral for p2', []],
      ['helps only', []],
      ['takes a seat', ['p3']],
    ]);
    expect(ranked[2]!.message).toContain('but worse for p3 (2 h more shortfall)');
    // A confirmation only for the two that named someone, after the re-solves of all three.
    expect(solves).toEqual([0, 0, 0, 1, 1]);
  });

  it('confirms the losses of the five best repairs only; the others keep their re-solve\'s losses', () => {
    const solves: string[] = [];
    const counting: Verifier = (problem, applied, attempt) => {
      solves.push(`${applied?.message}@${attempt ?? 0}`);
      return stubSolve(problem, applied, attempt);
    };
    // Each serves p1 and leaves p4 short in its re-solve only (less so for the earlier ones).
    const candidates = ['a', 'b', 'c', 'd', 'e', 'f'].map((name, i) => candidate(name, `p2,p3,p4=${30 + 10 * i}:0|p2,p3:0`));
    const ranked = verifyRepairs(tinyProblem(), baseline, candidates, counting, {}, serviceOf).measured;
    expect(ranked.map((r) => [r.change, r.worseFor])).toEqual([
      ['a', []],
      ['b', []],
      ['c', []],
      ['d', []],
      ['e', []],
      ['f', ['p4']],
    ]);
    expect(solves).toEqual(['a@0', 'b@0', 'c@0', 'd@0', 'e@0', 'f@0', 'a@1', 'b@1', 'c@1', 'd@1', 'e@1']);
  });

  it('stops at the end of the call budget and does not count a re-solve the time limit cut short', () => {
    const cut = verifyRepairs(tinyProblem(), baseline, [candidate('good', 'p1:0'), candidate('cut', ':0:time'), candidate('later', ':0')], stubSolve, {}, serviceOf);
    expect(cut.measured.map((r) => r.message.split(':')[0])).toEqual(['good']);
    expect(cut.stopped).toBe('time-limit');
    expect([...cut.tried]).toEqual(['good']);
    const spent = new Budget({ timeLimitMs: 0 });
    const none = verifyRepairs(tinyProblem(), baseline, [candidate('good', 'p1:0')], stubSolve, {}, serviceOf, { budget: spent });
    expect(none).toMatchObject({ measured: [], stopped: 'time-limit' });
  });
});

describe('bestPairs', () => {
  it('combines the best repairs that only help, and the pair is verified like any candidate', () => {
    const a = candidate('serves p1', 'p2,p3:0');
    const b = candidate('serves p2', 'p1,p3:0');
    const c = candidate('hurts p4', 'p4:0');
    const singles = verifyRepairs(tinyProblem(), baseline, [a, b, c], stubSolve, {}, serviceOf).measured;
    const pairs = bestPairs(singles, [a, b, c], 3);
    expect(pairs.map((p) => p.message)).toEqual(['Both: serves p1; and serves p2']);
    expect(pairs[0]!.kind).toBe('combined');
    const copy = tinyProblem();
    pairs[0]!.apply(copy);
    expect(copy.tracks.map((t) => t.id).slice(-2)).toEqual(['outcome:p2,p3:0', 'outcome:p1,p3:0']);
  });
});

describe('keepsLegalBounds', () => {
  it('refuses lower requirements, weekly maxima of 20 hours or more, and groups past 12', () => {
    const before = tinyProblem();
    const change = (edit: (p: Problem) => void): boolean => {
      const after = structuredClone(before);
      edit(after);
      return keepsLegalBounds(before, after);
    };
    expect(change(() => {})).toBe(true);
    expect(change((p) => (p.services[0]!.maxSize = 12))).toBe(true);
    expect(change((p) => (p.services[0]!.maxSize = 13))).toBe(false);
    expect(change((p) => (p.services[0]!.minSize = 1))).toBe(false);
    expect(change((p) => (p.rules = { minWeeklyHours: 8 }))).toBe(false);
    expect(change((p) => (p.patients[0]!.rules = { minDays: 2 }))).toBe(false);
    expect(change((p) => (p.tracks[0]!.rules = { maxWeeklyHours: 20 }))).toBe(false);
    expect(change((p) => (p.tracks[0]!.rules = { maxWeeklyHours: 19.5 }))).toBe(true);
  });
});

describe('rankRepairs', () => {
  it('is deterministic on full ties (by message)', () => {
    const effect = { patientsNewlyMet: 1, shortfallReducedMinutes: 60 };
    const ranked = rankRepairs([
      { message: 'b', cost: 1, effect },
      { message: 'a', cost: 1, effect },
    ]);
    expect(ranked.map((r) => r.message)).toEqual(['a', 'b']);
  });
});
