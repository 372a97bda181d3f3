/**
 * `explain`: fills every unmet requirement of a solved week with its causes and verified
 * repairs, under one Budget for the whole call (DESIGN section 11): the diagnosis, the cause
 * analysis and every verifying re-solve share its deadline, abort signal and progress sink.
 */
import { scheduleContext } from '../compiled/schedule-context.js';
import { compileProblem, type CompiledProblem } from '../compiled/compile.js';
import type { PlacedMeeting } from '../compiled/meetings.js';
import { noShowPatients } from '../compiled/no-shows.js';
import { assertValidProblem } from '../input/validate.js';
import type { Progress, SolveOptions } from '../model/options.js';
import type { Problem } from '../model/problem.js';
import { budgetOf, type Budget } from '../time/budget.js';
import type { Repair, Report } from '../model/report.js';
import type { Schedule } from '../model/schedule.js';
import { findCauses, unmetServices, type ConflictCounts } from '../diagnose/causes.js';
import { impossibleFindings } from '../diagnose/diagnose.js';
import { allCandidates } from '../diagnose/all-candidates.js';
import { capacityRows } from '../diagnose/capacity.js';
import { prioritise } from '../diagnose/prioritise.js';
import { changedSlots } from '../diagnose/changed-slots.js';
import type { RepairCandidate } from '../diagnose/repair-candidates.js';
import { SlotSet } from '../time/slot-set.js';
import { bestPairs, combined, keepsLegalBounds, pairedWith, rankRepairs, unmetKey, verifyRepairs, type SolveFunction, type Verifier } from '../diagnose/repairs.js';
import type { Diagnosis } from '../diagnose/types.js';
import { solveDetailed } from './solve.js';

/** Default iterations of each verifying re-solve (each starts from the week being explained). */
export const DEFAULT_VERIFY_ITERATIONS = 300;

/**
 * Default number of candidates verified one by one. With the polished start, the baseline, the
 * best two together and up to five confirmations of who is worse off (construction alone), about
 * 11 re-solves' worth: 1.7-1.9 s of CPU for the sample clinic's overbooked week (56 patients)
 * on a loaded 2-core machine (bench/EXPLAIN.md).
 */
export const DEFAULT_MAX_CANDIDATES = 6;

/** Default wall-time budget of the whole `explain` call, in milliseconds (a safety net: iterations bound the re-solves). */
export const DEFAULT_EXPLAIN_TIME_LIMIT_MS = 30_000;

/** Options of {@link explain}. */
export interface ExplainOptions {
  /** Seed of every verifying re-solve. Default 1. */
  seed?: number;
  /**
   * Iterations of each verifying re-solve, which starts from the week being explained: a fixed
   * budget, so the same input gives the same list on any machine. Default {@link DEFAULT_VERIFY_ITERATIONS}.
   */
  maxIterations?: number;
  /** Most candidates verified one by one (the best pairs of them are verified too). Default 6. */
  maxCandidates?: number;
  /**
   * Wall-time budget of the whole call in milliseconds: the diagnosis, the cause analysis and the
   * verifying re-solves. Default {@link DEFAULT_EXPLAIN_TIME_LIMIT_MS}. Candidates it leaves
   * unverified are listed as such; entries it leaves get `not-analysed` causes.
   */
  timeLimitMs?: number;
  /**
   * @deprecated The whole call's budget is `timeLimitMs` now. When given, it is the call's budget
   * (and `timeLimitMs`, which used to cap each re-solve, is ignored).
   */
  totalTimeLimitMs?: number;
  /**
   * @deprecated Ignored: `explain` verifies with the library's own `solve`. Accepted so that
   * calls written as `explain(problem, solved, { solve })` keep working.
   */
  solve?: SolveFunction;
  /** `false`: list candidate repairs without re-solving (fast; `verified: false`). Default true. */
  verify?: boolean;
  /** The solver's conflict statistics (e.g. `solveDetailed(...).conflicts`), merged into the causes. */
  conflicts?: ConflictCounts;
  /** A diagnosis already computed for `problem`. */
  diagnosis?: Diagnosis;
  /** Most repairs listed per unmet requirement. Default 3. */
  repairsPerRequirement?: number;
  /** Aborting stops the analysis and the re-solves (what was verified so far is kept). */
  signal?: AbortSignal;
  /** Called with the phase (`causes`, then `explain` for the re-solves) when each begins and at most 10 times a second within it. */
  onProgress?: (progress: Progress) => void;
}

