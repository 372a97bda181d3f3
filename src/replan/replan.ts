/**
 * `replan`: absorb admissions, discharges, call-outs, closed rooms, missed sessions and pins into
 * a published week, changing as little as possible, and say what changed for whom and why.
 */
import type { Change } from '../model/options.js';
import { ProblemError, type Issue } from '../model/issue.js';
import type { Problem } from '../model/problem.js';
import type { Score, StopReason } from '../model/report.js';
import type { Meeting, Schedule } from '../model/schedule.js';
import { compileProblem, type CompiledProblem } from '../compiled/compile.js';
import { constructAffected, createEngine, releaseBroken, reportReserveMs, search } from '../engine/index.js';
import { allRules } from '../rules/catalogue.js';
import type { PlacedMeeting } from '../rules/types.js';
import { buildReportFromBoard } from '../check/report.js';
import { indexMeetings } from '../compiled/schedule-context.js';
import { resolveWeights } from '../check/weights.js';
import { budgetOf } from '../time/budget.js';
import { applyChangesInPlace, checkReplanInput } from './changes.js';
import { withPrimaryStaffLog } from './assign-primary.js';
import { diffSchedules } from './diff.js';
import { addReason, changeReasons, type ChangeReasons } from './reasons.js';
import { loadPublished } from './load.js';
import { explainUnmet } from './unmet-causes.js';
import type { ReplanView } from './view.js';
import { exportReplanned, nameNewMeetings, readPublished } from './published.js';
import { previousWeekFrom } from '../compiled/schedule-context.js';
import { clipToRecord, firstOpenMinutes, recordCutoff } from './record.js';
import type { ChangeReason, ReplanOptions, ReplanResult } from './types.js';
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
  const placed = read.meetings;
  const published = previousWeekFrom(compiled, placed);

  const pinned = new Set(previous.meetings.filter((m) => m.pinned === true).map((m) => m.id));
  const log = changeReasons(compiled, placed, changes, pinned);
  const byId = new Map(placed.map((m) => [m.id, m]));

  const seed = Number.isFinite(options.seed) ? Math.trunc(options.seed!) : 1;
  const opensAt = firstOpenMinutes(compiled.dates, compiled.timeZone, cutoff);
  // The engine itself, from the published week: nothing starts before the cutoff, and the
  // stability rule scores every change against what was published.
  // Scored once the release has loaded the published week, not empty first.
  const engine = createEngine(compiled, rules, weights, seed, { previous: published, opensAt, scoreLater: true });
  // Release, construction and search stop early enough to export, report and say why (as solve does).
  engine.budget = budget.reserve(reportReserveMs(budget.deadline - budget.startedAt, compiled.patients.length, budget.elapsedMs()));
  const maxSteps = options.maxIterations !== undefined && Number.isFinite(options.maxIterations) ? Math.max(0, Math.trunc(options.maxIterations)) : Infinity;
  let steps = 0;
  // The board's score, not the state's: asking the state would score the empty week before the
  // release loads the published one (scoreLater); until then it reads 0, as validation's reports do.
  engine.budget.enter('replan', () => ({ bestScore: engine.state.board.score(), iteration: steps }));
  const affected = admittedAndMissed(compiled, changes, log);

  const loaded = loadPublished(compiled, placed, opensAt, log, pinned);
  const frozen = new Set(loaded.filter((x) => x.frozen).map((x) => x.meeting.id));
  const release = releaseBroken(engine, loaded);
  for (const id of release.unpinned) frozen.delete(id);
  for (const { meeting: m, code, displaced } of release.released) {
    const why = log.meeting.get(m.id) ?? [{ change: null, kind: 'requirement', message: `Meeting ${m.id} no longer kept rule ${code} as published.` } as ChangeReason];
    if (!log.meeting.has(m.id)) addReason(log.meeting, m.id, why[0]!);
    for (const p of displaced) for (const reason of why) addReason(affected, p, { ...reason, message: `${reason.message} Meeting ${m.id} was cancelled.` });
  }
  // Only the affected patients' missing sessions are constructed; then the engine's search,
  // drawing its targeted moves from the patients still short.
  const serving = [...affected.keys()].sort((a, b) => a - b);
  steps = constructAffected(engine, serving, maxSteps);
  const firstCompleteMs = budget.elapsedMs();
  let searched = 0;
  if (steps < maxSteps && !engine.budget.spent()) {
    const result = search(engine, { maxIterations: maxSteps - steps, patience: REPLAN_PATIENCE, serving });
    engine.state.restoreTo(result.best);
    engine.state.commit();
    searched = result.iterations;
  }
  steps += searched;
  const servingCut = steps >= maxSteps || engine.budget.spent();
  const cutBy = engine.budget.stopReason();
  const view: ReplanView = { engine, firstOpenMinute: opensAt, affected, frozen };

  const publishedById = new Map<string, { placed: PlacedMeeting; meeting: Meeting }>();
  previous.meetings.forEach((meeting) => {
    const p = byId.get(meeting.id);
    if (p && !publishedById.has(meeting.id)) publishedById.set(meeting.id, { placed: p, meeting });
  });
  // The engine's meetings, named, are the schedule's: no need to read the schedule back. Its
  // score board already holds every penalty: the report asks the rules for details only there.
  budget.enter('export');
  engine.state.rescore();
  const slots = engine.state.liveMeetings();
  const live = nameNewMeetings(compiled, movedIndividuals(compiled, slots.map((slot) => engine.state.meetings[slot]!), publishedById), publishedById.keys());
  // A pin that could not hold (its meeting was repaired) is no longer one.
  const schedule = exportReplanned(compiled, live, publishedById, new Set([...pinned].filter((id) => frozen.has(id))));
  const ctx = { problem: compiled, meetings: live, ...indexMeetings(compiled, live), previous: published, integrity: [] };
  budget.enter('report');
  const report = buildReportFromBoard(ctx, engine.state.board, ctx.integrity, slots, () => budget.tick());
  budget.enter('causes', () => ({ bestScore: report.score, iteration: steps }));

  // Causes for what the affected patients still lack (a make-up that found no place, an admission), then everyone else's.
  explainUnmet(ctx, report, view, log.missed, byId, servingCut, budget);
  const score = report.score;
  const stoppedBecause = stopReasonOf(budget.aborted(), steps >= maxSteps, cutBy, score);
  const elapsedMs = budget.elapsedMs();
  // Re-planning builds on the published week, so it is complete unless the budget cut serving short.
  const constructionComplete = stoppedBecause !== 'time-limit' && stoppedBecause !== 'aborted';
  report.stats = { seed, iterations: steps, elapsedMs, firstCompleteMs, timeToBestMs: elapsedMs, stoppedBecause, constructionComplete };

  for (const [p, reasons] of affected) for (const reason of reasons) addReason(log.patient, p, reason);
  const changed = diffSchedules(previous, schedule, {
    meeting: (id) => log.meeting.get(id) ?? [],
    patient: (id) => log.patient.get(compiled.patientIndex.get(id) ?? -1) ?? [],
    staff: (id) => log.staff.get(compiled.staffIndex.get(id) ?? -1) ?? [],
  });
  const held = new Set(schedule.meetings.map((m) => m.id));
  const cancelled = previous.meetings.filter((m) => !held.has(m.id)).map((m) => structuredClone(m));
  return { problem: changedProblem, schedule, report, changed: withPrimaryStaffLog(changed, changes, changedProblem), cancelled };
}

