/**
 * Verifies candidate repairs: each is applied to a copy of the problem and re-solved under a
 * fixed seed and iteration budget through an injected re-solve (the pipeline's), then measured
 * against the same budget's baseline. Repairs with no measured effect, or that break a hard rule
 * or a legal bound, are dropped. Ranked by effect, then by cost, then by message: deterministic.
 */
import type { SolveOptions } from '../model/options.js';
import type { Budget } from '../time/budget.js';
import type { Problem } from '../model/problem.js';
import type { Repair, Report, Unmet } from '../model/report.js';
import type { Schedule } from '../model/schedule.js';
import { resolveHoursRules } from '../input/defaults.js';
import { LEGAL_MAX_GROUP_SIZE, LEGAL_MAX_WEEKLY_HOURS_EXCLUSIVE, type RepairCandidate } from './repair-candidates.js';
import { hoursText, listText, plural } from './words.js';
import { minutesShort } from '../rules/patients-short.js';

/** The shape of `solve`, as `explain` once took it (deprecated there: `explain` verifies with its own). */
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
  /** Iterations of each re-solve: a fixed budget, never time, so the ranking is the same on any machine. Default 2000. */
  maxIterations?: number;
  /** Wall-time cap of each re-solve, a safety net (the iteration budget should stop first). Default 2000. */
  timeLimitMs?: number;
  /** Most candidates verified. Default 8. */
  maxCandidates?: number;
}

/**
 * Re-solves a repaired copy of the problem (`candidate` is the repair applied, `undefined` for
 * the baseline) under the verification's fixed seed and iterations, and returns its report.
 * `attempt` 1 asks for the confirmation of who is worse off: the same start and changes with
 * construction (and its polish where the repair changes the week) but no search; 0 or absent is
 * the verification's re-solve.
 * `stoppedBecause` of `'time-limit'` or `'aborted'` in its stats means the call's budget ended it
 * early: the result is not the reproducible one and the candidate stays unverified.
 */
export type Verifier = (problem: Problem, candidate: RepairCandidate | undefined, attempt?: number) => Report;

/** A verified repair with what it fixed. */
export interface MeasuredRepair extends Repair {
  /** The candidate's message: the change without its effect. */
  change: string;
  cost: number;
  effect: { patientsNewlyMet: number; shortfallReducedMinutes: number };
  /** Patients the repair leaves with more shortfall than the baseline (empty when it only helps). */
  worseFor: string[];
  /** Keys (see {@link unmetKey}) of the baseline's unmet entries it fixes or reduces. */
  helps: Set<string>;
}

/** What {@link verifyRepairs} found. */
export interface Verification {
  /** Repairs with a measured benefit, ranked by {@link rankRepairs}. */
  measured: MeasuredRepair[];
  /** Messages of the candidates re-solved (helpful or not). */
  tried: Set<string>;
  /** Set when the call's budget ended verification before every candidate it would try. */
  stopped?: 'time-limit' | 'aborted';
}

/** Identifies an unmet requirement across two reports. */
export function unmetKey(entry: Pick<Unmet, 'rule' | 'patient' | 'date' | 'message'>, service: string | undefined): string {
  return [entry.rule, entry.patient, entry.date ?? '', service ?? ''].join('\u0000');
}

/** Total shortfall of each patient with an unmet requirement. */
function shortfallByPatient(report: Report): Map<string, number> {
  const byPatient = new Map<string, number>();
  for (const entry of report.unmet) byPatient.set(entry.patient, (byPatient.get(entry.patient) ?? 0) + entry.shortfall);
  return byPatient;
}

/**
 * Whether `after` keeps every legal bound `before` set: no requirement lowered, no group maximum
 * raised past the legal bound (or at all when it was already past it), no weekly maximum raised to 20 hours or more.
 */
export function keepsLegalBounds(before: Problem, after: Problem): boolean {
  // Most repairs touch no hours rule: then no requirement can have moved, and the patient-by-track
  // walk below (a quarter of explain's time at 1,000 patients) is skipped.
  if (!sameHoursRules(before, after)) return hoursRulesKept(before, after) && groupBoundsKept(before, after);
  return groupBoundsKept(before, after);
}

