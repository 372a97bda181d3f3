/**
 * Make-ups: who may use their `makeUpTracks` in a re-planned week. Only a patient who missed a
 * session does, and only in `replan` (and `checkSchedule` of the week that records the no-show):
 * a regular week keeps every patient in their own tracks.
 */
import type { Change } from '../model/options.js';
import type { Problem } from '../model/problem.js';
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

/**
 * Whether patient `id` attends a meeting of `track` only as a make-up (it is one of their
 * `makeUpTracks`): a make-up is a record of one week, not carried to the next.
 *
 * @example
 * ```ts
 * const makeUp = makeUpTracksOf(problem);
 * makeUp('p-01', 'evening'); // true when p-01 lists the evening track only as a make-up track
 * ```
 */
export function makeUpTracksOf(problem: Pick<Problem, 'patients'>): (id: string, track: string | null) => boolean {
  const tracks = new Map(problem.patients.map((p) => [p.id, new Set(p.makeUpTracks ?? [])]));
  return (id, track) => track !== null && tracks.get(id)?.has(track) === true;
}