/** The call's budget: `totalTimeLimitMs` (the old name) wins over `timeLimitMs`. */
function callBudget(options: ExplainOptions): Budget {
  const limit = options.totalTimeLimitMs ?? options.timeLimitMs;
  return budgetOf({ timeLimitMs: limit, signal: options.signal, onProgress: options.onProgress }, DEFAULT_EXPLAIN_TIME_LIMIT_MS);
}

/**
 * Re-solves a (repaired) copy starting from `start` (the week being explained, polished where
 * the candidates change it), with the same seed and a fixed iteration budget: the baseline and
 * every candidate start from the same timetable, so the difference measured is the repair's, and
 * a few hundred iterations suffice (a cold solve spends most of its time rebuilding what the
 * week already has). Construction's polish re-seats only the group times where the copy differs
 * from `original` inside `stable` (where `start` was polished on the original already, so what
 * it finds there is the repair's), none for the baseline. Each gets what is left of the call's
 * budget and the caller's signal (its own progress is not forwarded: the call reports `explain`).
 * The patients of `makeUpFor` keep their make-up tracks, as in the week explained, and the
 * meetings they missed stay where they were held. (The rest of a re-planned week's past is not
 * known here: `explain` has no `asOf`, so a re-solve may still move a meeting replan had frozen.)
 */
function warmVerifier(start: Schedule, original: CompiledProblem, stable: SlotSet, budget: Budget, options: ExplainOptions, makeUpFor: ReadonlySet<string>): Verifier {
  const seed = options.seed ?? 1;
  const maxIterations = options.maxIterations ?? DEFAULT_VERIFY_ITERATIONS;
  const week = weekOf(original, start);
  return (problem, candidate, attempt = 0) => {
    // The confirming re-solve (attempt 1) is the repair's own construction and polish, no search:
    // what the search moves elsewhere by chance is not in it, what the repair takes is.
    const solveOptions: SolveOptions = { seed, maxIterations: attempt > 0 ? 0 : maxIterations };
    // A repair that keeps every index (most add a room or a clinician at the end, or change one
    // in place) starts from the week as read once: compiling each copy a second time only to
    // read it was a tenth of a re-solve at 1,000 patients.
    const compiled = sameIndexes(original.source, problem) ? original : compileProblem(assertValidProblem(problem), { makeUpFor });
    const unseat = new Set((candidate?.unseat ?? []).map((id) => compiled.patientIndex.get(id)));
    const initial = (compiled === original ? week : weekOf(compiled, start))
      // A meeting with a no-show was held (replan froze it too): a re-solve neither moves nor reuses it.
      .map((m) => ({ ...m, patients: m.patients.filter((p) => !unseat.has(p)), ...((m.noShows?.length ?? 0) > 0 ? { pinned: true } : {}) }))
      .filter((m) => m.patients.length > 0);
    const polishOnly = changedSlots(original.source, problem) ?? new SlotSet();
    polishOnly.intersectWith(stable);
    const limits = { timeLimitMs: budget.remainingMs(), ...(options.signal ? { signal: options.signal } : {}) };
    return solveDetailed(problem, { ...solveOptions, ...limits }, { initial, polishOnly }, { causes: false, makeUpFor }).report;
  };
}

/** Whether every service, track, staff member, room and patient of `before` has the same index in `after`. */
function sameIndexes(before: Problem, after: Problem): boolean {
  const prefix = (a: ReadonlyArray<{ id: string }>, b: ReadonlyArray<{ id: string }>): boolean => a.length <= b.length && a.every((entity, i) => entity.id === b[i]?.id);
  return prefix(before.services, after.services) && prefix(before.tracks, after.tracks) && prefix(before.staff, after.staff) && prefix(before.rooms, after.rooms) && prefix(before.patients, after.patients);
}

/** The placed meetings of `schedule` in `compiled`'s terms. */
function weekOf(compiled: CompiledProblem, schedule: Schedule): PlacedMeeting[] {
  return scheduleContext(compiled, schedule).meetings.filter((m) => m.day >= 0);
}

/**
 * A change's place in time counts for polish up to this many slots (12 hours of the week: a
 * room or a clinician for three evenings, a day's longer hours). A wider one (a per-diem
 * clinician all week) would have every re-solve re-seat most of the week, where the explained
 * week itself still has gains to find: what polish found there would not be the repair's.
 */
const MAX_POLISHED_SLOTS = 144;

