/** The move `join-with-ejection` of the neighbourhood (./index.ts holds its weight and why). */
import { canLeave, removePatient } from '../kernel/engine.js';
import { enter, need, patientFits, shortfall, shortPatient, trackMeetings } from '../kernel/needs.js';
import type { Move } from './move.js';
import { meetingWith } from '../../compiled/meetings.js';

/**
 * The short patient joins a group of their track at a time they are free; when the group is
 * full, a member who is not short leaves it (the score decides whether that member can spare it).
 */
export const joinWithEjection: Move = (engine) => {
  const p = shortPatient(engine);
  if (p < 0) return false;
  const tracks = engine.problem.patients[p]!.tracks;
  const track = engine.random.pick(tracks);
  if (track === undefined) return false;
  const want = engine.prepared.patients[p]!.wantSessions;
  const all = engine.random.shuffle(trackMeetings(engine, track)).filter((index) => !engine.state.meetings[index]!.pinned && !engine.state.meetings[index]!.patients.includes(p));
  let candidates = all.filter((index) => patientFits(engine, engine.state.meetings[index]!, p, -1));
  if (candidates.length === 0 || engine.random.next() < 0.3) {
    // Make room: the patient leaves one session that stands in the way (a clash, a full day, a
    // service at its maximum) for a group they could then attend.
    const target = engine.random.pick(all);
    if (target === undefined) return false;
    const m = engine.state.meetings[target]!;
    const mine = engine.state.patientMeetings[p]!.filter((i) => {
      const o = engine.state.meetings[i]!;
      return (o.day === m.day || o.service === m.service) && canLeave(engine, i);
    });
    const leave = engine.random.pick(mine);
    if (leave === undefined) return false;
    removePatient(engine, leave, p);
    if (!patientFits(engine, m, p, -1)) return false;
    candidates = [target];
  }
  // Services the patient still needs first.
  candidates.sort((a, b) => need(engine, p, want, engine.state.meetings[b]!.service) - need(engine, p, want, engine.state.meetings[a]!.service));
  for (const index of candidates.slice(0, 4)) {
    if (enter(engine, index, p)) return true;
    const m = engine.state.meetings[index]!;
    const spare = m.patients.filter((q) => shortfall(engine, q) === 0);
    const q = engine.random.pick(spare);
    if (q === undefined) continue;
    engine.state.replace(index, meetingWith(m, { patients: m.patients.filter((x) => x !== q) }));
    if (enter(engine, index, p)) return true;
    return false;
  }
  return false;
};
