/**
 * Make-ups: who may use their `makeUpTracks` in a re-planned week. Only a patient who missed a
 * session does, and only in `replan` (and `checkSchedule` of the week that records the no-show):
 * a regular week keeps every patient in their own tracks.
 */
import type { Change } from '../model/options.js';
import type { Schedule } from '../model/schedule.js';
import { noShowPatients } from '../compiled/no-shows.js';

/**
 * The patients (ids) of the `missed` changes and the no-shows the published week already records
 * (an earlier make-up stays valid): their make-up tracks join their tracks for this re-planning.
 *
 * @example
 * ```ts
 * makeUpPatients([{ kind: 'missed', patient: 'p-01', meeting: 'm-3' }], published); // Set { 'p-01', ... }
 * ```
 */
export function makeUpPatients(changes: readonly Change[], previous: Pick<Schedule, 'meetings'>): Set<string> {
  const ids = noShowPatients(previous);
  for (const change of changes) if (change.kind === 'missed') ids.add(change.patient);
  return ids;
}