/**
 * Where the `count` candidates verification will try first (those within the legal bounds) change
 * the week, each up to {@link MAX_POLISHED_SLOTS}, together: the start is polished there once, and
 * each candidate's re-solve polishes its own part of it (a candidate tried later, after one that
 * could not be solved, polishes nothing: it can only be measured short).
 */
function candidateSlots(problem: Problem, candidates: readonly RepairCandidate[], count: number): SlotSet {
  const all = new SlotSet();
  let taken = 0;
  for (const candidate of candidates) {
    if (taken >= count) break;
    const copy = structuredClone(problem);
    candidate.apply(copy);
    if (!keepsLegalBounds(problem, copy)) continue;
    taken++;
    const slots = changedSlots(problem, copy);
    if (slots && slots.size() <= MAX_POLISHED_SLOTS) all.unionWith(slots);
  }
  return all;
}

/**
 * The week being explained after construction's finishing steps (polish re-seats the group
 * times in `slots` where that lowers the shortfall), no search: the one start of every verifying
 * re-solve. At 1,000 patients the explained week, 10,000 iterations in, still polished from 608.8
 * to 576.9 million, so a re-solve that polished where a repair changed the week found gains that
 * were not the repair's unless the start had them already.
 */
function polishedStart(problem: Problem, compiled: CompiledProblem, schedule: Schedule, slots: SlotSet, budget: Budget, options: ExplainOptions, makeUpFor: ReadonlySet<string>): { schedule: Schedule; report: Report } {
  const limits = { timeLimitMs: budget.remainingMs(), ...(options.signal ? { signal: options.signal } : {}) };
  const initial = weekOf(compiled, schedule).map((m) => ((m.noShows?.length ?? 0) > 0 ? { ...m, pinned: true } : m));
  const start = { initial, polishOnly: slots };
  const { schedule: polished, report } = solveDetailed(problem, { seed: options.seed ?? 1, maxIterations: 0, ...limits }, start, { causes: false, makeUpFor });
  return { schedule: polished, report };
}

/**
 * A copy of `solved.report` whose every `unmet` entry carries its causes (findings that prove it,
 * rules that blocked placements, naming rooms, clinicians, windows and other patients) and its
 * repairs (verified by re-solving copies of the problem, best first). Never mutates its inputs.
 * Deterministic for a given `seed` and `maxIterations` while the time limit is not reached.
 *
 * @throws {ProblemError} when `problem` is invalid.
 *
 * @example
 * ```ts
 * const solved = solve(problem, { seed: 1, maxIterations: 20000 });
 * const report = explain(problem, solved, { seed: 1, maxIterations: 300, timeLimitMs: 10_000 });
 * for (const entry of report.unmet) console.log(entry.message, entry.causes[0]?.message, entry.repairs[0]?.message);
 * ```
 */
