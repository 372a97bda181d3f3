/** The move `resection-time` of the neighbourhood (./index.ts holds its weight and why). */
import type { Engine } from '../kernel/engine.js';
import type { Time } from '../chains/layouts.js';
import { shortPatient, trackMeetings } from '../kernel/needs.js';
import { resectionAt } from '../chains/resection.js';

/** A time to re-optimise: mostly one a short patient could attend, else any group time. */
function pickTime(engine: Engine): Time | null {
  const { problem, state, random } = engine;
  const p = random.next() < 0.7 ? shortPatient(engine) : -1;
  const track = p >= 0 ? random.pick(problem.patients[p]!.tracks) : random.int(problem.tracks.length);
  if (track === undefined || track >= problem.tracks.length) return null;
  let meetings = trackMeetings(engine, track);
  if (p >= 0) meetings = meetings.filter((i) => !state.meetings[i]!.patients.includes(p));
  const index = random.pick(meetings);
  if (index === undefined) return null;
  const m = state.meetings[index]!;
  return { track, day: m.day, start: m.start, end: m.end };
}

/** Re-optimises the seating of one time of one track exactly (see ../resection.ts). */
export function resectionTime(engine: Engine): boolean {
  // Only while someone is short: the seating weighs requirements alone, and once every one is
  // met the soft rules it does not weigh are all that is left to improve.
  if (engine.state.score().requirement === 0) return false;
  const time = pickTime(engine);
  return time !== null && resectionAt(engine, time);
}
