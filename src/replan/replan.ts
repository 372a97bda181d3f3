/**
 * `replan`: absorb admissions, discharges, call-outs, closed rooms, missed sessions and pins into
 * a published week, changing as little as possible, and say what changed for whom and why.
 */
import type { Change } from '../model/options.js';
import { ProblemError, type Issue } from '../model/issue.js';
import type { Problem } from '../model/problem.js';
import type { Report, Score, StopReason } from '../model/report.js';
import type { Meeting, Schedule } from '../model/schedule.js';
import { compileProblem, type CompiledProblem } from '../compiled/compile.js';
import { constructAffected, createEngine, reportReserveMs, search } from '../engine/index.js';
import { allRules } from '../rules/catalogue.js';
import type { PlacedMeeting, PreviousWeek, Rule } from '../rules/types.js';
import { buildReportFromBoard } from '../check/report.js';
import { indexMeetings } from '../compiled/schedule-context.js';
import { resolveWeights } from '../check/weights.js';
import { budgetOf, type Budget } from '../time/budget.js';
import { applyChangesInPlace, checkReplanInput } from './changes.js';
import { withPrimaryStaffLog } from './assign-primary.js';
import { diffSchedules } from './diff.js';
import { addReason, admittedAndMissed, changeReasons, type ChangeReasons } from './reasons.js';
import { loadPublished, releasePublished } from './load.js';
import { explainUnmet } from './unmet-causes.js';
import type { ReplanView } from './view.js';
import { exportReplanned, movedIndividuals, nameNewMeetings, readPublished } from './published.js';
import { previousWeekFrom } from '../compiled/schedule-context.js';
import { clipToRecord, firstOpenMinutes, recordCutoff } from './record.js';
import type { ChangeLog, ChangeReason, ReplanOptions, ReplanResult } from './types.js';
import { makeUpPatients } from './make-up.js';

const DEFAULT_REPLAN_TIME_LIMIT_MS = 3000;
/**
 * Search iterations without a new best after which re-planning stops searching. At 1,000 patients
 * (call-out + 10 admissions) 300 found what 1,000 did (8 of 10 admitted, 5 unmet entries) in 775
 * iterations instead of 1,475.
 */
const REPLAN_PATIENCE = 300;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

function optionIssues(options: ReplanOptions): Issue[] {
  const asOf = options.asOf;
  if (asOf === undefined) return [];
  if (typeof asOf !== 'string' || !ISO_INSTANT.test(asOf) || Number.isNaN(Date.parse(asOf))) {
    return [{ path: 'options.asOf', code: 'invalid-date', message: `'${String(asOf)}' is not an ISO 8601 instant with an offset, e.g. '2026-11-25T07:00:00-08:00'.` }];
  }
  return [];
}

