/**
 * The published week as `replan` reads it: checked (a week it cannot trust is a `ProblemError`,
 * with paths under `previous`), then turned back into a `Schedule` with stable ids: kept meetings
 * keep theirs, new ones get fresh readable ids never used by the published week, and a meeting
 * that did not change is returned exactly as it was published.
 */
import type { Issue } from '../model/issue.js';
import type { Meeting, Schedule } from '../model/schedule.js';
import type { CompiledProblem } from '../compiled/compile.js';
import { exportSchedule, instantsIn, meetingOf } from '../compiled/export.js';
import { toOffsetIso, zonedInstant } from '../time/zone.js';
import type { PlacedMeeting } from '../rules/types.js';
import { meetingWith } from '../compiled/meetings.js';
import { formatLocalTime, MINUTES_PER_DAY, parseLocalTime, WEEKDAYS } from '../time/week.js';
import { Context } from '../input/context.js';
import { readMeta } from '../input/meta.js';
import { isRecord, shown } from './untrusted.js';

/**
 * Reads the published week against the (valid, compiled) problem: its meetings in compiled form,
 * and every defect `checkSchedule` would call a `schedule-integrity` breach as an issue with a
 * path under `previous` (a week `replan` cannot trust is an error, not something to repair).
 * Instants are checked through a cache, since a week's meetings share few dates and times.
 */
export function readPublished(compiled: CompiledProblem, previous: unknown): { issues: Issue[]; meetings: PlacedMeeting[] } {
  const issues: Issue[] = [];
  const meetings: PlacedMeeting[] = [];
  const issue: Report = (path, message) => {
    issues.push({ path, code: 'invalid-schedule', message });
  };
  if (!isRecord(previous) || !Array.isArray(previous['meetings'])) {
    issue('previous', 'The published week must be a schedule with a list of meetings.');
    return { issues, meetings };
  }
  if (previous['timeZone'] !== compiled.timeZone) issue('previous.timeZone', `The published week is in time zone ${shown(previous['timeZone'])} but the problem in ${compiled.timeZone}.`);
  if (previous['weekStart'] !== compiled.weekStart) issue('previous.weekStart', `The published week starts ${shown(previous['weekStart'])} but the problem's week ${compiled.weekStart}.`);
  const isInstantOf = instantChecker(compiled);
  const seen = new Set<string>();
  (previous['meetings'] as unknown[]).forEach((raw, i) => {
    const path = `previous.meetings[${i}]`;
    if (!isRecord(raw)) return issue(path, 'A meeting must be an object.');
    const id = raw['id'];
    if (typeof id !== 'string' || id === '') return issue(`${path}.id`, 'A meeting needs a non-empty id.');
    if (seen.has(id)) issue(`${path}.id`, `Meeting id ${id} is used by more than one meeting.`);
    seen.add(id);
    const meeting = readMeeting(compiled, raw, id, path, isInstantOf, issue);
    if (meeting) meetings.push(meeting);
  });
  return { issues, meetings };
}

/** Records an issue at a path. */
type Report = (path: string, message: string) => void;

/**
 * Whether a text names the instant of a day and minute of the week. Per day and minute: the
 * instant, and the text the engine's export writes for it when that text names the same instant.
 * A published week usually carries exactly that text, which then needs no parsing; any other
 * text is parsed (once: a week shares few instants).
 */
function instantChecker(compiled: CompiledProblem): (value: unknown, day: number, minutes: number) => boolean {
  const instants = new Map<number, { ms: number; text: string | undefined }>();
  const parsedTexts = new Map<string, number>();
  const parsed = (text: string): number => {
    let ms = parsedTexts.get(text);
    if (ms === undefined) parsedTexts.set(text, (ms = Date.parse(text)));
    return ms;
  };
  return (value, day, minutes) => {
    if (typeof value !== 'string') return false;
    const key = day * (MINUTES_PER_DAY + 1) + minutes;
    let known = instants.get(key);
    if (!known) {
      const date = compiled.dates[day]!;
      const time = formatLocalTime(minutes);
      const ms = zonedInstant(date, time, compiled.timeZone).getTime();
      const text = toOffsetIso(date, time, compiled.timeZone);
      instants.set(key, (known = { ms, text: Date.parse(text) === ms ? text : undefined }));
    }
    return value === known.text || parsed(value) === known.ms;
  };
}

