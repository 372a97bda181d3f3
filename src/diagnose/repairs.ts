/**
 * Verifies candidate repairs: each is applied to a copy of the problem and re-solved under a
 * small, seeded iteration budget through an injected `solve`, then measured against the same
 * budget's baseline. Repairs with no measured effect, or that break a hard rule or a legal
 * bound, are dropped. Ranked by effect, then by cost, then by message: deterministic.
 */
import type { SolveOptions } from '../model/options.js';
import type { Budget } from '../time/budget.js';
import type { Problem } from '../model/problem.js';
import type { Repair, Report, Unmet } from '../model/report.js';
import type { Schedule } from '../model/schedule.js';
import { resolveHoursRules } from '../input/defaults.js';
import { LEGAL_MAX_GROUP_SIZE, LEGAL_MAX_WEEKLY_HOURS_EXCLUSIVE, type RepairCandidate } from './repair-candidates.js';
import { hoursText, plural } from './words.js';
import { minutesShort } from '../rules/patients-short.js';

/** The solver, injected so repairs can be verified with any implementation of `solve`. */
export type SolveFunction = (
  problem: Problem,
  options: SolveOptions,
) => {
  /** The timetable found. */
  schedule: Schedule;
  /** Its report. */
  report: Report;
};

/** How much work verification may do. */
export interface RepairBudget {
  /** Seed of every re-solve. Default 1. */
  seed?: number;
  /** Iterations of each re-solve. Default 2000. */
  maxIterations?: number;
  /** Wall-time cap of each re-solve, a safety net (the iteration budget should stop first). Default 2000. */
  timeLimitMs?: number;
  /** Most candidates verified. Default 8. */
  maxCandidates?: number;
}

/** A verified repair with what it fixed. */
export interface MeasuredRepair extends Repair {
  cost: number;
  effect: { patientsNewlyMet: number; shortfallReducedMinutes: number };
  /** Keys (see {@link unmetKey}) of the baseline's unmet entries it fixes or reduces. */
  helps: Set<string>;
}

/** Identifies an unmet requirement across two reports. */
export function unmetKey(entry: Pick<Unmet, 'rule' | 'patient' | 'date' | 'message'>, service: string | undefined): string {
  return [entry.rule, entry.patient, entry.date ?? '', service ?? ''].join('\u0000');
}

function unmetPatients(report: Report): Set<string> {
  return new Set(report.unmet.map((u) => u.patient));
}

/**
 * Whether `after` keeps every legal bound `before` set: no requirement lowered, no group maximum
 * raised past the legal bound (or at all when it was already past it), no weekly maximum raised to 20 hours or more.
 */
export function keepsLegalBounds(before: Problem, after: Problem): boolean {
  const rulesOf = (problem: Problem, patient: number, track: string | undefined) =>
    resolveHoursRules(problem.rules, problem.tracks.find((t) => t.id === track)?.rules, problem.patients[patient]?.rules);
  for (let i = 0; i < before.patients.length; i++) {
    for (const track of [undefined, ...before.tracks.map((t) => t.id)]) {
      const a = rulesOf(before, i, track);
      const b = rulesOf(after, i, track);
      if (b.minWeeklyHours < a.minWeeklyHours || b.minDays < a.minDays) return false;
      if ((b.minDailyMinutes ?? 0) < (a.minDailyMinutes ?? 0) || (b.minDailyServices ?? 0) < (a.minDailyServices ?? 0)) return false;
      if (b.maxWeeklyHours > a.maxWeeklyHours && b.maxWeeklyHours >= LEGAL_MAX_WEEKLY_HOURS_EXCLUSIVE) return false;
    }
  }
  for (const service of after.services) {
    const old = before.services.find((s) => s.id === service.id);
    if (!old) return false;
    const oldMax = old.maxSize ?? LEGAL_MAX_GROUP_SIZE;
    const newMax = service.maxSize ?? LEGAL_MAX_GROUP_SIZE;
    if (newMax > oldMax && newMax > LEGAL_MAX_GROUP_SIZE) return false;
    if ((service.minSize ?? 2) < (old.minSize ?? 2)) return false;
  }
  return true;
}

