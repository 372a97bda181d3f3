/**
 * The change log: the re-planned week against the published one, meeting by meeting id, and for
 * every patient and staff member the sessions of theirs that changed, each with its reasons.
 */
import type { Meeting, Schedule } from '../model/schedule.js';
import type { ChangeLog, ChangeReason, MeetingChange, MeetingChangeKind, PersonChange, SessionChange } from './types.js';

/** Where reasons come from: recorded against meetings and against people by re-planning. */
export interface ReasonSource {
  meeting(id: string): readonly ChangeReason[];
  patient(id: string): readonly ChangeReason[];
  staff(id: string): readonly ChangeReason[];
}

const REQUIREMENT: ChangeReason = { change: null, kind: 'requirement', message: 'Changed to keep a requirement of the week.' };

function merge(...lists: ReadonlyArray<readonly ChangeReason[]>): ChangeReason[] {
  const out: ChangeReason[] = [];
  for (const list of lists) {
    for (const reason of list) if (!out.some((r) => r.change === reason.change && r.message === reason.message)) out.push(reason);
  }
  return out;
}

function minus(a: readonly string[], b: readonly string[]): string[] {
  const other = new Set(b);
  return a.filter((x) => !other.has(x)).sort();
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function kindsOf(before: Meeting | undefined, after: Meeting | undefined, added: number, removed: number, staffChanged: boolean): MeetingChangeKind[] {
  if (!before) return ['added'];
  if (!after) return ['cancelled'];
  const kinds: MeetingChangeKind[] = [];
  if (before.date !== after.date || before.start !== after.start || before.end !== after.end) kinds.push('moved');
  if (staffChanged) kinds.push('re-staffed');
  if (before.room !== after.room || before.mode !== after.mode) kinds.push('re-roomed');
  if (added + removed > 0) kinds.push('roster');
  return kinds;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => b[i] === x);
}

/** A quick test that a meeting did not change at all (most of a re-planned week). */
function same(a: Meeting, b: Meeting): boolean {
  return a.date === b.date && a.start === b.start && a.end === b.end && a.room === b.room && a.mode === b.mode && sameList(a.staff, b.staff) && sameList(a.patients, b.patients);
}

class People {
  private readonly sessions = new Map<string, SessionChange[]>();

  add(id: string, meeting: string, what: SessionChange['what'], reasons: ChangeReason[]): void {
    let list = this.sessions.get(id);
    if (!list) this.sessions.set(id, (list = []));
    list.push({ meeting, what, reasons });
  }

  list(): PersonChange[] {
    return [...this.sessions.entries()].sort((a, b) => compareIds(a[0], b[0])).map(([id, sessions]) => ({ id, sessions }));
  }
}

/**
 * What changed from `before` to `after` (same week), with reasons from `reasons`; a change with
 * no recorded reason is put down to keeping a requirement.
 *
 * @example
 * ```ts
 * const log = diffSchedules(published, replanned, reasons);
 * log.meetings.filter((m) => m.kinds.includes('moved'));
 * ```
 */
export function diffSchedules(before: Schedule, after: Schedule, reasons: ReasonSource): ChangeLog {
  const old = new Map(before.meetings.map((m) => [m.id, m]));
  const now = new Map(after.meetings.map((m) => [m.id, m]));
  const ids = [...new Set([...old.keys(), ...now.keys()])].sort(compareIds);
  const meetings: MeetingChange[] = [];
  const patients = new People();
  const staff = new People();
  for (const id of ids) {
    const b = old.get(id);
    const a = now.get(id);
    if (a && b && same(a, b)) continue;
    const patientsAdded = minus(a?.patients ?? [], b?.patients ?? []);
    const patientsRemoved = minus(b?.patients ?? [], a?.patients ?? []);
    const staffAdded = minus(a?.staff ?? [], b?.staff ?? []);
    const staffRemoved = minus(b?.staff ?? [], a?.staff ?? []);
    const staffChanged = !!a && !!b && (staffAdded.length > 0 || staffRemoved.length > 0 || a.staff.join('\u0000') !== b.staff.join('\u0000'));
    const kinds = kindsOf(b, a, patientsAdded.length, patientsRemoved.length, staffChanged);
    if (kinds.length === 0) continue;
    const own = reasons.meeting(id);
    const moved = kinds.includes('moved');
    const why = (person: readonly ChangeReason[]): ChangeReason[] => {
      const list = merge(person, own);
      return list.length > 0 ? list : [REQUIREMENT];
    };
    const all = merge(own, ...patientsAdded.map(reasons.patient), ...patientsRemoved.map(reasons.patient), ...staffRemoved.map(reasons.staff));
    const entry: MeetingChange = {
      meeting: id,
      kinds,
      patientsAdded,
      patientsRemoved,
      staffAdded,
      staffRemoved,
      reasons: all.length > 0 ? all : [REQUIREMENT],
    };
    if (b) entry.before = structuredClone(b);
    if (a) entry.after = structuredClone(a);
    meetings.push(entry);
    for (const p of patientsAdded) patients.add(p, id, 'added', why(reasons.patient(p)));
    for (const p of patientsRemoved) patients.add(p, id, 'removed', why(reasons.patient(p)));
    for (const s of staffAdded) staff.add(s, id, 'added', why([]));
    for (const s of staffRemoved) staff.add(s, id, 'removed', why(reasons.staff(s)));
    if (a && b) {
      const stayed = (list: readonly string[], gone: readonly string[]): string[] => list.filter((x) => !gone.includes(x));
      const what: SessionChange['what'] | undefined = moved ? 'moved' : kinds.includes('re-staffed') || kinds.includes('re-roomed') ? 'changed' : undefined;
      if (what) {
        for (const p of stayed(a.patients, patientsAdded)) patients.add(p, id, what, why([]));
        for (const s of stayed(a.staff, staffAdded)) staff.add(s, id, what, why([]));
      }
    }
  }
  return { meetings, patients: patients.list(), staff: staff.list() };
}
