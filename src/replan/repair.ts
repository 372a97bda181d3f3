/**
 * Loads the published meetings into the engine and repairs, as little as possible, those the
 * changes made impossible: frozen meetings (pinned, or already started) go in as they are; every
 * other meeting is kept when it still keeps every hard rule; the rest, in week order, is
 * re-staffed or re-roomed in place, else its patients join parallel sections of the same
 * session, else it moves to the nearest time that works, else it is cancelled and its patients
 * are handed to the make-up step.
 */
import { blocker, equip, tryAdd, windowStarts } from '../engine/index.js';
import type { PlacedMeeting } from '../rules/types.js';
import { addReason, attempt, isOpen, join, type Driver } from './driver.js';
import type { ChangeReason } from './types.js';

/** A published meeting as it is loaded: rosters already cut by discharges and misses. */
export interface LoadedMeeting {
  meeting: PlacedMeeting;
  /** Pinned, or started before the cutoff: never moved. */
  frozen: boolean;
  /** Started before the cutoff: not even re-staffed. */
  past: boolean;
}

function fallbackReason(m: PlacedMeeting, code: string): ChangeReason {
  return { change: null, kind: 'requirement', message: `Meeting ${m.id} no longer kept rule ${code} as published.` };
}

function displace(driver: Driver, m: PlacedMeeting, why: readonly ChangeReason[]): void {
  for (const p of m.patients) {
    for (const reason of why) addReason(driver.affected, p, { ...reason, message: `${reason.message} Meeting ${m.id} was cancelled.` });
  }
}

/** Candidate new times for `m`, nearest first: the same day, then the days after, then before. */
function candidateTimes(driver: Driver, m: PlacedMeeting): Array<[number, number]> {
  const problem = driver.engine.problem;
  const duration = m.end - m.start;
  const times: Array<[number, number, number]> = [];
  for (let day = 0; day < 7; day++) {
    const starts =
      m.track >= 0 && problem.services[m.service]!.trackBound
        ? windowStarts(problem, problem.tracks[m.track]!, day, duration)
        : Array.from({ length: Math.floor((1440 - duration) / problem.granularityMinutes) + 1 }, (_, i) => i * problem.granularityMinutes);
    for (const start of starts) {
      if (day === m.day && start === m.start) continue;
      if (!isOpen(driver, day, start)) continue;
      const dayCost = day === m.day ? 0 : day > m.day ? (day - m.day) * 2000 : (m.day - day) * 2000 + 1000;
      times.push([day, start, dayCost + Math.abs(start - m.start)]);
    }
  }
  times.sort((a, b) => a[2] - b[2] || a[0] - b[0] || a[1] - b[1]);
  return times.slice(0, 160).map(([day, start]) => [day, start]);
}

/** Puts every patient of `m` into a parallel meeting of the same service and time; all or nothing. */
function resection(driver: Driver, m: PlacedMeeting): boolean {
  const state = driver.engine.state;
  const parallel = state.liveMeetings().filter((i) => {
    const o = state.meetings[i]!;
    return o.service === m.service && o.day === m.day && o.start === m.start && o.track === m.track;
  });
  if (parallel.length === 0) return false;
  return attempt(
    driver,
    () => {
      for (const p of m.patients) if (!parallel.some((i) => join(driver, i, p))) return false;
      return true;
    },
    'feasible',
  );
}

function addEquipped(driver: Driver, m: PlacedMeeting): boolean {
  const engine = driver.engine;
  return attempt(
    driver,
    () => {
      if (blocker(engine, m, -1, true) === null) return tryAdd(engine, m) >= 0;
      const equipped = equip(engine, m, -1, true, false);
      return equipped !== null && tryAdd(engine, equipped) >= 0;
    },
    'feasible',
  );
}