/**
 * Re-plans a published week after `changes`, keeping pinned and unaffected meetings, rosters and
 * times: every published meeting that still keeps the rules stays as it was; one a change broke
 * is re-staffed or re-roomed first, else its patients join a parallel section, else (a group) a
 * clinician who could lead it is freed by moving one of their individual sessions to another
 * time its patient can come, else it moves to the nearest time that works, else it is
 * cancelled; then admitted, displaced and missed
 * patients are served in the rest of the week (after `asOf`) by the engine itself: a construction
 * limited to them, then its search, whose changes must serve them and leave every other patient
 * the sessions they had (another patient may move to a parallel section of the same session, or
 * have another clinician or room, never lose or gain a session; only an individual session may
 * move to another time of its patient's when no clinician is free otherwise). The `stability`
 * rule scores the result against the published week.
 *
 * Never mutates its arguments. Same inputs and seed give the same result unless the time limit
 * stops it.
 *
 * Change semantics: `discharge.from` is the first day without sessions; `staff-out` and
 * `room-closed` take the whole date or the `start`-`end` window; `missed` records that the
 * patient did not attend that meeting and freezes everything that started before it ended (it
 * has happened); `pin` freezes a meeting.
 *
 * The past is a record. Every meeting that started before the cutoff (`asOf`, or the end of the
 * latest missed meeting) stays as published: same time, room, staff. A patient who missed it, or
 * whose discharge is dated on or before its day, moves from its `patients` to its `noShows`: the
 * session counts toward nothing of theirs (a make-up is sought after the cutoff), and the
 * meeting, held as planned, keeps its own rules (a group with no-shows is not "below its
 * minimum"; an individual session whose patient did not come had its one patient). A call-out or
 * closure does not reach back: its availability exception in the returned problem starts at the
 * cutoff at the earliest and after any meeting already started with that member or room, and one
 * wholly in the past adds nothing.
 *
 * No change leaves a meeting still to come impossible. One a change made too small is repaired:
 * an individual session without its patient is cancelled; a group below its minimum has its
 * patients joined to a parallel section or served elsewhere, else it is cancelled. A pinned
 * meeting never moves and keeps its roster while it can be held as it is: a discharged patient
 * leaves it, and a staff member or room that is out is replaced when another is free; when it
 * cannot be held as pinned (too few patients left, nobody to lead it, no room) the pin gives way
 * and it is repaired like any other meeting, no longer flagged `pinned`. So
 * `checkSchedule(result.problem, result.schedule)` finds no hard violation the published week
 * did not already have.
 *
 * @throws {ProblemError} when `problem`, the published week, a change or `asOf` is invalid, with
 * paths such as `changes[2].staff`, `previous.meetings[4]` or `options.asOf`; a discharge dated
 * before the patient's admission (`changes[2].from`) and a call-out or closure past the most
 * exceptions one availability may hold are invalid changes too, so the returned problem is
 * always valid.
 *
 * @example
 * ```ts
 * const { schedule: published } = solve(problem, { seed: 1 });
 * const { schedule, changed } = replan(problem, published, [
 *   { kind: 'staff-out', staff: 's-03', date: '2026-11-25' },
 *   { kind: 'admit', patient: { id: 'p-41', tracks: ['evening'] } },
 * ], { asOf: '2026-11-25T07:00:00-08:00' });
 * for (const m of changed.meetings) console.log(m.meeting, m.kinds.join('+'), m.reasons[0]!.message);
 * ```
 */
export function replan(problem: Problem, previous: Schedule, changes: readonly Change[], options: ReplanOptions = {}): ReplanResult {
  // The call's one budget, from validation to the causes.
  const budget = budgetOf(options, DEFAULT_REPLAN_TIME_LIMIT_MS);
  const week = changedWeek(problem, previous, changes, options, budget);
  const served = serveAffected(week, previous, changes, options, budget);
  const { schedule, report } = reportServed(week, served, previous, budget);
  const held = new Set(schedule.meetings.map((m) => m.id));
  const cancelled = previous.meetings.filter((m) => !held.has(m.id)).map((m) => structuredClone(m));
  return { problem: week.problem, schedule, report, changed: changeLog(week, served, previous, schedule, changes), cancelled };
}

/** The call's input checked and its changes applied: the published week read against the changed problem. */
interface ChangedWeek {
  /** The caller's problem with the changes applied (a fresh copy): the result's `problem`. */
  problem: Problem;
  compiled: CompiledProblem;
  /** The published meetings in compiled form, admitted patients appended to the problem. */
  placed: PlacedMeeting[];
  /** The published week the stability rule scores against. */
  published: PreviousWeek;
  /** The instant (ms) before which the week is a record. */
  cutoff: number;
  rules: readonly Rule[];
  weights: Map<string, number>;
}

