/** The move `open-group` of the neighbourhood (./index.ts holds its weight and why). */
import type { PlacedMeeting } from '../../rules/types.js';
import { canLeave, groupsHeld, equip, removePatient, tryAdd } from '../kernel/engine.js';
import { windowStarts } from '../kernel/slots.js';
import { overlaps } from '../kernel/feasible.js';
import { patientFits } from '../kernel/needs.js';
import type { Move } from './move.js';
import { meetingWith } from '../../compiled/meetings.js';

/** Opens a new group in a track's window with patients who are free then or can leave a larger group. */
export const openGroup: Move = (engine) => {
  const problem = engine.problem;
  const track = engine.random.pick(problem.tracks);
  if (!track) return false;
  const services = problem.services.filter((s) => s.kind === 'group' && s.trackBound);
  const service = engine.random.pick(services);
  if (!service) return false;
  const day = engine.random.int(7);
  const start = engine.random.pick(windowStarts(problem, track, day, service.durationMinutes, service.index));
  if (start === undefined) return false;
  const target = service.minSize + engine.random.int(Math.max(1, service.maxSize - service.minSize + 1));
  const base: PlacedMeeting = { id: '', service: service.index, track: track.index, day, start, end: start + service.durationMinutes, room: -1, telehealth: service.telehealth === 'only', staff: [], patients: [], pinned: false };
  const offset = engine.random.int(problem.patients.length);
  const chosen: number[] = [];
  const touched: number[] = [];
  for (let k = 0; k < problem.patients.length && chosen.length < target; k++) {
    const p = (offset + k) % problem.patients.length;
    if (!problem.patients[p]!.tracks.includes(track.index)) continue;
    // Leave an overlapping meeting when the patient is in one and may leave it.
    const clash = engine.state.patientMeetings[p]!.filter((i) => {
      const m = engine.state.meetings[i]!;
      return overlaps(m, day, start, base.end);
    });
    if (clash.length > 1 || (clash.length === 1 && !canLeave(engine, clash[0]!))) continue;
    const leaving = clash.length === 1 ? clash[0]! : -1;
    if (!patientFits(engine, base, p, leaving)) continue;
    if (chosen.some((q) => problem.patients[p]!.avoid.has(q))) continue;
    const keys = engine.prepared.homogeneity[service.index];
    if (keys && chosen.length > 0 && keys[chosen[0]!] !== keys[p]) continue;
    if (leaving >= 0) {
      touched.push(leaving);
      removePatient(engine, leaving, p);
    }
    chosen.push(p);
  }
  if (chosen.length < service.minSize) return false;
  const equipped = equip(engine, meetingWith(base, { patients: chosen }), -1, false, true);
  if (!equipped) return false;
  return tryAdd(engine, equipped) >= 0 && groupsHeld(engine, touched);
};
