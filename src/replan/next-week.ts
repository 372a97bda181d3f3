/**
 * Carries a published week forward to the following Monday: the starting point of next week's
 * `replan`, so a stable programme repeats with only the changes applied.
 */
import { ProblemError } from '../model/issue.js';
import type { Problem } from '../model/problem.js';
import type { Meeting, Schedule } from '../model/schedule.js';
import { assertValidProblem } from '../input/validate.js';
import { compileProblem } from '../compiled/compile.js';
import { addDays } from '../time/week.js';
import { meetingInstants } from '../time/zone.js';
import { readPublished } from './published.js';
import type { HistoryEntry, LocalDate } from '../model/problem.js';
import type { Issue } from '../model/issue.js';
import type { Change } from '../model/options.js';
import { ISSUE_CODES } from '../input/issue-codes.js';
import { LIMITS } from '../input/limits.js';
import { makeUpTracksOf } from './make-up.js';

/**
 * What `nextWeek` may be told about the week that ended.
 *
 * @example
 * ```ts
 * const options: NextWeekOptions = { attendance: [{ meeting: 'g-tu-18', patient: 'p-07', status: 'no-show' }] };
 * ```
 */
export interface NextWeekOptions {
  /** Who attended what, where it differs from the schedule (absent: everyone on a roster attended, `noShows` did not). */
  attendance?: Array<{
    /** A meeting id of the schedule. */
    meeting: string;
    /** A patient on its roster (or among its `noShows`). */
    patient: string;
    /** What happened. */
    status: 'attended' | 'no-show';
  }>;
}

/**
 * The problem and the schedule of the week after `schedule`'s: `weekStart` and every meeting's
 * date seven days later, at the same wall-clock times (so `startsAt`/`endsAt` take the offset in
 * force that day: across a DST change the instants shift and the clinic's clock does not);
 * meeting ids, staff, rooms, rosters and pins unchanged, except that this week's no-shows are on
 * the roster again, patients discharged by then leave their sessions and a meeting left with
 * nobody is dropped. Nothing is checked against next
 * week's availability: pass the result to `replan` (with no changes, or next week's) to repair
 * what no longer fits. Never mutates its arguments.
 *
 * The ledger: every patient's `history` gains the week's sessions, `attended` unless
 * `options.attendance` says `no-show` (a meeting's `noShows` are no-shows already); entries the
 * problem held for the week itself (replan's recorded no-shows) give way to this full record. Past
 * `LIMITS.historyEntries` the oldest entries go: cadence reads only the latest attended ones.
 *
 * @throws {ProblemError} when `problem` is invalid or `schedule` is not a schedule of its week.
 *
 * @example
 * ```ts
 * const carried = nextWeek(problem, published, { attendance: [{ meeting: 'g-tu-18', patient: 'p-07', status: 'no-show' }] });
 * const { schedule } = replan(carried.problem, carried.schedule, [{ kind: 'admit', patient: newcomer }]);
 * ```
 */
export function nextWeek(
  problem: Problem,
  schedule: Schedule,
  options: NextWeekOptions = {},
): {
  /** The same problem (defaults resolved) with `weekStart` seven days later. */
  problem: Problem;
  /** The meetings carried to the next week. */
  schedule: Schedule;
} {
  const valid = assertValidProblem(problem);
  const issues = readPublished(compileProblem(valid), schedule).issues.map((issue) => ({ ...issue, path: issue.path.replace(/^previous/, 'schedule') }));
  if (issues.length > 0) throw new ProblemError(issues);
  const attendance = readAttendance(options.attendance, schedule);
  if (attendance.issues.length > 0) throw new ProblemError(attendance.issues);
  const weekStart = addDays(valid.weekStart, 7);
  const next: Problem = { ...structuredClone(valid), weekStart };
  appendWeek(next, valid.weekStart, schedule, attendance.status);
  const dischargedOn = new Map(valid.patients.filter((p) => p.dischargedOn !== undefined).map((p) => [p.id, p.dischargedOn!]));
  const madeUp = makeUpTracksOf(valid);
  const meetings: Meeting[] = [];
  for (const meeting of schedule.meetings) {
    const date = addDays(meeting.date, 7);
    // This week's no-shows are on next week's roster again: a no-show is a record of one week,
    // and so is its make-up in a make-up track.
    const patients = [...meeting.patients, ...(meeting.noShows ?? [])].filter((id) => {
      if (madeUp(id, meeting.track)) return false;
      const until = dischargedOn.get(id);
      return until === undefined || date < until;
    });
    if (patients.length === 0) continue;
    const { noShows: _, ...rest } = structuredClone(meeting);
    meetings.push({ ...rest, date, ...meetingInstants(date, meeting.start, meeting.end, valid.timeZone), patients });
  }
  return { problem: next, schedule: { timeZone: valid.timeZone, weekStart, meetings } };
}

type Status = 'attended' | 'no-show';