/** Whether every hours rule `keepsLegalBounds` reads (programme, each track, each patient) is the same object value in both. */
function sameHoursRules(before: Problem, after: Problem): boolean {
  const same = (a: unknown, b: unknown): boolean => a === b || JSON.stringify(a) === JSON.stringify(b);
  if (!same(before.rules, after.rules)) return false;
  if (!before.tracks.every((track) => same(track.rules, after.tracks.find((t) => t.id === track.id)?.rules))) return false;
  return before.patients.length === after.patients.length && before.patients.every((patient, i) => same(patient.rules, after.patients[i]?.rules));
}

function hoursRulesKept(before: Problem, after: Problem): boolean {
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
  return true;
}

function groupBoundsKept(before: Problem, after: Problem): boolean {
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

function effectText(newlyMet: number, reduced: number, worse: ReadonlyMap<string, number>): string {
  const parts: string[] = [];
  if (newlyMet > 0) parts.push(`${plural(newlyMet, 'more patient')} ${newlyMet === 1 ? 'meets' : 'meet'} every requirement`);
  if (reduced > 0) parts.push(`${hoursText(reduced)} h less shortfall`);
  if (reduced < 0) parts.push(`${hoursText(-reduced)} h more shortfall`);
  const text = parts.join(', ');
  if (worse.size === 0) return text;
  const more = [...worse.values()].reduce((a, b) => a + b, 0);
  return `${text}; but worse for ${listText([...worse.keys()])} (${hoursText(more)} h more shortfall${worse.size > 1 ? ' between them' : ''})`;
}

/** Patients with more shortfall in `after` than `worst` gives them, and by how much. */
function worseOff(after: ReadonlyMap<string, number>, worst: (patient: string) => number): Map<string, number> {
  return new Map([...after].filter(([patient, minutes]) => minutes > worst(patient)).map(([patient, minutes]) => [patient, minutes - worst(patient)]));
}

/** Why re-solves stopped early, when the call's budget is the reason. */
function budgetStop(report: Report): 'time-limit' | 'aborted' | undefined {
  const reason = report.stats?.stoppedBecause;
  return reason === 'time-limit' || reason === 'aborted' ? reason : undefined;
}

/**
 * Verifies up to `budget.maxCandidates` candidates (in the given order) by re-solving each on a
 * copy with `resolve` (same seed, same fixed iterations as `baseline`), and returns those with a
 * measured benefit, ranked by {@link rankRepairs}. A repair that leaves someone with more
 * shortfall says so (`worseFor`) and ranks after every one that only helps: more than both the
 * baseline and `call.current` (the week being explained) give them, when given, and again in the
 * repair's construction without the search for the best few (see `confirmLosses`), since any
 * change sends a search elsewhere and someone's hour moves by chance either way. Stops when `call`'s budget is spent; a re-solve cut short by it is not counted (its result
 * is not reproducible).
 */
export function verifyRepairs(
  problem: Problem,
  baseline: Report,
  candidates: readonly RepairCandidate[],
  resolve: Verifier,
  budget: Pick<RepairBudget, 'maxCandidates'>,
  serviceOf: (report: Report) => Array<string | undefined>,
  call?: { budget?: Budget; current?: Report },
): Verification {
  const before = shortfallByPatient(baseline);
  const now = call?.current === undefined ? before : shortfallByPatient(call.current);
  const worst = (patient: string): number => Math.max(before.get(patient) ?? 0, now.get(patient) ?? 0);
  const baseServices = serviceOf(baseline);
  const baseEntries = baseline.unmet.map((entry, i) => ({ key: unmetKey(entry, baseServices[i]), shortfall: entry.shortfall }));
  const tried = new Set<string>();
  const found: Found[] = [];
  let stopped: 'time-limit' | 'aborted' | undefined;
  for (const candidate of candidates) {
    if (tried.size >= (budget.maxCandidates ?? 8)) break;
    stopped = call?.budget?.stopReason();
    if (stopped) break;
    if (tried.has(candidate.message)) continue;
    const copy = structuredClone(problem);
    candidate.apply(copy);
    if (!keepsLegalBounds(problem, copy)) continue;
    let report: Report;
    try {
      report = resolve(copy, candidate);
    } catch {
      tried.add(candidate.message);
      continue; // A change that makes the problem invalid is no repair.
    }
    stopped = budgetStop(report);
    if (stopped) break;
    tried.add(candidate.message);
    if (report.score.hard > baseline.score.hard) continue;
    const after = shortfallByPatient(report);
    const newlyMet = [...before.keys()].filter((p) => !after.has(p)).length;
    const reduced = minutesShort(baseline) - minutesShort(report);
    if (newlyMet <= 0 && reduced <= 0) continue;
    const afterServices = serviceOf(report);
    const afterEntries = new Map<string, number>();
    report.unmet.forEach((entry, i) => afterEntries.set(unmetKey(entry, afterServices[i]), entry.shortfall));
    const helps = new Set(baseEntries.filter((e) => (afterEntries.get(e.key) ?? 0) < e.shortfall).map((e) => e.key));
    found.push({ candidate, copy, newlyMet, reduced, worse: worseOff(after, worst), helps });
  }
  if (!stopped) stopped = confirmLosses(found, resolve, worst, call?.budget);
  const measured = found.map(({ candidate, newlyMet, reduced, worse, helps }): MeasuredRepair => ({
    kind: candidate.kind,
    message: `${candidate.message}: ${effectText(newlyMet, reduced, worse)}`,
    change: candidate.message,
    verified: true,
    cost: candidate.cost,
    effect: { patientsNewlyMet: newlyMet, shortfallReducedMinutes: reduced },
    worseFor: [...worse.keys()].sort(),
    helps,
  }));
  return { measured: rankRepairs(measured), tried, ...(stopped ? { stopped } : {}) };
}

/** A candidate with a measured benefit, before its losses are confirmed. */
interface Found {
  candidate: RepairCandidate;
  /** The repaired copy it was re-solved on. */
  copy: Problem;
  newlyMet: number;
  reduced: number;
  /** Patients worse off at the first seed (then only those confirmed), and by how much. */
  worse: Map<string, number>;
  helps: Set<string>;
}

/**
 * Confirmations of who is worse off, at most this many per verification (the five a report lists
 * first by default): each costs about half a re-solve, and at 1,000 patients nearly every
 * candidate's re-solve leaves someone worse off by chance. The best repairs (by effect) get
 * them; a repair past them keeps its re-solve's losses, so it can only be ranked lower than it
 * deserves, never higher.
 */
const MAX_CONFIRMATIONS = 5;

/**
 * Confirms the losses of the best repairs that left someone worse off: `resolve(copy, candidate,
 * 1)` gives the repaired week after construction alone (re-seated where the repair changes it, no
 * search), and only the patients worse off there too stay in `worse`, each by the smaller loss.
 * A short search of a changed problem lands elsewhere and someone's hour moves by chance; a
 * repair that takes a seat takes it where it changes the week. On the sample clinic's overbooked
 * week every top repair was "worse for" someone after its re-solve (p-45 for 'Have s-01 work Tue
 * 18:00-21:00': 9 h short in the baseline, 11 h after it at seed 1, 9 h at seed 2), while p-55,
 * whose Wednesday seat 'Ask p-56 to come Wed' gives away, lost 2 h at both seeds and in the
 * construction alone. Returns why it stopped when the call's budget ended it (the losses left stand).
 */
function confirmLosses(found: Found[], resolve: Verifier, worst: (patient: string) => number, budget: Budget | undefined): 'time-limit' | 'aborted' | undefined {
  const best = found
    .filter((f) => f.worse.size > 0)
    .sort((a, b) => b.newlyMet - a.newlyMet || b.reduced - a.reduced || a.candidate.cost - b.candidate.cost || (a.candidate.message < b.candidate.message ? -1 : 1))
    .slice(0, MAX_CONFIRMATIONS);
  for (const f of best) {
    const stop = budget?.stopReason();
    if (stop) return stop;
    const second = resolve(f.copy, f.candidate, 1);
    const cut = budgetStop(second);
    if (cut) return cut;
    const again = worseOff(shortfallByPatient(second), worst);
    for (const [patient, minutes] of f.worse) {
      const loss = again.get(patient);
      if (loss === undefined) f.worse.delete(patient);
      else f.worse.set(patient, Math.min(minutes, loss));
    }
  }
  return undefined;
}

/**
 * Best first: repairs that only help before any that leaves someone worse off; then more
 * patients newly met, then more shortfall removed, then cheaper, then by message (deterministic).
 *
 * @example
 * ```ts
 * const ranked = rankRepairs(measured); // ranked[0] helps the most and hurts no one, if any such repair exists
 * ```
 */
export function rankRepairs<T extends { cost: number; message: string; worseFor?: readonly string[]; effect: { patientsNewlyMet: number; shortfallReducedMinutes: number } }>(repairs: readonly T[]): T[] {
  const hurts = (r: T): number => Number((r.worseFor?.length ?? 0) > 0);
  return [...repairs].sort(
    (a, b) =>
      hurts(a) - hurts(b) ||
      b.effect.patientsNewlyMet - a.effect.patientsNewlyMet ||
      b.effect.shortfallReducedMinutes - a.effect.shortfallReducedMinutes ||
      a.cost - b.cost ||
      (a.message < b.message ? -1 : a.message > b.message ? 1 : 0),
  );
}

/** A change's message inside a sentence: its first word in lower case (`Have s-01 ...` -> `have s-01 ...`), an acronym kept. */
function inSentence(message: string): string {
  return /^[A-Z][a-z]/.test(message) ? message.charAt(0).toLowerCase() + message.slice(1) : message;
}

/**
 * How the message of a combined repair of `a` and another begins (`applyRepair` finds it again by it).
 *
 * @example
 * ```ts
 * pairedWith(addRoom); // 'Both: add a room ...; and '
 * ```
 */
export function pairedWith(a: Pick<RepairCandidate, 'message'>): string {
  return `Both: ${inSentence(a.message)}; and `;
}

/**
 * Two candidates applied together, as one candidate (kind `'combined'`).
 *
 * @example
 * ```ts
 * combined(addRoom, perDiem).message; // 'Both: add a room ...; and add a per-diem LCSW ...'
 * ```
 */
export function combined(a: RepairCandidate, b: RepairCandidate): RepairCandidate {
  const unseat = [...new Set([...(a.unseat ?? []), ...(b.unseat ?? [])])];
  return {
    kind: 'combined',
    message: `${pairedWith(a)}${inSentence(b.message)}`,
    cost: a.cost + b.cost,
    patients: [...new Set([...a.patients, ...b.patients])],
    apply(problem) {
      a.apply(problem);
      b.apply(problem);
    },
    ...(unseat.length > 0 ? { unseat } : {}),
  };
}

/**
 * The pairs of the best `top` repairs that only help (best first), as combined candidates to
 * verify: two rooms may serve what one cannot. Default: the best two, one re-solve.
 *
 * @example
 * ```ts
 * const pairs = bestPairs(measured, candidates); // the best two together, if two only help
 * ```
 */
export function bestPairs(measured: readonly MeasuredRepair[], candidates: readonly RepairCandidate[], top = 2): RepairCandidate[] {
  const byMessage = new Map(candidates.map((c) => [c.message, c]));
  const best = measured
    .filter((r) => r.worseFor.length === 0)
    .map((r) => byMessage.get(r.change))
    .filter((c): c is RepairCandidate => c !== undefined)
    .slice(0, top);
  const pairs: RepairCandidate[] = [];
  for (let i = 0; i < best.length; i++) for (let j = i + 1; j < best.length; j++) pairs.push(combined(best[i]!, best[j]!));
  return pairs;
}