function effectText(newlyMet: number, reduced: number): string {
  const parts: string[] = [];
  if (newlyMet > 0) parts.push(`${plural(newlyMet, 'more patient')} ${newlyMet === 1 ? 'meets' : 'meet'} every requirement`);
  if (reduced > 0) parts.push(`${hoursText(reduced)} h less shortfall`);
  return parts.join(', ');
}

/**
 * Verifies up to `budget.maxCandidates` candidates (in the given order) and returns those with
 * a measured benefit, best first. `baseline` must come from the same `solve` and budget.
 */
export function verifyRepairs(
  problem: Problem,
  baseline: Report,
  candidates: readonly RepairCandidate[],
  solve: SolveFunction,
  budget: RepairBudget,
  serviceOf: (report: Report) => Array<string | undefined>,
  call?: { budget: Budget; signal?: AbortSignal | undefined },
): MeasuredRepair[] {
  const options: SolveOptions = {
    seed: budget.seed ?? 1,
    maxIterations: budget.maxIterations ?? 2000,
    timeLimitMs: budget.timeLimitMs ?? 2000,
  };
  // Each re-solve gets a slice of the caller's budget: its own limit, never more than what is left.
  const sliced = (): SolveOptions =>
    call === undefined ? options : { ...options, timeLimitMs: Math.min(options.timeLimitMs!, call.budget.remainingMs()), ...(call.signal ? { signal: call.signal } : {}) };
  const beforeUnmet = unmetPatients(baseline);
  const baseServices = serviceOf(baseline);
  const baseEntries = baseline.unmet.map((entry, i) => ({ key: unmetKey(entry, baseServices[i]), shortfall: entry.shortfall }));
  const seen = new Set<string>();
  const measured: MeasuredRepair[] = [];
  for (const candidate of candidates) {
    if (seen.size >= (budget.maxCandidates ?? 8) || call?.budget.spent() === true) break;
    if (seen.has(candidate.message)) continue;
    seen.add(candidate.message);
    const copy = structuredClone(problem);
    candidate.apply(copy);
    if (!keepsLegalBounds(problem, copy)) continue;
    let report: Report;
    try {
      report = solve(copy, sliced()).report;
    } catch {
      continue; // A change that makes the problem invalid is no repair.
    }
    if (report.score.hard > baseline.score.hard) continue;
    const afterUnmet = unmetPatients(report);
    const newlyMet = [...beforeUnmet].filter((p) => !afterUnmet.has(p)).length;
    const reduced = minutesShort(baseline) - minutesShort(report);
    if (newlyMet <= 0 && reduced <= 0) continue;
    const afterServices = serviceOf(report);
    const after = new Map<string, number>();
    report.unmet.forEach((entry, i) => after.set(unmetKey(entry, afterServices[i]), entry.shortfall));
    const helps = new Set(baseEntries.filter((e) => (after.get(e.key) ?? 0) < e.shortfall).map((e) => e.key));
    measured.push({
      kind: candidate.kind,
      message: `${candidate.message}: ${effectText(newlyMet, reduced)}`,
      verified: true,
      cost: candidate.cost,
      effect: { patientsNewlyMet: newlyMet, shortfallReducedMinutes: reduced },
      helps,
    });
  }
  return rankRepairs(measured);
}

/** Best first: more patients newly met, then more shortfall removed, then cheaper, then by message. */
export function rankRepairs<T extends { cost: number; message: string; effect: { patientsNewlyMet: number; shortfallReducedMinutes: number } }>(repairs: readonly T[]): T[] {
  return [...repairs].sort(
    (a, b) =>
      b.effect.patientsNewlyMet - a.effect.patientsNewlyMet ||
      b.effect.shortfallReducedMinutes - a.effect.shortfallReducedMinutes ||
      a.cost - b.cost ||
      (a.message < b.message ? -1 : a.message > b.message ? 1 : 0),
  );
}