/**
 * An individual session the engine took out and placed again for the same patient and service
 * (to make room for someone) is the same session moved: it keeps its published id, so the
 * change log says `moved` and calendars update it instead of cancelling it.
 */
function movedIndividuals(compiled: CompiledProblem, live: readonly PlacedMeeting[], published: ReadonlyMap<string, { placed: PlacedMeeting }>): PlacedMeeting[] {
  const held = new Set(live.map((m) => m.id));
  const gone = new Map<string, string[]>();
  for (const [id, { placed }] of published) {
    if (held.has(id) || compiled.services[placed.service]!.kind !== 'individual' || placed.patients.length !== 1) continue;
    const key = `${placed.service} ${placed.patients[0]!}`;
    gone.set(key, [...(gone.get(key) ?? []), id]);
  }
  if (gone.size === 0) return [...live];
  return live.map((m) => {
    if (m.id !== '' || m.patients.length !== 1 || compiled.services[m.service]!.kind !== 'individual') return m;
    const id = gone.get(`${m.service} ${m.patients[0]!}`)?.shift();
    return id === undefined ? m : { ...m, id };
  });
}

/** The patients re-planning serves first, with the reasons their changes give: the admitted and whoever missed a meeting. */
function admittedAndMissed(compiled: CompiledProblem, changes: readonly Change[], log: ChangeReasons): Map<number, ChangeReason[]> {
  const affected = new Map<number, ChangeReason[]>();
  for (const change of changes) {
    if (change.kind !== 'admit') continue;
    const p = compiled.patientIndex.get(change.patient.id)!;
    affected.set(p, log.patient.get(p) ?? []);
  }
  for (const [, set] of log.missed) for (const p of set) affected.set(p, log.patient.get(p) ?? []);
  return affected;
}

/** Why re-planning stopped: the caller's abort, the iteration limit, the time limit, else whether anything was left to gain. */
function stopReasonOf(aborted: boolean, iterationsSpent: boolean, cutBy: StopReason | undefined, score: Score): StopReason {
  if (aborted) return 'aborted';
  if (iterationsSpent) return 'iteration-limit';
  if (cutBy === 'time-limit') return 'time-limit';
  return score.hard === 0 && score.requirement === 0 && score.soft === 0 ? 'optimal' : 'no-improvement';
}