export function explain(problem: Problem, solved: { schedule: Schedule; report: Report }, options: ExplainOptions = {}): Report {
  const budget = callBudget(options);
  budget.enter('validate');
  const valid = assertValidProblem(problem);
  budget.enter('compile');
  // A re-planned week's make-ups (the patients it records as no-shows) are compiled as replan and
  // checkSchedule compile them: else they read as breaches, and every re-solve would undo them.
  const makeUpFor = noShowPatients(solved.schedule);
  const compiled = compileProblem(valid, { makeUpFor });
  const ctx = scheduleContext(compiled, solved.schedule);
  const report: Report = structuredClone(solved.report);
  budget.enter('causes');
  // Only the patients who fall short need their proofs; the capacity rows are cheap.
  const focus = new Set(report.unmet.map((u) => compiled.patientIndex.get(u.patient) ?? -1));
  const diagnosis = options.diagnosis ?? { impossible: impossibleFindings(compiled, focus, budget), capacity: capacityRows(compiled) };
  const causes = findCauses(ctx, report, diagnosis.impossible, options.conflicts, budget, diagnosis.capacity);
  const services = unmetServices(report);
  const perEntry = allCandidates(compiled, report.unmet, services, causes, diagnosis.capacity);
  const limit = options.repairsPerRequirement ?? 3;
  report.unmet.forEach((entry, i) => (entry.causes = causes[i] ?? []));
  if (report.unmet.length === 0) return report;
  // Without verification, or with no time left for it, the candidates are listed unverified.
  if (options.verify === false || budget.spent()) {
    report.unmet.forEach((entry, i) => {
      entry.repairs = (perEntry[i] ?? []).slice(0, limit).map((c): Repair => ({ kind: c.kind, message: c.message, verified: false }));
    });
    return report;
  }
  budget.enter('explain');
  const candidates = prioritise(perEntry);
  const maxCandidates = options.maxCandidates ?? DEFAULT_MAX_CANDIDATES;
  const stable = candidateSlots(valid, candidates, maxCandidates);
  const start = polishedStart(valid, compiled, solved.schedule, stable, budget, options, makeUpFor);
  const resolve = warmVerifier(start.schedule, compiled, stable, budget, options, makeUpFor);
  const baseline = resolve(structuredClone(valid), undefined);
  // A baseline (or start) the time limit cut short is no reference: then nothing is verified, and each candidate says why.
  const cut = [start.report, baseline].map((r) => r.stats?.stoppedBecause).find((why) => why === 'time-limit' || why === 'aborted');
  const singles =
    cut === 'time-limit' || cut === 'aborted'
      ? { measured: [], tried: new Set<string>(), stopped: cut }
      : verifyRepairs(valid, baseline, candidates, resolve, { maxCandidates }, unmetServices, { budget, current: solved.report });
  const { tried } = singles;
  // The best pair, verified together: two rooms may serve what one cannot.
  const pairs = singles.stopped ? undefined : verifyRepairs(valid, baseline, bestPairs(singles.measured, candidates), resolve, {}, unmetServices, { budget, current: solved.report });
  const measured = rankRepairs([...singles.measured, ...(pairs?.measured.slice(0, 1) ?? [])]);
  const stopped = singles.stopped;
  const untried = stopped ? candidates.filter((c) => !tried.has(c.message)) : [];
  const why = stopped === 'aborted' ? 'not verified: the call was aborted' : 'not verified: the time limit ran out';
  report.unmet.forEach((entry, i) => {
    const key = unmetKey(entry, services[i]);
    const verified = measured
      .filter((repair) => repair.helps.has(key))
      .slice(0, limit)
      .map((repair): Repair => ({ kind: repair.kind, message: repair.message, verified: true, effect: { ...repair.effect }, ...(repair.worseFor.length > 0 ? { worseFor: [...repair.worseFor] } : {}) }));
    // Candidates the budget left untried are listed as such, after what was verified.
    const own = new Set((perEntry[i] ?? []).map((c) => c.message));
    const left = untried.filter((c) => own.has(c.message)).slice(0, limit - verified.length);
    entry.repairs = [...verified, ...left.map((c): Repair => ({ kind: c.kind, message: `${c.message} (${why})`, verified: false }))];
  });
  return report;
}

/**
 * A copy of `problem` with `repair` (one of `report.unmet[].repairs`, from {@link explain})
 * applied, or `undefined` when the repair is not one `explain` would propose for this report.
 * Lets a clinic app offer "apply this change". Never mutates `problem`. For a re-planned week with
 * make-ups, pass the week explained as `week`: its no-shows open their make-up tracks to the
 * patients as `explain` compiled them (some repairs name those tracks).
 *
 * @example
 * ```ts
 * const top = report.unmet[0]?.repairs[0];
 * const changed = top && applyRepair(problem, report, top);
 * if (changed) console.log(solve(changed).report.unmet.length);
 * ```
 */
export function applyRepair(problem: Problem, report: Report, repair: Pick<Repair, 'kind' | 'message'>, week?: Pick<Schedule, 'meetings'>): Problem | undefined {
  const valid = assertValidProblem(problem);
  const compiled = compileProblem(valid, { makeUpFor: noShowPatients(week) });
  const perEntry = allCandidates(compiled, report.unmet, unmetServices(report), report.unmet.map((entry) => entry.causes), capacityRows(compiled));
  const all = [...new Map(perEntry.flat().map((c) => [c.message, c])).values()];
  const pairs = repair.kind === 'combined' ? all.flatMap((a) => all.filter((b) => b !== a && repair.message.startsWith(pairedWith(a))).map((b) => combined(a, b))) : [];
  for (const candidates of [...perEntry, pairs]) {
    for (const candidate of candidates) {
      const named = repair.message === candidate.message || repair.message.startsWith(`${candidate.message}:`) || repair.message.startsWith(`${candidate.message} (`);
      if (candidate.kind !== repair.kind || !named) continue;
      const copy = structuredClone(valid);
      candidate.apply(copy);
      return copy;
    }
  }
  return undefined;
}
