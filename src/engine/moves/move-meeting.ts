/** The move `move-meeting` of the neighbourhood (./index.ts holds its weight and why). */
import { equip, tryReplace } from '../kernel/engine.js';
import { windowStarts } from '../kernel/slots.js';
import { randomMeeting } from './choose.js';
import type { Move } from './move.js';
import { meetingWith } from '../../compiled/meetings.js';

/** A meeting moves to another time (same day or another day of its track), re-equipped when needed. */
export const moveMeeting: Move = (engine) => {
  const index = randomMeeting(engine);
  if (index < 0) return false;
  const m = engine.state.meetings[index]!;
  const duration = m.end - m.start;
  const day = engine.random.next() < 0.5 ? m.day : engine.random.int(7);
  let start: number;
  if (m.track >= 0) {
    const starts = windowStarts(engine.problem, engine.problem.tracks[m.track]!, day, duration, m.service);
    const pick = engine.random.pick(starts);
    if (pick === undefined) return false;
    start = pick;
  } else {
    const grid = engine.problem.granularityMinutes;
    start = engine.random.int(Math.floor((1440 - duration) / grid) + 1) * grid;
  }
  if (day === m.day && start === m.start) return false;
  const next = meetingWith(m, { day, start, end: start + duration });
  if (tryReplace(engine, index, next)) return true;
  const equipped = equip(engine, next, index, true, false);
  return equipped !== null && tryReplace(engine, index, equipped);
};
