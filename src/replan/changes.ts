/**
 * The changes `replan` absorbs: checked against the problem and the published week (every bad
 * change is an issue with a `changes[i].field` path), then applied to a copy of the problem.
 * Staff call-outs and room closures become availability exceptions, a discharge an earlier
 * `dischargedOn`, an admission one more patient; misses and pins act on meetings (see replan.ts).
 */
import type { Change } from '../model/options.js';
import type { Availability, Patient, Problem } from '../model/problem.js';
import type { Schedule } from '../model/schedule.js';
import type { Issue } from '../model/issue.js';
import { ISSUE_CODES } from '../input/issue-codes.js';
import { LIMITS } from '../input/limits.js';
import { assertValidProblem, validateProblem } from '../input/validate.js';
import { dayInWeek, dayNumber, parseLocalTime, WEEKDAYS } from '../time/week.js';
import { assignPrimaryStaff } from './assign-primary.js';
import { recordMissed } from './next-week.js';
import { isRecord, shown } from './untrusted.js';

const KINDS: ReadonlySet<string> = new Set(['admit', 'discharge', 'staff-out', 'room-closed', 'missed', 'pin']);

/** Issues of an optional partial-day window (`start`/`end`) of a change. */
function windowIssues(change: Record<string, unknown>, path: string, issues: Issue[]): void {
  const times: Array<['start' | 'end', number | undefined]> = [];
  for (const field of ['start', 'end'] as const) {
    const value = change[field];
    if (value === undefined) continue;
    const minutes = typeof value === 'string' ? parseLocalTime(value) : undefined;
    if (minutes === undefined) issues.push({ path: `${path}.${field}`, code: ISSUE_CODES.invalidTime, message: `'${shown(value)}' is not a clock time (HH:mm, 00:00 to 24:00).` });
    times.push([field, minutes]);
  }
  const start = typeof change['start'] === 'string' ? parseLocalTime(change['start']) : 0;
  const end = typeof change['end'] === 'string' ? parseLocalTime(change['end']) : 1440;
  if (start !== undefined && end !== undefined && end <= start) {
    issues.push({ path: `${path}.end`, code: ISSUE_CODES.invalidRange, message: `The window ends at ${shown(change['end'])}, not after it starts at ${shown(change['start'] ?? '00:00')}.` });
  }
}

function dateInWeekIssue(value: unknown, weekStart: string, path: string, issues: Issue[]): void {
  if (typeof value !== 'string' || dayNumber(value) === undefined) {
    issues.push({ path, code: ISSUE_CODES.invalidDate, message: `'${shown(value)}' is not a date (YYYY-MM-DD).` });
  } else if (dayInWeek(value, weekStart) === undefined) {
    issues.push({ path, code: ISSUE_CODES.outOfRange, message: `${value} is not in the week of ${weekStart}.` });
  }
}

/**
 * Counts one more availability exception for the staff member or room `id` of `owners`: a
 * call-out or closure becomes one, and an availability holds at most `LIMITS.windows`.
 */
function exceptionRoom(owners: ReadonlyArray<{ id: string; availability?: Availability }>, id: unknown, counts: Map<object, number>, path: string, issues: Issue[]): void {
  const owner = owners.find((o) => o.id === id);
  if (!owner) return;
  const count = (counts.get(owner) ?? owner.availability?.except?.length ?? 0) + 1;
  counts.set(owner, count);
  if (count === LIMITS.windows + 1) {
    issues.push({ path, code: ISSUE_CODES.tooLarge, message: `${shown(id)} already has ${LIMITS.windows} availability exceptions, the most one availability may hold.` });
  }
}

/** The admissions among untrusted `changes` whose patient is an object, with their positions. */
function admissionsOf(changes: unknown): Array<{ at: number; patient: Record<string, unknown> }> {
  const admitted: Array<{ at: number; patient: Record<string, unknown> }> = [];
  if (!Array.isArray(changes)) return admitted;
  changes.forEach((change: unknown, at) => {
    if (isRecord(change) && change['kind'] === 'admit' && isRecord(change['patient'])) admitted.push({ at, patient: change['patient'] });
  });
  return admitted;
}