/** One published meeting `raw` (id `id`) in compiled form, or undefined when its service, date or times cannot be read. */
function readMeeting(
  compiled: CompiledProblem,
  raw: Record<string, unknown>,
  id: string,
  path: string,
  isInstantOf: (value: unknown, day: number, minutes: number) => boolean,
  issue: Report,
): PlacedMeeting | undefined {
  const service = typeof raw['service'] === 'string' ? compiled.serviceIndex.get(raw['service']) : undefined;
  if (service === undefined) return void issue(`${path}.service`, `Meeting ${id} holds unknown service ${shown(raw['service'])}.`);
  const date = typeof raw['date'] === 'string' ? raw['date'] : '';
  const day = compiled.dates.indexOf(date);
  if (day < 0) return void issue(`${path}.date`, `Meeting ${id} is on ${shown(raw['date'])}, not a date of the week of ${compiled.weekStart}.`);
  if (raw['day'] !== WEEKDAYS[day]) issue(`${path}.day`, `Meeting ${id} says ${shown(raw['day'])} but ${date} is a ${WEEKDAYS[day]}.`);
  const start = typeof raw['start'] === 'string' ? parseLocalTime(raw['start']) : undefined;
  const end = typeof raw['end'] === 'string' ? parseLocalTime(raw['end']) : undefined;
  if (start === undefined || end === undefined || end <= start) return void issue(`${path}.end`, `Meeting ${id} has no valid start and end (${shown(raw['start'])}-${shown(raw['end'])}).`);
  for (const [field, minutes] of [['startsAt', start], ['endsAt', end]] as const) {
    if (!isInstantOf(raw[field], day, minutes)) issue(`${path}.${field}`, `Meeting ${id} has a ${field} that does not match ${date} ${formatLocalTime(minutes)} in ${compiled.timeZone}.`);
  }
  const { track, room, telehealth } = placeOf(compiled, raw, id, path, issue);
  const revision = raw['revision'];
  if (revision !== undefined && (typeof revision !== 'number' || !Number.isInteger(revision) || revision < 0)) issue(`${path}.revision`, `Meeting ${id} has a revision that is not a whole number of at least 0.`);
  if (raw['pinned'] !== undefined && typeof raw['pinned'] !== 'boolean') issue(`${path}.pinned`, `Meeting ${id} has a pinned flag that is not true or false.`);
  // meta is carried to the re-planned week, so it must be JSON that copies safely.
  const metaContext = new Context();
  readMeta(raw['meta'], `${path}.meta`, metaContext);
  for (const found of metaContext.issues) issue(found.path, `Meeting ${id}: ${found.message}`);
  const staff = idsOf(raw, 'staff', compiled.staffIndex, 'staff member', id, path, issue);
  const patients = idsOf(raw, 'patients', compiled.patientIndex, 'patient', id, path, issue);
  const meeting: PlacedMeeting = { id, service, track, day, start, end, room, telehealth, staff, patients, pinned: raw['pinned'] === true };
  if (raw['noShows'] !== undefined) {
    meeting.noShows = idsOf(raw, 'noShows', compiled.patientIndex, 'no-show patient', id, path, issue);
    for (const p of meeting.noShows) if (patients.includes(p)) issue(`${path}.noShows`, `Meeting ${id} lists patient ${compiled.patients[p]!.id} both as attending and as a no-show.`);
  }
  return meeting;
}