/** Repairs one published meeting that no longer fits; records why in the driver. */
function repairOne(driver: Driver, m: PlacedMeeting): void {
  const engine = driver.engine;
  const code = blocker(engine, m, -1, true) ?? 'unknown';
  const why = driver.meetingReasons.get(m.id) ?? [fallbackReason(m, code)];
  if (!driver.meetingReasons.has(m.id)) addReason(driver.meetingReasons, m.id, why[0]!);
  const service = engine.problem.services[m.service]!;
  if (m.patients.length === 0) return;
  if (service.kind === 'group' && m.patients.length < service.minSize) {
    // Too few left to hold it: the others join a parallel section, or are re-sectioned later.
    if (!resection(driver, m)) displace(driver, m, why);
    return;
  }
  if (addEquipped(driver, m)) return;
  if (resection(driver, m)) return;
  for (const [day, start] of candidateTimes(driver, m)) {
    if (addEquipped(driver, { ...m, day, start, end: start + (m.end - m.start) })) return;
  }
  displace(driver, m, why);
}

/**
 * Loads `meetings` into the driver's (empty) engine and repairs what no longer fits. Meetings
 * already held are added as they are; a pinned future meeting whose staff or room is out is
 * re-staffed or re-roomed when possible (it keeps its time), else it loses its pin (removed from
 * `driver.frozen`) and is repaired like any other: a future meeting never stays impossible.
 */
export function loadAndRepair(driver: Driver, meetings: readonly LoadedMeeting[]): void {
  const engine = driver.engine;
  const state = engine.state;
  const ordered = [...meetings].sort((a, b) => a.meeting.day - b.meeting.day || a.meeting.start - b.meeting.start || (a.meeting.id < b.meeting.id ? -1 : 1));
  for (const { meeting } of ordered.filter((x) => x.past)) state.add({ ...meeting, pinned: true });
  const pending: PlacedMeeting[] = [];
  for (const { meeting } of ordered.filter((x) => x.frozen && !x.past)) {
    const pinned = { ...meeting, pinned: true };
    if (blocker(engine, pinned, -1, false) === null) {
      state.add(pinned);
      continue;
    }
    const equipped = equip(engine, pinned, -1, true, false);
    if (equipped && blocker(engine, equipped, -1, false) === null) state.add(equipped);
    else {
      // No pin holds a meeting a change made impossible where it is: it is repaired like any other.
      driver.frozen.delete(meeting.id);
      pending.push({ ...meeting, pinned: false });
    }
  }
  // Every other meeting goes in as published; the catalogue then names those that break a hard
  // rule (directly or through a patient, clinician or room they share), and only those are
  // taken out and checked one by one, in week order: most of a week is untouched by the changes.
  const loaded: Array<{ meeting: PlacedMeeting; index: number }> = [];
  for (const { meeting } of ordered.filter((x) => !x.frozen)) {
    if (meeting.patients.length > 0) loaded.push({ meeting, index: state.add({ ...meeting }) });
    else pending.push(meeting);
  }
  state.rescore();
  const suspects = loaded.filter(({ meeting, index }) => breaksHardRule(driver, meeting, index));
  for (const { index } of suspects) state.remove(index);
  for (const { meeting } of suspects) {
    if (blocker(engine, meeting, -1, true) === null) state.add({ ...meeting });
    else pending.push(meeting);
  }
  state.rescore();
  state.commit();
  const week = (m: PlacedMeeting): number => m.day * 1440 + m.start;
  pending.sort((a, b) => week(a) - week(b) || (a.id < b.id ? -1 : 1));
  for (const m of pending) repairOne(driver, m);
}

/** Whether the catalogue finds a hard penalty on meeting `index` or on anyone or anything in it. */
function breaksHardRule(driver: Driver, m: PlacedMeeting, index: number): boolean {
  const board = driver.engine.state.board;
  if (board.subjectPenalty('meeting', index, 'hard') > 0) return true;
  if (m.room >= 0 && board.subjectPenalty('room', m.room, 'hard') > 0) return true;
  return m.staff.some((s) => board.subjectPenalty('staff', s, 'hard') > 0) || m.patients.some((p) => board.subjectPenalty('patient', p, 'hard') > 0);
}
