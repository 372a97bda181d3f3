/**
 * Who missed a session of a week, read from its schedule: a patient named in a meeting's
 * `noShows` may have made it up in their make-up tracks that week (see `CompileOptions.makeUpFor`).
 */
import type { Schedule } from '../model/schedule.js';

/**
 * The patients (ids) a schedule records as no-shows. Tolerates a malformed schedule (reading it is
 * the schedule reader's job, which reports its issues): what is not a list of ids is skipped.
 *
 * @example
 * ```ts
 * noShowPatients(schedule); // Set { 'p-01' } when p-01 missed a meeting of the week
 * ```
 */
export function noShowPatients(schedule: Pick<Schedule, 'meetings'> | undefined): Set<string> {
  const ids = new Set<string>();
  const meetings: unknown = schedule?.meetings;
  if (!Array.isArray(meetings)) return ids;
  for (const meeting of meetings as unknown[]) {
    const noShows: unknown = (meeting as { noShows?: unknown } | null)?.noShows;
    if (!Array.isArray(noShows)) continue;
    for (const id of noShows as unknown[]) if (typeof id === 'string') ids.add(id);
  }
  return ids;
}
