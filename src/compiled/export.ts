/**
 * Compiled meetings back to a `Schedule`: ids, clock strings, instants with the zone's offset.
 * Meeting ids are deterministic and readable: `track-DAY-HHMM-service-n` (`session` for
 * meetings outside any track), numbered in a fixed order; a meeting that already has an id (one
 * given to the solver to start from, when re-planning) keeps it. Meetings are sorted by date,
 * start, id.
 */
import type { Meeting, Schedule } from '../model/schedule.js';
import type { PlacedMeeting } from './meetings.js';
import { formatLocalTime, WEEKDAYS } from '../time/week.js';
import { toOffsetIso } from '../time/zone.js';
import type { CompiledProblem } from './compile.js';

function compareNumbers(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

/**
 * One compiled meeting as a `Meeting` with the given id: clock strings, instants with the zone's
 * offset (through `instant`, which a caller converting many meetings may cache), room or telehealth,
 * and its no-shows when it has any.
 */
export function meetingOf(
  problem: CompiledProblem,
  m: PlacedMeeting,
  id: string,
  instant: (date: string, time: string) => string = (date, time) => toOffsetIso(date, time, problem.timeZone),
  /** The patients to list, when not `m.patients` (the export lists them sorted, without copying the meeting). */
  patientList: readonly number[] = m.patients,
): Meeting {
  const date = problem.dates[m.day]!;
  const start = formatLocalTime(m.start);
  const end = formatLocalTime(m.end);
  const meeting: Meeting = {
    id,
    service: problem.services[m.service]!.id,
    track: m.track >= 0 ? problem.tracks[m.track]!.id : null,
    date,
    day: WEEKDAYS[m.day]!,
    start,
    end,
    startsAt: instant(date, start),
    endsAt: instant(date, end),
    room: m.telehealth || m.room < 0 ? null : problem.rooms[m.room]!.id,
    mode: m.telehealth ? 'telehealth' : 'in-person',
    staff: m.staff.map((s) => problem.staff[s]!.id),
    patients: patientList.map((p) => problem.patients[p]!.id),
  };
  if (m.pinned) meeting.pinned = true;
  // A held meeting's record of who did not come (replan's `missed`), which make-ups are measured by.
  if (m.noShows && m.noShows.length > 0) meeting.noShows = [...m.noShows].sort((a, b) => a - b).map((p) => problem.patients[p]!.id);
  return meeting;
}

/**
 * Local date and time to an ISO instant with offset in `timeZone`, memoised: many meetings share
 * a date and clock time, so each is converted once.
 */
export function instantsIn(timeZone: string): (date: string, time: string) => string {
  const instants = new Map<string, string>();
  return (date, time) => {
    const key = `${date}T${time}`;
    let iso = instants.get(key);
    if (iso === undefined) instants.set(key, (iso = toOffsetIso(date, time, timeZone)));
    return iso;
  };
}

/** The schedule of a set of compiled meetings. */
export function exportSchedule(problem: CompiledProblem, meetings: ReadonlyArray<PlacedMeeting | undefined>): Schedule {
  return exportWithSlots(problem, meetings).schedule;
}

/** A meeting with what the export orders it by: its staff and patients ascending, and `key` (see `orderKeys`). */
interface Ordered {
  m: PlacedMeeting;
  slot: number;
  staff: readonly number[];
  patients: readonly number[];
  key: number;
}

/** `list` ascending: itself when it already is (most staff lists), else a sorted copy. */
function ascending(list: readonly number[]): readonly number[] {
  for (let i = 1; i < list.length; i++) if (list[i - 1]! > list[i]!) return [...list].sort((a, b) => a - b);
  return list;
}

/**
 * Day, start, track, service and room as one number that orders as they do one after another,
 * when the product of their ranges fits a double exactly; otherwise every key is 0 and the
 * comparison falls through to the fields. One subtraction instead of five for most pairs: the
 * sort of a 10,000-patient week compares 25,000 meetings.
 */
function orderKeys(problem: CompiledProblem, ordered: Ordered[]): void {
  let minDay = 0;
  let maxDay = 0;
  let maxStart = 0;
  for (const { m } of ordered) {
    minDay = Math.min(minDay, m.day);
    maxDay = Math.max(maxDay, m.day);
    maxStart = Math.max(maxStart, m.start);
  }
  const starts = maxStart + 1;
  const tracks = problem.tracks.length + 1;
  const services = problem.services.length;
  const rooms = problem.rooms.length + 1;
  const exact = (maxDay - minDay + 1) * starts * tracks * services * rooms < Number.MAX_SAFE_INTEGER;
  for (const entry of ordered) {
    const m = entry.m;
    const fits = exact && Number.isInteger(m.day) && Number.isInteger(m.start) && m.start >= 0 && m.track >= -1 && m.track < tracks - 1 && m.service >= 0 && m.service < services && m.room >= -1 && m.room < rooms - 1;
    if (!fits) {
      for (const other of ordered) other.key = 0;
      return;
    }
    entry.key = (((m.day - minDay) * starts + m.start) * tracks + m.track + 1) * services * rooms + m.service * rooms + m.room + 1;
  }
}

function compareOrdered(a: Ordered, b: Ordered): number {
  return (
    a.key - b.key ||
    a.m.day - b.m.day ||
    a.m.start - b.m.start ||
    a.m.track - b.m.track ||
    a.m.service - b.m.service ||
    a.m.room - b.m.room ||
    compareNumbers(a.staff, b.staff) ||
    compareNumbers(a.patients, b.patients)
  );
}

/**
 * The schedule of a set of compiled meetings, with `slots[i]`: the position in `meetings` of the
 * schedule's meeting `i` (how a score board kept by slot is read against the schedule).
 */
export function exportWithSlots(problem: CompiledProblem, meetings: ReadonlyArray<PlacedMeeting | undefined>): { schedule: Schedule; slots: number[] } {
  const ordered: Ordered[] = [];
  meetings.forEach((m, slot) => {
    if (m !== undefined) ordered.push({ m, slot, staff: ascending(m.staff), patients: ascending(m.patients), key: 0 });
  });
  orderKeys(problem, ordered);
  ordered.sort(compareOrdered);
  // Meetings that came with an id (re-planning) keep it; the first holder wins a duplicate.
  const kept = new Set<PlacedMeeting>();
  const used = new Set<string>();
  for (const { m } of ordered) {
    if (m.id !== '' && !used.has(m.id)) {
      used.add(m.id);
      kept.add(m);
    }
  }
  const counters = new Map<string, number>();
  const instant = instantsIn(problem.timeZone);
  // Meetings of one prefix (track, day, start, service) are neighbours in this order: the prefix
  // is built and its counter looked up once a run, not once a meeting.
  let last: PlacedMeeting | undefined;
  let prefix = '';
  let n = 0;
  const result: Array<{ meeting: Meeting; slot: number }> = ordered.map(({ m, slot, patients }) => {
    let id = kept.has(m) ? m.id : '';
    if (id === '') {
      if (last === undefined || last.track !== m.track || last.day !== m.day || last.start !== m.start || last.service !== m.service) {
        if (last !== undefined) counters.set(prefix, n);
        const track = m.track >= 0 ? problem.tracks[m.track]!.id : null;
        prefix = `${track ?? 'session'}-${WEEKDAYS[m.day]}-${formatLocalTime(m.start).replace(':', '')}-${problem.services[m.service]!.id}`;
        n = counters.get(prefix) ?? 0;
        last = m;
      }
      do {
        n += 1;
        id = `${prefix}-${n}`;
      } while (used.has(id));
      used.add(id);
    }
    return { meeting: meetingOf(problem, m, id, instant, patients), slot };
  });
  result.sort(({ meeting: a }, { meeting: b }) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.start < b.start ? -1 : a.start > b.start ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    schedule: { timeZone: problem.timeZone, weekStart: problem.weekStart, meetings: result.map(({ meeting }) => meeting) },
    slots: result.map(({ slot }) => slot),
  };
}