/**
 * The problem and the admitted patients validated in one pass, when the problem with the
 * admissions appended is valid and the problem alone would be too (only a patient's `avoid` can
 * name another patient, so that is the one thing the admissions could have made valid); otherwise
 * undefined, and the caller validates the long way round for the issues.
 */
function validatedTogether(problem: unknown, admissions: ReadonlyArray<{ patient: Record<string, unknown> }>): { problem: Problem; admitted: Patient[] } | undefined {
  try {
    if (!isRecord(problem) || !Array.isArray(problem['patients'])) return undefined;
    const base = (problem['patients'] as unknown[]).length;
    const result = validateProblem({ ...problem, patients: [...(problem['patients'] as unknown[]), ...admissions.map((a) => a.patient)] });
    if (!result.ok) return undefined;
    const admitted = result.problem.patients.slice(base);
    const valid: Problem = { ...result.problem, patients: result.problem.patients.slice(0, base) };
    const admittedIds = new Set(admitted.map((p) => p.id));
    if (valid.patients.some((p) => p.avoid?.some((id) => admittedIds.has(id)))) return undefined;
    return { problem: valid, admitted };
  } catch {
    // Input whose reading throws (a hostile getter, say) takes the long way, which reports it.
    return undefined;
  }
}

/**
 * `replan`'s input checked: the valid problem (a fresh copy, shared with nothing), every issue of
 * `changes` (see {@link checkChanges}) and the admitted patients validated. The problem and the
 * admissions go through the validator once together; only when that finds issues is the problem
 * validated alone, so each issue keeps its path (`patients[3]...` or `changes[2].patient...`).
 *
 * @throws {ProblemError} when `problem` is invalid, as `assertValidProblem` does.
 *
 * @example
 * ```ts
 * const { problem: valid, issues, admitted } = checkReplanInput(problem, published, changes);
 * if (issues.length > 0) throw new ProblemError(issues);
 * ```
 */
export function checkReplanInput(problem: unknown, previous: Schedule, changes: unknown): { problem: Problem; issues: Issue[]; admitted: Patient[] } {
  const admissions = admissionsOf(changes);
  const together = admissions.length > 0 ? validatedTogether(problem, admissions) : undefined;
  const valid = together ? together.problem : assertValidProblem(problem);
  const checked = { problem: valid, ...checkChanges(valid, previous, changes, together?.admitted) };
  // The ledger: a missed session is a no-show in the returned problem's history (issue 23).
  if (checked.issues.length === 0) recordMissed(valid, previous, changes as Change[]);
  return checked;
}

/**
 * Every issue of `changes` against a valid `problem` and its published week `previous` (read as
 * untrusted data), and the admitted patients as the validator returns them. Admitted patients are
 * checked as the validator checks any patient (issue paths under `changes[i].patient`), unless
 * `validatedAdmissions` gives them already validated with the problem (in order of the changes).
 */
export function checkChanges(
  problem: Problem,
  previous: Schedule,
  changes: unknown,
  validatedAdmissions?: readonly Patient[],
): { issues: Issue[]; admitted: Patient[] } {
  if (!Array.isArray(changes)) {
    return { issues: [{ path: 'changes', code: ISSUE_CODES.invalidType, message: 'The changes must be a list.' }], admitted: [] };
  }
  const issues: Issue[] = [];
  const known = knownIds(problem, previous, changes);
  const exceptions = new Map<object, number>();
  changes.forEach((change: unknown, i) => changeIssues(problem, known, change, `changes[${i}]`, exceptions, issues));
  const admitted = validatedAdmissions !== undefined ? [...validatedAdmissions] : admittedPatients(problem, known.admitted, issues);
  return { issues, admitted };
}

/** What the changes may name: the problem's and the admissions' ids, the published meetings, admission dates. */
interface KnownIds {
  staff: ReadonlySet<string>;
  rooms: ReadonlySet<string>;
  patients: ReadonlySet<string>;
  /** Published meetings by id, with their patients as given. */
  meetings: ReadonlyMap<string, { id: string; patients: unknown[] }>;
  /** Admission dates, for discharges: an admission's own date is read as given (it is validated with the patient). */
  admittedOn: ReadonlyMap<string, string>;
  /** The admissions' patients as given, with the index of their change. */
  admitted: ReadonlyArray<{ at: number; patient: unknown }>;
}