/** `attendance` checked against `schedule`: status per `meeting\u0000patient`, or issues with paths. */
function readAttendance(attendance: unknown, schedule: Schedule): { status: Map<string, Status>; issues: Issue[] } {
  const status = new Map<string, Status>();
  const issues: Issue[] = [];
  if (attendance === undefined) return { status, issues };
  if (!Array.isArray(attendance)) return { status, issues: [{ path: 'attendance', code: ISSUE_CODES.invalidType, message: 'attendance must be a list.' }] };
  const rosters = new Map(schedule.meetings.map((m) => [m.id, new Set([...m.patients, ...(m.noShows ?? [])])]));
  attendance.forEach((entry: unknown, i) => {
    const path = `attendance[${i}]`;
    const record = typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>) : undefined;
    const meeting = record?.['meeting'];
    const patient = record?.['patient'];
    const state = record?.['status'];
    const roster = typeof meeting === 'string' ? rosters.get(meeting) : undefined;
    if (!roster) issues.push({ path: `${path}.meeting`, code: ISSUE_CODES.unknownReference, message: 'The schedule has no such meeting.' });
    else if (typeof patient !== 'string' || !roster.has(patient)) issues.push({ path: `${path}.patient`, code: ISSUE_CODES.unknownReference, message: `That patient is not on meeting ${String(meeting)}.` });
    if (state !== 'attended' && state !== 'no-show') issues.push({ path: `${path}.status`, code: ISSUE_CODES.invalidValue, message: "status must be 'attended' or 'no-show'." });
    else if (roster && typeof patient === 'string' && roster.has(patient)) status.set(`${String(meeting)}\u0000${patient}`, state);
  });
  return { status, issues };
}

/**
 * Appends the week of `weekStart` (its `schedule`) to every patient's history in `problem` (a
 * copy the caller owns), replacing entries the problem held for that week itself.
 */
function appendWeek(problem: Problem, weekStart: LocalDate, schedule: Schedule, status: ReadonlyMap<string, Status>): void {
  const weekEnd = addDays(weekStart, 7);
  const added = new Map<string, HistoryEntry[]>();
  const add = (patient: string, entry: HistoryEntry): void => {
    const list = added.get(patient);
    if (list) list.push(entry);
    else added.set(patient, [entry]);
  };
  for (const meeting of schedule.meetings) {
    const seen = (patient: string, fallback: Status): Status => status.get(`${meeting.id}\u0000${patient}`) ?? fallback;
    for (const patient of meeting.patients) add(patient, { service: meeting.service, date: meeting.date, status: seen(patient, 'attended') });
    for (const patient of meeting.noShows ?? []) add(patient, { service: meeting.service, date: meeting.date, status: seen(patient, 'no-show') });
  }
  for (const patient of problem.patients) {
    const week = added.get(patient.id);
    const before = (patient.history ?? []).filter((entry) => entry.date < weekStart || entry.date >= weekEnd);
    if (!week && before.length === (patient.history ?? []).length) continue;
    week?.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    patient.history = trimmed([...before, ...(week ?? [])]);
  }
}

/** `history` within `LIMITS.historyEntries`: the oldest out first (stable by date), as cadence reads only the latest attended sessions. */
function trimmed(history: HistoryEntry[]): HistoryEntry[] {
  if (history.length <= LIMITS.historyEntries) return history;
  return history
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => (a.entry.date < b.entry.date ? -1 : a.entry.date > b.entry.date ? 1 : a.index - b.index))
    .slice(-LIMITS.historyEntries)
    .map(({ entry }) => entry);
}

/**
 * Records each `missed` change as a no-show in the history of `problem` (a copy the caller owns:
 * `replan`'s validated problem), dated the missed meeting's day in the published week `previous`.
 * Changes must already be checked (unknown meetings and patients are skipped).
 *
 * @example
 * ```ts
 * recordMissed(valid, published, [{ kind: 'missed', patient: 'p-07', meeting: 'g-tu-18' }]);
 * ```
 */
export function recordMissed(problem: Problem, previous: Schedule, changes: readonly Change[]): void {
  // Counted per (patient, service, date): two groups of one service missed the same day are two
  // no-shows, while a problem that already records them (replan called again) gains none.
  const wanted = new Map<string, { patient: string; entry: HistoryEntry; count: number }>();
  for (const change of changes) {
    if (change.kind !== 'missed') continue;
    const meeting = previous.meetings.find((m) => m.id === change.meeting);
    if (!meeting) continue;
    const key = `${change.patient}\u0000${meeting.service}\u0000${meeting.date}`;
    const seen = wanted.get(key);
    if (seen) seen.count++;
    else wanted.set(key, { patient: change.patient, entry: { service: meeting.service, date: meeting.date, status: 'no-show' }, count: 1 });
  }
  for (const { patient: id, entry, count } of wanted.values()) {
    const patient = problem.patients.find((p) => p.id === id);
    if (!patient) continue;
    const history = patient.history ?? [];
    const have = history.filter((e) => e.service === entry.service && e.date === entry.date && e.status === 'no-show').length;
    if (have >= count) continue;
    patient.history = trimmed([...history, ...Array.from({ length: count - have }, () => ({ ...entry }))]);
  }
}
