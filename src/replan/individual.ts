/**
 * Individual sessions for re-planning: the engine's placement (days the patient already
 * attends first, next to their sessions, primary therapist first) restricted to times after the
 * cutoff, so a make-up never lands in the past.
 */
import { equip, settle, tryAdd, patientBlocker } from '../engine/index.js';
import type { PlacedMeeting } from '../rules/types.js';
import { SLOT_MINUTES, SLOTS_PER_DAY } from '../time/week.js';
import { isOpen, type Driver } from './driver.js';
import { openStarts, remoteFor } from './open-starts.js';

/** Places one session of individual service `s` for `p` after the cutoff; the meeting index or -1. */
export function placeIndividualAfter(driver: Driver, p: number, s: number): number {
  const engine = driver.engine;
  const problem = engine.problem;
  const state = engine.state;
  const service = problem.services[s]!;
  const patient = problem.patients[p]!;
  const duration = service.durationMinutes;
  const grid = problem.granularityMinutes;
  const byDay: PlacedMeeting[][] = [[], [], [], [], [], [], []];
  for (const i of state.patientMeetings[p]!) {
    const m = state.meetings[i]!;
    if (m.day >= 0) byDay[m.day]!.push(m);
  }
  // Where a clinician (and a room, unless remote) is free at all: `equip` is tried only there.
  const open = openStarts(driver, s, remoteFor(driver, s, p));
  const days = [0, 1, 2, 3, 4, 5, 6].filter((d) => d >= patient.firstDay && d < patient.endDay && !problem.closedDays[d]);
  days.sort((a, b) => byDay[b]!.length - byDay[a]!.length || a - b);
  for (const day of days) {
    const busy = byDay[day]!;
    const starts: number[] = [];
    for (const m of busy) starts.push(Math.ceil(m.end / grid) * grid, Math.floor((m.start - duration) / grid) * grid);
    for (let start = 0; start + duration <= 1440; start += grid) starts.push(start);
    const unique = [...new Set(starts.filter((x) => x >= 0 && x + duration <= 1440 && isOpen(driver, day, x)))];
    // Nearest the patient's other sessions that day first (each distance taken once).
    const near = new Map<number, number>();
    for (const start of unique) {
      let best = busy.length === 0 ? 0 : Infinity;
      for (const m of busy) best = Math.min(best, Math.abs(start - m.end), Math.abs(m.start - start - duration));
      near.set(start, best);
    }
    unique.sort((a, b) => near.get(a)! - near.get(b)! || a - b);
    for (const start of unique) {
      const from = day * SLOTS_PER_DAY + start / SLOT_MINUTES;
      if (!open.has(from) || !patient.available.containsRange(from, from + duration / SLOT_MINUTES)) continue;
      const base: PlacedMeeting = { id: '', service: s, track: -1, day, start, end: start + duration, room: -1, telehealth: service.telehealth === 'only', staff: [], patients: [p], pinned: false };
      if (patientBlocker(state, engine.prepared, base, p, -1, from, from + duration / SLOT_MINUTES) !== null) continue;
      const equipped = equip(engine, base, -1, false, false);
      if (!equipped) continue;
      const mark = state.mark();
      const hard = state.score().hard;
      const index = tryAdd(engine, equipped);
      if (index >= 0 && settle(engine, mark, hard)) return index;
    }
  }
  return -1;
}