function knownIds(problem: Problem, previous: Schedule, changes: readonly unknown[]): KnownIds {
  const listed: unknown = isRecord(previous) ? previous['meetings'] : undefined;
  const meetings = new Map<string, { id: string; patients: unknown[] }>();
  for (const m of Array.isArray(listed) ? (listed as unknown[]) : []) {
    if (isRecord(m) && typeof m['id'] === 'string') meetings.set(m['id'], { id: m['id'], patients: Array.isArray(m['patients']) ? (m['patients'] as unknown[]) : [] });
  }
  const admitted: Array<{ at: number; patient: unknown }> = [];
  changes.forEach((change: unknown, i) => {
    if (isRecord(change) && change['kind'] === 'admit') admitted.push({ at: i, patient: change['patient'] });
  });
  const patients = new Set(problem.patients.map((p) => p.id));
  for (const { patient } of admitted) if (isRecord(patient) && typeof patient['id'] === 'string') patients.add(patient['id']);
  const admittedOn = new Map<string, string>();
  for (const p of problem.patients) if (p.admittedOn !== undefined) admittedOn.set(p.id, p.admittedOn);
  for (const { patient } of admitted) {
    if (isRecord(patient) && typeof patient['id'] === 'string' && typeof patient['admittedOn'] === 'string') admittedOn.set(patient['id'], patient['admittedOn']);
  }
  return { staff: new Set(problem.staff.map((s) => s.id)), rooms: new Set(problem.rooms.map((r) => r.id)), patients, meetings, admittedOn, admitted };
}

/** The issues of one change at `path` (an admission's patient is checked apart, with the problem). */
function changeIssues(problem: Problem, ids: KnownIds, change: unknown, path: string, exceptions: Map<object, number>, issues: Issue[]): void {
  if (!isRecord(change)) {
    issues.push({ path, code: ISSUE_CODES.invalidType, message: 'A change must be an object with a kind.' });
    return;
  }
  const kind = change['kind'];
  if (typeof kind !== 'string' || !KINDS.has(kind)) {
    issues.push({ path: `${path}.kind`, code: ISSUE_CODES.invalidValue, message: `'${shown(kind)}' is not a kind of change (${[...KINDS].join(', ')}).` });
    return;
  }
  const known = (field: string, set: ReadonlySet<string>, noun: string): void => {
    const value = change[field];
    if (typeof value !== 'string' || !set.has(value)) {
      issues.push({ path: `${path}.${field}`, code: ISSUE_CODES.unknownReference, message: `There is no ${noun} '${shown(value)}'.` });
    }
  };
  switch (kind) {
    case 'admit':
      if (!isRecord(change['patient'])) issues.push({ path: `${path}.patient`, code: ISSUE_CODES.invalidType, message: 'An admission needs a patient object.' });
      break;
    case 'discharge':
      known('patient', ids.patients, 'patient');
      dischargeDateIssue(change, ids.admittedOn, path, issues);
      break;
    case 'staff-out':
    case 'room-closed':
      known(kind === 'staff-out' ? 'staff' : 'room', kind === 'staff-out' ? ids.staff : ids.rooms, kind === 'staff-out' ? 'staff member' : 'room');
      dateInWeekIssue(change['date'], problem.weekStart, `${path}.date`, issues);
      windowIssues(change, path, issues);
      exceptionRoom(kind === 'staff-out' ? problem.staff : problem.rooms, change[kind === 'staff-out' ? 'staff' : 'room'], exceptions, path, issues);
      break;
    case 'missed': {
      known('patient', ids.patients, 'patient');
      const meeting = typeof change['meeting'] === 'string' ? ids.meetings.get(change['meeting']) : undefined;
      if (!meeting) issues.push({ path: `${path}.meeting`, code: ISSUE_CODES.unknownReference, message: `The published week has no meeting '${shown(change['meeting'])}'.` });
      else if (typeof change['patient'] === 'string' && !meeting.patients.includes(change['patient'])) {
        issues.push({ path: `${path}.patient`, code: ISSUE_CODES.invalidValue, message: `Patient ${change['patient']} is not in meeting ${meeting.id}.` });
      }
      break;
    }
    case 'pin':
      if (typeof change['meeting'] !== 'string' || !ids.meetings.has(change['meeting'])) {
        issues.push({ path: `${path}.meeting`, code: ISSUE_CODES.unknownReference, message: `The published week has no meeting '${shown(change['meeting'])}'.` });
      }
      break;
  }
}

