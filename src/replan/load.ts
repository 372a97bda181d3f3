/**
 * The published week as re-planning loads it into the engine: which meetings are a record, which
 * are frozen by a pin, and which a change left too small to hold as they are; then loaded, with
 * what a change broke released and its patients handed the reasons.
 */
import type { CompiledProblem } from '../compiled/compile.js';
import { releaseBroken, type Engine, type PublishedMeeting } from '../engine/index.js';
import type { PlacedMeeting } from '../rules/types.js';
import { meetingWith } from '../compiled/meetings.js';
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
    if (!past && absent.length > 0 && !heldWith(compiled, m.service, patients.length)) {
      // A future meeting a change left too small: no pin can hold it. An individual session
      // without its patient is cancelled; a group below its minimum is repaired like any other.
      if (patients.length === 0) continue;
      loaded.push({ meeting: meetingWith(m, { patients, pinned: false }), frozen: false, past });
      continue;
    }
    const frozen = past || pinned.has(m.id);
    // A record: whoever missed it, or was discharged before it, stays on it as a no-show.
    const changes = past && absent.length > 0 ? { patients, pinned: frozen, noShows: [...(m.noShows ?? []), ...absent] } : { patients, pinned: frozen };
    loaded.push({ meeting: meetingWith(m, changes), frozen, past });
  }
  return loaded;
}

/**
 * Loads the meetings `loaded` into `engine` and releases those a change broke (see
 * `releaseBroken`); returns the ids of the meetings that stay frozen (a pin that had to give way
 * is no longer one). A released meeting keeps its reasons in `log.meeting` (or one saying which
 * rule it no longer kept), and each patient it displaced gets them in `affected`, saying it was
 * cancelled, so re-planning serves them.
 *
 * @example
 * ```ts
 * const frozen = releasePublished(engine, loadPublished(compiled, placed, opensAt, log, pinned), log, affected);
 * ```
 */
export function releasePublished(engine: Engine, loaded: readonly PublishedMeeting[], log: ChangeReasons, affected: Map<number, ChangeReason[]>): Set<string> {
  const frozen = new Set(loaded.filter((x) => x.frozen).map((x) => x.meeting.id));
  const release = releaseBroken(engine, loaded);
  for (const id of release.unpinned) frozen.delete(id);
  for (const { meeting: m, code, displaced } of release.released) {
    const why = log.meeting.get(m.id) ?? [{ change: null, kind: 'requirement', message: `Meeting ${m.id} no longer kept rule ${code} as published.` } as ChangeReason];
    if (!log.meeting.has(m.id)) addReason(log.meeting, m.id, why[0]!);
    for (const p of displaced) for (const reason of why) addReason(affected, p, { ...reason, message: `${reason.message} Meeting ${m.id} was cancelled.` });
  }
  return frozen;
}

/** Whether a meeting of service `s` has patients enough to be held with `count` (its group's minimum, or one for an individual session). */
function heldWith(compiled: CompiledProblem, s: number, count: number): boolean {
  const service = compiled.services[s]!;
  return service.kind === 'group' ? count >= service.minSize : count === 1;
}