/** Validates the call, applies its changes and reads the published week against the changed problem. */
function changedWeek(problem: Problem, previous: Schedule, changes: readonly Change[], options: ReplanOptions, budget: Budget): ChangedWeek {
  budget.enter('validate');
  // The problem and the admissions are validated together, once; the valid problem is a fresh copy.
  const checked = checkReplanInput(problem, previous, changes);
  const issues = [...optionIssues(options), ...checked.issues];
  if (issues.length > 0) throw new ProblemError(issues);
  const rules = allRules();
  const weights = resolveWeights(rules, options.weights);
  // What already happened is a record: the cutoff is known first, and call-outs and closures
  // take effect only after the meetings already held with that member or room.
  const cutoff = recordCutoff(previous, changes, options.asOf);
  const effective: Change[] = [];
  for (const change of changes) {
    const kept = change.kind === 'staff-out' || change.kind === 'room-closed' ? clipToRecord(change, previous, checked.problem.timeZone, cutoff) : change;
    if (kept) effective.push(kept);
  }
  const changedProblem = applyChangesInPlace(checked.problem, effective, checked.admitted);
  budget.enter('compile');
  // A patient who missed a session may make it up in their make-up tracks, in this re-planning only.
  const compiled = compileProblem(changedProblem, { makeUpFor: makeUpPatients(changes, previous) });
  // Admitted patients are appended: the published week reads the same against the changed problem.
  const read = readPublished(compiled, previous);
  if (read.issues.length > 0) throw new ProblemError(read.issues);
  return { problem: changedProblem, compiled, placed: read.meetings, published: previousWeekFrom(compiled, read.meetings), cutoff, rules, weights };
}

/** The engine once it has served the affected patients, and what the report and the change log need of the run. */
interface Served {
  view: ReplanView;
  /** The patients served first, with the reasons their changes (and cancelled meetings) give. */
  affected: Map<number, ChangeReason[]>;
  log: ChangeReasons;
  /** Ids of the meetings pinned, in the published week or by a change. */
  pinned: Set<string>;
  /** The published meetings (compiled) by id. */
  byId: Map<string, PlacedMeeting>;
  seed: number;
  /** Construction steps and search iterations spent, and the most allowed. */
  steps: number;
  maxSteps: number;
  firstCompleteMs: number;
  /** Whether the iteration limit or the budget stopped serving before it was done. */
  servingCut: boolean;
  cutBy: StopReason | undefined;
}

/**
 * Loads the published week into the engine, releases what the changes broke, then serves the
 * affected patients: a construction limited to them, then the engine's search.
 */
function serveAffected(week: ChangedWeek, previous: Schedule, changes: readonly Change[], options: ReplanOptions, budget: Budget): Served {
  const { compiled, placed } = week;
  const pinned = new Set(previous.meetings.filter((m) => m.pinned === true).map((m) => m.id));
  const log = changeReasons(compiled, placed, changes, pinned);
  const byId = new Map(placed.map((m) => [m.id, m]));

  const seed = Number.isFinite(options.seed) ? Math.trunc(options.seed!) : 1;
  const opensAt = firstOpenMinutes(compiled.dates, compiled.timeZone, week.cutoff);
  // The engine itself, from the published week: nothing starts before the cutoff, and the
  // stability rule scores every change against what was published.
  // Scored once the release has loaded the published week, not empty first.
  const engine = createEngine(compiled, week.rules, week.weights, seed, { previous: week.published, opensAt, scoreLater: true });
  // Release, construction and search stop early enough to export, report and say why (as solve does).
  engine.budget = budget.reserve(reportReserveMs(budget.deadline - budget.startedAt, compiled.patients.length, budget.elapsedMs()));
  const maxSteps = options.maxIterations !== undefined && Number.isFinite(options.maxIterations) ? Math.max(0, Math.trunc(options.maxIterations)) : Infinity;
  // Held in an object so that progress reads the steps counted so far.
  const spent = { steps: 0 };
  // The board's score, not the state's: asking the state would score the empty week before the
  // release loads the published one (scoreLater); until then it reads 0, as validation's reports do.
  engine.budget.enter('replan', () => ({ bestScore: engine.state.board.score(), iteration: spent.steps }));
  const affected = admittedAndMissed(compiled, changes, log);
  const frozen = releasePublished(engine, loadPublished(compiled, placed, opensAt, log, pinned), log, affected);

  // Only the affected patients' missing sessions are constructed; then the engine's search,
  // drawing its targeted moves from the patients still short.
  const serving = [...affected.keys()].sort((a, b) => a - b);
  spent.steps = constructAffected(engine, serving, maxSteps);
  const firstCompleteMs = budget.elapsedMs();
  if (spent.steps < maxSteps && !engine.budget.spent()) {
    const result = search(engine, { maxIterations: maxSteps - spent.steps, patience: REPLAN_PATIENCE, serving });
    engine.state.restoreTo(result.best);
    engine.state.commit();
    spent.steps += result.iterations;
  }
  const view: ReplanView = { engine, firstOpenMinute: opensAt, affected, frozen };
  const servingCut = spent.steps >= maxSteps || engine.budget.spent();
  return { view, affected, log, pinned, byId, seed, steps: spent.steps, maxSteps, firstCompleteMs, servingCut, cutBy: engine.budget.stopReason() };
}

