/** The move `swap-patients` of the neighbourhood (./index.ts holds its weight and why). */
import { groupsHeld } from '../kernel/engine.js';
import { overlaps } from '../kernel/feasible.js';
import { isGroup, join, randomMeeting } from './choose.js';
import type { Move } from './move.js';
import { meetingWith } from '../../compiled/meetings.js';

/** Two patients of two groups trade places. */
export const swapPatients: Move = (engine) => {
  const a = randomMeeting(engine, (m) => isGroup(engine, m));
  if (a < 0) return false;
  const ma = engine.state.meetings[a]!;
  // Mostly between parallel sections, where a trade keeps both patients' times.
  const parallel = engine.random.next() < 0.7;
  const b = randomMeeting(engine, (m) => isGroup(engine, m) && m !== ma && (!parallel || overlaps(m, ma.day, ma.start, ma.end)));
  if (b < 0 || a === b) return false;
  const mb = engine.state.meetings[b]!;
  const p = engine.random.pick(ma.patients)!;
  const q = engine.random.pick(mb.patients)!;
  if (ma.patients.includes(q) || mb.patients.includes(p)) return false;
  engine.state.replace(a, meetingWith(ma, { patients: ma.patients.filter((x) => x !== p) }));
  engine.state.replace(b, meetingWith(mb, { patients: mb.patients.filter((x) => x !== q) }));
  return join(engine, a, q) && join(engine, b, p) && groupsHeld(engine, [a, b]);
};