/** Where a published meeting is held: its track (-1: none), its room (-1: telehealth) and mode. */
function placeOf(compiled: CompiledProblem, raw: Record<string, unknown>, id: string, path: string, issue: Report): { track: number; room: number; telehealth: boolean } {
  let track = -1;
  if (raw['track'] !== null && raw['track'] !== undefined) {
    const at = typeof raw['track'] === 'string' ? compiled.trackIndex.get(raw['track']) : undefined;
    if (at === undefined) issue(`${path}.track`, `Meeting ${id} names unknown track ${shown(raw['track'])}.`);
    else track = at;
  }
  const telehealth = raw['mode'] === 'telehealth';
  if (!telehealth && raw['mode'] !== 'in-person') issue(`${path}.mode`, `Meeting ${id} has mode ${shown(raw['mode'])}; it must be in-person or telehealth.`);
  let room = -1;
  if (telehealth) {
    if (raw['room'] !== null && raw['room'] !== undefined) issue(`${path}.room`, `Meeting ${id} is held by telehealth but names room ${shown(raw['room'])}.`);
  } else {
    const at = typeof raw['room'] === 'string' ? compiled.roomIndex.get(raw['room']) : undefined;
    if (at === undefined) issue(`${path}.room`, `Meeting ${id} is in person but names no known room (${shown(raw['room'])}).`);
    else room = at;
  }
  return { track, room, telehealth };
}

/** The indices a meeting's list `field` names, each once; unknown and repeated entries are issues. */
function idsOf(
  raw: Record<string, unknown>,
  field: 'staff' | 'patients' | 'noShows',
  index: ReadonlyMap<string, number>,
  noun: string,
  id: string,
  path: string,
  issue: Report,
): number[] {
  const list = raw[field];
  const found: number[] = [];
  if (!Array.isArray(list)) {
    issue(`${path}.${field}`, `Meeting ${id} has no list of ${noun}s.`);
    return found;
  }
  list.forEach((item: unknown, j) => {
    const at = typeof item === 'string' ? index.get(item) : undefined;
    if (at === undefined) issue(`${path}.${field}[${j}]`, `Meeting ${id} names unknown ${noun} ${shown(item)}.`);
    else if (found.includes(at)) issue(`${path}.${field}[${j}]`, `Meeting ${id} lists ${noun} ${shown(item)} twice.`);
    else found.push(at);
  });
  return found;
}

function sameSet(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

/** Whether a placed meeting is the published one unchanged (staff in the same order). */
export function unchanged(a: PlacedMeeting, b: PlacedMeeting): boolean {
  return (
    a.service === b.service &&
    a.track === b.track &&
    a.day === b.day &&
    a.start === b.start &&
    a.end === b.end &&
    a.room === b.room &&
    a.telehealth === b.telehealth &&
    a.staff.length === b.staff.length &&
    a.staff.every((s, i) => b.staff[i] === s) &&
    sameSet(a.patients, b.patients) &&
    sameSet(a.noShows ?? [], b.noShows ?? [])
  );
}

const MEETING_FIELDS: ReadonlySet<string> = new Set(['id', 'service', 'track', 'date', 'day', 'start', 'end', 'startsAt', 'endsAt', 'room', 'mode', 'staff', 'patients', 'noShows', 'pinned', 'revision']);

/** A kept meeting that changed, rebuilt by the engine, keeps the caller's `meta` of its published version. */
function keepMeta(out: Meeting, before: Meeting | undefined): Meeting {
  if (before?.meta !== undefined && out.meta === undefined) out.meta = structuredClone(before.meta);
  return out;
}

/** A meeting that changed (or is new): one revision past its published version, or 0. */
function revised(out: Meeting, before: Meeting | undefined): Meeting {
  out.revision = before ? (before.revision ?? 0) + 1 : 0;
  return out;
}

/** A deep copy of a published meeting (a fast one when it holds only the fields of a `Meeting`). */
function copyOf(meeting: Meeting): Meeting {
  for (const key of Object.keys(meeting)) if (!MEETING_FIELDS.has(key)) return structuredClone(meeting);
  const copy = { ...meeting, staff: [...meeting.staff], patients: [...meeting.patients] };
  if (meeting.noShows) copy.noShows = [...meeting.noShows];
  return copy;
}

/**
 * The engine's live meetings with an id for each new one (`<track>-<day>-<hhmm>-<service>-<n>`,
 * never one in `taken` or already used), so the report and the schedule name the same meetings.
 */
export function nameNewMeetings(compiled: CompiledProblem, live: readonly PlacedMeeting[], taken: Iterable<string>): PlacedMeeting[] {
  const used = new Set<string>([...taken, ...live.map((m) => m.id).filter((id) => id !== '')]);
  const counters = new Map<string, number>();
  return live.map((m) => {
    if (m.id !== '') return m;
    const track = m.track >= 0 ? compiled.tracks[m.track]!.id : 'session';
    const prefix = `${track}-${WEEKDAYS[m.day]}-${formatLocalTime(m.start).replace(':', '')}-${compiled.services[m.service]!.id}`;
    let n = counters.get(prefix) ?? 0;
    let id: string;
    do id = `${prefix}-${++n}`;
    while (used.has(id));
    counters.set(prefix, n);
    used.add(id);
    return meetingWith(m, { id });
  });
}

/**
 * An individual session the engine took out and placed again for the same patient and service
 * (to make room for someone) is the same session moved: it keeps its published id, so the
 * change log says `moved` and calendars update it instead of cancelling it. `published` maps the
 * published ids to their meetings (compiled).
 *
 * @example
 * ```ts
 * const live = nameNewMeetings(compiled, movedIndividuals(compiled, engineMeetings, publishedById), publishedById.keys());
 * ```
 */
export function movedIndividuals(compiled: CompiledProblem, live: readonly PlacedMeeting[], published: ReadonlyMap<string, { placed: PlacedMeeting }>): PlacedMeeting[] {
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
    return id === undefined ? m : meetingWith(m, { id });
  });
}