/** The re-planned week as a Schedule, and its report: the causes of what is still unmet and how the run stopped. */
function reportServed(week: ChangedWeek, served: Served, previous: Schedule, budget: Budget): { schedule: Schedule; report: Report } {
  const { compiled } = week;
  const { engine } = served.view;
  const publishedById = new Map<string, { placed: PlacedMeeting; meeting: Meeting }>();
  previous.meetings.forEach((meeting) => {
    const p = served.byId.get(meeting.id);
    if (p && !publishedById.has(meeting.id)) publishedById.set(meeting.id, { placed: p, meeting });
  });
  // The engine's meetings, named, are the schedule's: no need to read the schedule back. Its
  // score board already holds every penalty: the report asks the rules for details only there.
  budget.enter('export');
  engine.state.rescore();
  const slots = engine.state.liveMeetings();
  const live = nameNewMeetings(compiled, movedIndividuals(compiled, slots.map((slot) => engine.state.meetings[slot]!), publishedById), publishedById.keys());
  // A pin that could not hold (its meeting was repaired) is no longer one.
  const schedule = exportReplanned(compiled, live, publishedById, new Set([...served.pinned].filter((id) => served.view.frozen.has(id))));
  const ctx = { problem: compiled, meetings: live, ...indexMeetings(compiled, live), previous: week.published, integrity: [] };
  budget.enter('report');
  const report = buildReportFromBoard(ctx, engine.state.board, ctx.integrity, slots, () => budget.tick());
  budget.enter('causes', () => ({ bestScore: report.score, iteration: served.steps }));

  // Causes for what the affected patients still lack (a make-up that found no place, an admission), then everyone else's.
  explainUnmet(ctx, report, served.view, served.log.missed, served.byId, served.servingCut, budget);
  const stoppedBecause = stopReasonOf(budget.aborted(), served.steps >= served.maxSteps, served.cutBy, report.score);
  const elapsedMs = budget.elapsedMs();
  // Re-planning builds on the published week, so it is complete unless the budget cut serving short.
  const constructionComplete = stoppedBecause !== 'time-limit' && stoppedBecause !== 'aborted';
  report.stats = { seed: served.seed, iterations: served.steps, elapsedMs, firstCompleteMs: served.firstCompleteMs, timeToBestMs: elapsedMs, stoppedBecause, constructionComplete };
  return { schedule, report };
}

/** What changed for whom and why: the published and re-planned weeks compared, each change with its reasons. */
function changeLog(week: ChangedWeek, served: Served, previous: Schedule, schedule: Schedule, changes: readonly Change[]): ChangeLog {
  const { compiled } = week;
  const { log } = served;
  for (const [p, reasons] of served.affected) for (const reason of reasons) addReason(log.patient, p, reason);
  const changed = diffSchedules(previous, schedule, {
    meeting: (id) => log.meeting.get(id) ?? [],
    patient: (id) => log.patient.get(compiled.patientIndex.get(id) ?? -1) ?? [],
    staff: (id) => log.staff.get(compiled.staffIndex.get(id) ?? -1) ?? [],
  });
  return withPrimaryStaffLog(changed, changes, week.problem);
}

/** Why re-planning stopped: the caller's abort, the iteration limit, the time limit, else whether anything was left to gain. */
function stopReasonOf(aborted: boolean, iterationsSpent: boolean, cutBy: StopReason | undefined, score: Score): StopReason {
  if (aborted) return 'aborted';
  if (iterationsSpent) return 'iteration-limit';
  if (cutBy === 'time-limit') return 'time-limit';
  return score.hard === 0 && score.requirement === 0 && score.soft === 0 ? 'optimal' : 'no-improvement';
}
