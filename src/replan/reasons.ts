/**
 * Why something changed, per change: the reason a change gives and the lists of reasons kept per
 * meeting, patient and staff member for the change log.
 */
import type { Change } from '../model/options.js';
import type { ChangeReason } from './types.js';

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