function dischargeDateIssue(change: Record<string, unknown>, admittedOn: ReadonlyMap<string, string>, path: string, issues: Issue[]): void {
  if (typeof change['from'] !== 'string' || dayNumber(change['from']) === undefined) {
    issues.push({ path: `${path}.from`, code: ISSUE_CODES.invalidDate, message: `'${shown(change['from'])}' is not a date (YYYY-MM-DD).` });
    return;
  }
  // As the validator reads a patient: a discharge may fall on the admission date, not before it.
  const admission = typeof change['patient'] === 'string' ? admittedOn.get(change['patient']) : undefined;
  const admissionDay = admission === undefined ? undefined : dayNumber(admission);
  if (admissionDay !== undefined && dayNumber(change['from'])! < admissionDay) {
    issues.push({ path: `${path}.from`, code: ISSUE_CODES.invalidRange, message: `Patient ${shown(change['patient'])} is admitted on ${admission}; a discharge from ${change['from']} would be before it.` });
  }
}

/** Admitted patients validated as part of the problem, their issues moved under their change. */
function admittedPatients(problem: Problem, admitted: KnownIds['admitted'], issues: Issue[]): Patient[] {
  const usable = admitted.filter(({ patient }) => isRecord(patient));
  if (usable.length === 0) return [];
  const base = problem.patients.length;
  const result = validateProblem({ ...problem, patients: [...problem.patients, ...usable.map((a) => a.patient)] });
  if (result.ok) return result.problem.patients.slice(base);
  for (const issue of result.issues) {
    const match = /^patients\[(\d+)\](.*)$/.exec(issue.path);
    const position = match ? Number(match[1]) - base : -1;
    const owner = usable[position];
    if (owner) issues.push({ ...issue, path: `changes[${owner.at}].patient${match![2]}` });
    else if (match && Number(match[1]) < base && issue.code === ISSUE_CODES.duplicateId) {
      // The earlier copy of a duplicated id: name the admission instead.
      continue;
    } else issues.push(issue);
  }
  return [];
}

function withException(availability: Availability | undefined, date: string, start?: string, end?: string): Availability {
  const exception = { date, ...(start !== undefined ? { start } : {}), ...(end !== undefined ? { end } : {}) };
  // Absent availability means "always": spell it out, since an availability object with only
  // exceptions would mean "never".
  const base: Availability = availability ?? { weekly: [{ days: [...WEEKDAYS], start: '00:00', end: '24:00' }] };
  return { ...base, except: [...(base.except ?? []), exception] };
}

/**
 * A copy of `problem` (valid, not shared with the caller) with the problem-level changes applied:
 * `admitted` (the validated patients of the admissions, in order), discharges, staff call-outs
 * and room closures. `changes` must have no issues.
 */
export function applyChanges(problem: Problem, changes: readonly Change[], admitted: readonly Patient[]): Problem {
  return applyChangesInPlace(structuredClone(problem), changes, structuredClone(admitted));
}

/**
 * {@link applyChanges} on a problem the caller owns (the validator's fresh copy, say): `problem`
 * itself is changed and returned, and `admitted` become its last patients (not copied).
 */
export function applyChangesInPlace(problem: Problem, changes: readonly Change[], admitted: readonly Patient[]): Problem {
  for (const patient of admitted) problem.patients.push(patient);
  for (const change of changes) {
    switch (change.kind) {
      case 'discharge': {
        const patient = problem.patients.find((p) => p.id === change.patient);
        if (patient && (patient.dischargedOn === undefined || change.from < patient.dischargedOn)) patient.dischargedOn = change.from;
        break;
      }
      case 'staff-out': {
        const member = problem.staff.find((s) => s.id === change.staff);
        if (member) member.availability = withException(member.availability, change.date, change.start, change.end);
        break;
      }
      case 'room-closed': {
        const room = problem.rooms.find((r) => r.id === change.room);
        if (room) room.availability = withException(room.availability, change.date, change.start, change.end);
        break;
      }
      default:
        break;
    }
  }
  assignPrimaryStaff(problem, admitted);
  return problem;
}
