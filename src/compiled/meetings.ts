/**
 * A timetable in compiled form: the meetings as indexes and minutes, the per-entity indexes the
 * rules read, and a previous week to stay close to. Below the rules (they read it) and the engine
 * (it writes it), beside the compiled problem.
 */
import type { CompiledProblem } from './compile.js';

/** A meeting in compiled form: indexes instead of ids, minutes of the day instead of clock strings. */
export interface PlacedMeeting {
  id: string;
  service: number;
  /** Track index, or -1 for none. */
  track: number;
  /** Day index, 0 = Monday; -1 when the date is outside the week. */
  day: number;
  /** Wall-clock minutes after midnight. */
  start: number;
  end: number;
  /** Room index, or -1 for none (telehealth). */
  room: number;
  telehealth: boolean;
  staff: number[];
  patients: number[];
  pinned: boolean;
  /** Patients on the roster who did not attend (a held meeting's no-shows); absent: none. */
  noShows?: number[];
}

/** A previous timetable to stay close to (re-planning), in compiled form. */
export interface PreviousWeek {
  /** Meeting id to the meeting as published. */
  meetings: ReadonlyMap<string, PlacedMeeting>;
  /**
   * Per patient index: keys of the sessions published for them, as {@link sessionKey} makes them
   * (service index, day index and start minute: `'3@1@1080'`).
   */
  patientSessions: ReadonlyArray<ReadonlySet<string>>;
}

/**
 * A copy of meeting `m` with `changes`, built by one object literal in the interface's order.
 * Every meeting construction builds this way shares one hidden class: an object spread
 * (`{ ...m, patients }`) gives each spread site a class of its own, and the fast checks and
 * rules, which read every meeting, ran megamorphic on five of them (1,000 patients) and were
 * deoptimised each time another turned up, which a cold process pays for.
 *
 * @example
 * ```ts
 * const joined = meetingWith(m, { patients: [...m.patients, p] });
 * ```
 */
export function meetingWith(m: PlacedMeeting, changes: Partial<PlacedMeeting>): PlacedMeeting {
  const copy: PlacedMeeting = {
    id: changes.id ?? m.id,
    service: changes.service ?? m.service,
    track: changes.track ?? m.track,
    day: changes.day ?? m.day,
    start: changes.start ?? m.start,
    end: changes.end ?? m.end,
    room: changes.room ?? m.room,
    telehealth: changes.telehealth ?? m.telehealth,
    staff: changes.staff ?? m.staff,
    patients: changes.patients ?? m.patients,
    pinned: changes.pinned ?? m.pinned,
  };
  const noShows = changes.noShows ?? m.noShows;
  if (noShows !== undefined) copy.noShows = noShows;
  return copy;
}

/**
 * The key of a session in {@link PreviousWeek.patientSessions}: what a patient sees of it (service, day, start).
 *
 * @example
 * ```ts
 * sessionKey({ service: 3, day: 1, start: 1080 }); // '3@1@1080'
 * ```
 */
export function sessionKey(meeting: Pick<PlacedMeeting, 'service' | 'day' | 'start'>): string {
  return `${meeting.service}@${meeting.day}@${meeting.start}`;
}

/** What rules read: the compiled problem and a timetable with its per-entity indexes. */
export interface RuleContext {
  readonly problem: CompiledProblem;
  /** Meetings by index; `undefined` where a meeting was removed. */
  readonly meetings: ReadonlyArray<PlacedMeeting | undefined>;
  /** Per patient index: indexes of the meetings they attend (any order). */
  readonly patientMeetings: ReadonlyArray<ReadonlyArray<number>>;
  /** Per staff index: indexes of the meetings they lead (any order). */
  readonly staffMeetings: ReadonlyArray<ReadonlyArray<number>>;
  /** Per room index: indexes of the meetings held there (any order). */
  readonly roomMeetings: ReadonlyArray<ReadonlyArray<number>>;
  /** Present when re-planning. */
  readonly previous: PreviousWeek | undefined;
}
