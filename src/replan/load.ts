/**
 * The published week as re-planning loads it into the engine: which meetings are a record, which
 * are frozen by a pin, and which a change left too small to hold as they are.
 */
import type { CompiledProblem } from '../compiled/compile.js';
import type { PublishedMeeting } from '../engine/index.js';
import type { PlacedMeeting } from '../rules/types.js';
import { addReason, type ChangeReasons } from './reasons.js';
import type { ChangeReason } from './types.js';

/**
 * The published meetings `placed` as the engine takes them: a meeting that started before its
 * day's first open minute (`opensAt`), or has no-shows, is past and keeps whoever missed it as a
 * no-show; a patient no longer enrolled that day or who missed it leaves a future meeting; a
 * future meeting left below its size loses its pin (and an individual session without its
 * patient is dropped); past and pinned meetings are frozen. Reasons for patients no longer
 * enrolled are added to `log.meeting`.
 *
 * @example
 * ```ts
 * const loaded = loadPublished(compiled, placed, opensAt, log, pinned);
 * const release = releaseBroken(engine, loaded);
 * ```
 */
export function loadPublished(
  compiled: CompiledProblem,
  placed: readonly PlacedMeeting[],
  opensAt: readonly number[],
  log: ChangeReasons,
  pinned: ReadonlySet<string>,
): PublishedMeeting[] {
  const loaded: PublishedMeeting[] = [];
  for (const m of placed) {
    // A meeting with no-shows is a record too: it was held (a later call with no cutoff keeps it).
    const past = m.start < opensAt[m.day]! || (m.noShows?.length ?? 0) > 0;
    const gone = log.missed.get(m.id);
    const patients: number[] = [];
    const absent: number[] = [];
    for (const p of m.patients) {
      const patient = compiled.patients[p]!;
      const enrolled = m.day >= patient.firstDay && m.day < patient.endDay;
      if (!enrolled) {
        for (const reason of log.patient.get(p) ?? [{ change: null, kind: 'requirement', message: `Patient ${patient.id} is not enrolled on ${compiled.dates[m.day]}.` } as ChangeReason]) {
          addReason(log.meeting, m.id, reason);
        }
      }
      if (enrolled && !gone?.has(p)) patients.push(p);
      else absent.push(p);
    }
    const meeting: PlacedMeeting = { ...m, patients };
    if (past) {
      // A record: whoever missed it, or was discharged before it, stays on it as a no-show.
      if (absent.length > 0) meeting.noShows = [...(m.noShows ?? []), ...absent];
    } else if (absent.length > 0 && !heldWith(compiled, meeting)) {
      // A future meeting a change left too small: no pin can hold it. An individual session
      // without its patient is cancelled; a group below its minimum is repaired like any other.
      if (patients.length === 0) continue;
      loaded.push({ meeting: { ...meeting, pinned: false }, frozen: false, past });
      continue;
    }
    const frozen = past || pinned.has(m.id);
    loaded.push({ meeting: { ...meeting, pinned: frozen }, frozen, past });
  }
  return loaded;
}

/** Whether meeting `m` has patients enough to be held (its group's minimum, or one for an individual session). */
function heldWith(compiled: CompiledProblem, m: PlacedMeeting): boolean {
  const service = compiled.services[m.service]!;
  return service.kind === 'group' ? m.patients.length >= service.minSize : m.patients.length === 1;
}