/**
 * The re-planned week as a Schedule. `pinned` lists the ids flagged pinned in the result;
 * `published` maps ids to the published meetings (compiled and as published); `live` meetings already named (see {@link nameNewMeetings});
 * a meeting identical to its published version is the published object (cloned), so an
 * untouched meeting reads exactly as before. Meetings come sorted by date, start and id, as the
 * engine's export sorts them; only the meetings that changed are converted (most of a week
 * is as published).
 */
export function exportReplanned(
  compiled: CompiledProblem,
  live: readonly PlacedMeeting[],
  published: ReadonlyMap<string, { placed: PlacedMeeting; meeting: Meeting }>,
  pinned: ReadonlySet<string>,
): Schedule {
  const ids = new Set<string>();
  for (const m of live) {
    // Two live meetings under one id: the engine's export renames the later one.
    if (ids.has(m.id)) return exportRenaming(compiled, live, published, pinned);
    ids.add(m.id);
  }
  const instant = instantsIn(compiled.timeZone);
  // Dates of one week and zero-padded clock times sort as their day and minute indexes do.
  const ordered = [...live].sort((a, b) => a.day - b.day || a.start - b.start || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const meetings = ordered.map((placed) =>
    exported(placed, published.get(placed.id), pinned, () => meetingOf(compiled, meetingWith(placed, { patients: [...placed.patients].sort((a, b) => a - b) }), placed.id, instant)),
  );
  return { timeZone: compiled.timeZone, weekStart: compiled.weekStart, meetings };
}

/** {@link exportReplanned} through the engine's export, which gives a repeated id's later holder a fresh one. */
function exportRenaming(
  compiled: CompiledProblem,
  live: readonly PlacedMeeting[],
  published: ReadonlyMap<string, { placed: PlacedMeeting; meeting: Meeting }>,
  pinned: ReadonlySet<string>,
): Schedule {
  const named = live.map((m) => meetingWith(m, { pinned: true }));
  // Every meeting goes out "pinned" so the engine's export keeps the ids; the flags are set after.
  const schedule = exportSchedule(compiled, named);
  const byId = new Map(named.map((m) => [m.id, m]));
  schedule.meetings = schedule.meetings.map((meeting) => exported(byId.get(meeting.id)!, published.get(meeting.id), pinned, () => meeting));
  return schedule;
}

/**
 * Meeting `placed` as the re-planned week lists it: its published version `before` (cloned) when
 * unchanged, else `converted()` with the published meta and one revision more; flagged pinned
 * only when in `pinned`. Converting only what changed keeps exporting a mostly unchanged week cheap.
 */
function exported(placed: PlacedMeeting, before: { placed: PlacedMeeting; meeting: Meeting } | undefined, pinned: ReadonlySet<string>, converted: () => Meeting): Meeting {
  const out = before && unchanged(before.placed, placed) ? copyOf(before.meeting) : revised(keepMeta(converted(), before?.meeting), before?.meeting);
  if (pinned.has(out.id)) out.pinned = true;
  else delete out.pinned;
  return out;
}
