/**
 * A new group for a patient at a time of their track they can attend, with the track's other
 * patients who can come too: shared by `open-group-for`, `split-off-group` and `repair-short-day`.
 */
import type { PlacedMeeting } from '../../rules/types.js';
import { equip, groupsHeld, removePatient, tryAdd, type Engine } from '../kernel/engine.js';
import { sessionsOf } from '../kernel/tally.js';
import { membersOf, need, patientFits, shortfall } from '../kernel/needs.js';
import { overlaps } from '../kernel/feasible.js';
import { windowStarts } from '../kernel/slots.js';
import { meetingWith } from '../../compiled/meetings.js';

/** `openGroupFor` for patient `p`, on `onDay` only (or any day: -1), of service `only` when given (else one they may still take). */
export function openGroupOn(engine: Engine, p: number, onDay: number, only = -1): boolean {
  const problem = engine.problem;
  if (p < 0) return false;
  const want = engine.prepared.patients[p]!.wantSessions;
  const groups = problem.services.filter((s) => s.kind === 'group' && (only < 0 || s.index === only) && engine.prepared.patients[p]!.maxSessions[s.index]! > sessionsOf(engine, p, s.index) && (s.trackBound || want[s.index]! > 0));
  if (groups.length === 0) return false;
  const needed = groups.filter((s) => need(engine, p, want, s.index) > 0);
  const service = engine.random.pick(needed.length > 0 && engine.random.next() < 0.7 ? needed : groups)!;
  // A service no track holds meets at any grid time, with any patient who may attend it.
  const track = service.trackBound ? engine.random.pick(problem.patients[p]!.tracks) : -1;
  if (track === undefined) return false;
  const duration = service.durationMinutes;
  const times: Array<[number, number]> = [];
  for (let day = 0; day < 7; day++) {
    if (onDay >= 0 && day !== onDay) continue;
    for (const start of track >= 0 ? windowStarts(problem, problem.tracks[track]!, day, duration, service.index) : gridStarts(problem.granularityMinutes, duration)) {
      const base = probe(service.index, track, day, start, duration, service.telehealth === 'only');
      if (patientFits(engine, base, p, -1)) times.push([day, start]);
    }
  }
  const time = engine.random.pick(times);
  if (!time) return false;
  const [day, start] = time;
  const base = probe(service.index, track, day, start, duration, service.telehealth === 'only');
  const chosen = [p];
  const left: number[] = [];
  const keys = engine.prepared.homogeneity[service.index];
  const target = service.minSize + engine.random.int(Math.max(1, service.maxSize - service.minSize + 1));
  let allowDissolve = engine.random.next() < 0.5;
  const others = engine.random.shuffle(membersOf(engine, track).filter((q) => q !== p));
  others.sort((a, b) => Number(shortfall(engine, b) > 0) - Number(shortfall(engine, a) > 0));
  for (const q of others) {
    if (chosen.length >= Math.max(target, service.minSize)) break;
    if (keys && keys[q] !== keys[p]) continue;
    if (chosen.some((x) => problem.patients[x]!.avoid.has(q))) continue;
    const clash = engine.state.patientMeetings[q]!.filter((i) => {
      const m = engine.state.meetings[i]!;
      return overlaps(m, day, start, base.end);
    });
    if (clash.length > 1) continue;
    const leaving = clash[0] ?? -1;
    let dissolve = false;
    if (leaving >= 0) {
      const m = engine.state.meetings[leaving]!;
      const from = problem.services[m.service]!;
      if (m.pinned) continue;
      // A group the patient's leaving would take below its minimum is closed (sometimes): its
      // other patients lose that session, and the score decides whether the new group is worth it.
      if (from.kind === 'group' && m.patients.length - 1 < from.minSize && m.patients.length > 1) {
        if (!allowDissolve) continue;
        dissolve = true;
      }
    }
    if (!patientFits(engine, base, q, leaving)) continue;
    if (leaving >= 0) {
      if (dissolve) {
        allowDissolve = false;
        engine.state.remove(leaving);
      } else {
        left.push(leaving);
        removePatient(engine, leaving, q);
      }
    }
    chosen.push(q);
  }
  if (chosen.length < service.minSize) return false;
  const equipped = equip(engine, meetingWith(base, { patients: chosen }), -1, false, true);
  return equipped !== null && tryAdd(engine, equipped) >= 0 && groupsHeld(engine, left);
}

function gridStarts(grid: number, duration: number): number[] {
  const starts: number[] = [];
  for (let start = 0; start + duration <= 1440; start += grid) starts.push(start);
  return starts;
}

export function probe(service: number, track: number, day: number, start: number, duration: number, telehealth: boolean): PlacedMeeting {
  return { id: '', service, track, day, start, end: start + duration, room: -1, telehealth, staff: [], patients: [], pinned: false };
}
