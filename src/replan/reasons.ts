/**
 * Why something changed, per change: the reason a change gives and the lists of reasons kept per
 * meeting, patient and staff member for the change log, read from a re-planning call's changes.
 */
import type { Change } from '../model/options.js';
import type { CompiledProblem } from '../compiled/compile.js';
import type { PlacedMeeting } from '../rules/types.js';
import type { ChangeReason } from './types.js';
import { parseLocalTime } from '../time/week.js';

/**
 * The reason change `change` (at `index` in the call's changes) gives, as a plain sentence with ids.
 *
 * @example
 * ```ts
 * reasonOf({ kind: 'pin', meeting: 'm-1' }, 0); // { change: 0, kind: 'pin', message: 'Meeting m-1 is pinned.' }
 * ```
 */
export function reasonOf(change: Change, index: number): ChangeReason {
  switch (change.kind) {
    case 'admit':
      return { change: index, kind: 'admit', message: `Patient ${change.patient.id} is admitted.` };
    case 'discharge':
      return { change: index, kind: 'discharge', message: `Patient ${change.patient} is discharged from ${change.from}.` };
    case 'staff-out':
      return { change: index, kind: 'staff-out', message: `Staff ${change.staff} is out on ${change.date}${change.start || change.end ? ` ${change.start ?? '00:00'}-${change.end ?? '24:00'}` : ''}.` };
    case 'room-closed':
      return { change: index, kind: 'room-closed', message: `Room ${change.room} is closed on ${change.date}${change.start || change.end ? ` ${change.start ?? '00:00'}-${change.end ?? '24:00'}` : ''}.` };
    case 'missed':
      return { change: index, kind: 'missed', message: `Patient ${change.patient} missed meeting ${change.meeting}; it is made up later in the week when needed.` };
    case 'pin':
      return { change: index, kind: 'pin', message: `Meeting ${change.meeting} is pinned.` };
  }
}

/**
 * Adds `reason` to the list kept for `key`, once (the same change and message are not repeated).
 *
 * @example
 * ```ts
 * addReason(meetingReasons, 'tu-process', { change: 0, kind: 'staff-out', message: 'Staff s-1 is out on 2026-11-24.' });
 * ```
 */
export function addReason(map: Map<number, ChangeReason[]>, key: number, reason: ChangeReason): void;
export function addReason(map: Map<string, ChangeReason[]>, key: string, reason: ChangeReason): void;
export function addReason<K>(map: Map<K, ChangeReason[]>, key: K, reason: ChangeReason): void {
  const list = map.get(key);
  if (!list) map.set(key, [reason]);
  else if (!list.some((r) => r.change === reason.change && r.message === reason.message)) list.push(reason);
}

/**
 * Why each meeting, patient and staff member changed, as the call's changes say, and who missed
 * which meeting (by meeting id, patient indices).
 *
 * @example
 * ```ts
 * const log = changeReasons(compiled, placed, changes, pinned);
 * console.log(log.meeting.get('tu-process')?.[0]?.message);
 * ```
 */
export interface ChangeReasons {
  patient: Map<number, ChangeReason[]>;
  meeting: Map<string, ChangeReason[]>;
  staff: Map<number, ChangeReason[]>;
  missed: Map<string, Set<number>>;
}

/**
 * Reads the call's `changes` against the published meetings `placed`: the reasons each gives to
 * the meetings, patients and staff it touches, and who missed what. Pins are added to `pinned`.
 *
 * @example
 * ```ts
 * const log = changeReasons(compiled, placed, [{ kind: 'pin', meeting: 'm-1' }], pinned); // pinned has 'm-1'
 * ```
 */
export function changeReasons(compiled: CompiledProblem, placed: readonly PlacedMeeting[], changes: readonly Change[], pinned: Set<string>): ChangeReasons {
  const log: ChangeReasons = { patient: new Map(), meeting: new Map(), staff: new Map(), missed: new Map() };
  const byId = new Map(placed.map((m) => [m.id, m]));
  changes.forEach((change, i) => {
    const reason = reasonOf(change, i);
    if (change.kind === 'pin') {
      pinned.add(change.meeting);
      addReason(log.meeting, change.meeting, reason);
    } else if (change.kind === 'missed') {
      const m = byId.get(change.meeting)!;
      const p = compiled.patientIndex.get(change.patient)!;
      let set = log.missed.get(m.id);
      if (!set) log.missed.set(m.id, (set = new Set()));
      set.add(p);
      addReason(log.patient, p, reason);
      addReason(log.meeting, m.id, reason);
    } else if (change.kind === 'admit' || change.kind === 'discharge') {
      const id = change.kind === 'admit' ? change.patient.id : change.patient;
      addReason(log.patient, compiled.patientIndex.get(id)!, reason);
    } else {
      const who = change.kind === 'staff-out' ? compiled.staffIndex.get(change.staff)! : compiled.roomIndex.get(change.room)!;
      if (change.kind === 'staff-out') addReason(log.staff, who, reason);
      for (const m of placed) {
        const involved = change.kind === 'staff-out' ? m.staff.includes(who) : m.room === who;
        if (involved && overlapsWindow(m, compiled, change.date, change.start, change.end)) addReason(log.meeting, m.id, reason);
      }
    }
  });
  return log;
}

/**
 * The patients re-planning serves first, with the reasons their changes give: the admitted and
 * whoever missed a meeting.
 *
 * @example
 * ```ts
 * const affected = admittedAndMissed(compiled, changes, changeReasons(compiled, placed, changes, pinned));
 * ```
 */
export function admittedAndMissed(compiled: CompiledProblem, changes: readonly Change[], log: ChangeReasons): Map<number, ChangeReason[]> {
  const affected = new Map<number, ChangeReason[]>();
  for (const change of changes) {
    if (change.kind !== 'admit') continue;
    const p = compiled.patientIndex.get(change.patient.id)!;
    affected.set(p, log.patient.get(p) ?? []);
  }
  for (const [, set] of log.missed) for (const p of set) affected.set(p, log.patient.get(p) ?? []);
  return affected;
}

function overlapsWindow(m: PlacedMeeting, compiled: CompiledProblem, date: string, start?: string, end?: string): boolean {
  if (compiled.dates[m.day] !== date) return false;
  // The changes are validated: their times parse.
  const from = start === undefined ? 0 : parseLocalTime(start)!;
  const to = end === undefined ? 1440 : parseLocalTime(end)!;
  return m.start < to && from < m.end;
}
