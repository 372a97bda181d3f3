/**
 * Optional sessions (rule `optional-sessions`): once every needed session has had its turn, each
 * optional one is tried where it fits, and kept only when the timetable scores better for it (no
 * hard rule broken, no requirement lost, the soft reward above what it costs in gaps and staffed
 * hours). Nothing else ever places them: the targeted moves serve shortfalls, and an optional
 * session is none.
 */
import { optionalTarget } from '../../rules/optional-sessions.js';
import type { Score } from '../../model/report.js';
import { enter, patientFits } from '../kernel/needs.js';
import { sessionsOf } from '../kernel/tally.js';
import type { Engine } from '../kernel/engine.js';
import { placeIndividual } from './individuals.js';

function better(a: Score, b: Score): boolean {
  if (a.hard !== b.hard) return a.hard < b.hard;
  if (a.requirement !== b.requirement) return a.requirement < b.requirement;
  return a.soft < b.soft - 1e-9;
}

/** Places one optional session of `s` for `p` where it fits: an individual one at a free time, or a seat in a group of the service. */
function placeOne(engine: Engine, p: number, s: number): boolean {
  if (engine.problem.services[s]!.kind === 'individual') return placeIndividual(engine, p, s, false) >= 0;
  const state = engine.state;
  for (let index = 0; index < state.meetings.length; index++) {
    const m = state.meetings[index];
    if (!m || m.service !== s || m.patients.includes(p) || !patientFits(engine, m, p, -1)) continue;
    if (enter(engine, index, p)) return true;
  }
  return false;
}

/**
 * Tries every optional session of every patient once, the cadence ones nearest their due date
 * first; `false` when the time ran out. Each try is rolled back unless the score improves.
 *
 * @example
 * ```ts
 * construct(engine);
 * placeOptional(engine); // after the search too: what a move dropped comes back where it fits
 * ```
 */
export function placeOptional(engine: Engine): boolean {
  const state = engine.state;
  // Cadence sessions nearest their due date first: over the weeks the scarce clinician sees each
  // patient before they fall due, and no one waits while others are seen early.
  const wanted: Array<{ p: number; s: number; target: number; due: string }> = [];
  for (const patient of engine.problem.patients) {
    for (const entry of patient.requires) {
      const target = optionalTarget(entry);
      if (target > 0 && entry.service >= 0) wanted.push({ p: patient.index, s: entry.service, target, due: entry.cadence?.dueBy ?? '\uffff' });
    }
  }
  wanted.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : a.p - b.p || a.s - b.s));
  for (const { p, s, target } of wanted) {
    for (let k = sessionsOf(engine, p, s); k < target; k++) {
      if (engine.budget.spent()) return false;
      const mark = state.mark();
      const before = state.score();
      const placed = placeOne(engine, p, s);
      state.rescore();
      if (!placed || !better(state.score(), before)) {
        state.rollback(mark);
        break;
      }
      state.commit();
    }
  }
  return true;
}
