/** The move `serve-whole` of the neighbourhood (./index.ts holds its weight and why). */
import { individualNeeds, placeIndividual } from '../construct/individuals.js';
import { equip, tryReplace } from '../kernel/engine.js';
import { enter, need, patientFits, shortfall, trackMeetings } from '../kernel/needs.js';
import type { Move } from './move.js';
import { minutesShortOf, queuedPatient, servedBefore, triageOn } from './triage.js';
import { meetingWith } from '../../compiled/meetings.js';

/** Group sessions the move tries for its patient, at most: enough for a week, bounded for a large track. */
const TRIES = 48;

/**
 * Whole-patient triage: the short patient first in the queue (of a few drawn) takes seats in the
 * groups of their track until fully served, a full group giving them the seat of its member last
 * in the queue (short, and of a lower priority or further from served); then their missing
 * individual sessions (at a free time, else taking over the session of a patient behind them in the
 * queue). Spreading an over-full week thin is a plateau for the other moves (each
 * seat given is a seat taken); this one climbs off it a whole patient at a time, the patients it
 * takes seats from being the ones the week can give up. Only under `triage: 'whole-patients'`.
 */
export const serveWhole: Move = (engine) => {
  if (!triageOn(engine)) return false;
  const p = queuedPatient(engine, true);
  if (p < 0) return false;
  const state = engine.state;
  const want = engine.prepared.patients[p]!.wantSessions;
  const tracks = engine.problem.patients[p]!.tracks;
  const candidates: number[] = [];
  for (const track of tracks) {
    for (const index of trackMeetings(engine, track)) {
      const m = state.meetings[index]!;
      if (!m.pinned && !m.patients.includes(p)) candidates.push(index);
    }
  }
  engine.random.shuffle(candidates);
  // Services the patient still needs first.
  candidates.sort((a, b) => need(engine, p, want, state.meetings[b]!.service) - need(engine, p, want, state.meetings[a]!.service));
  let changed = false;
  for (const index of candidates.slice(0, TRIES)) {
    const m = state.meetings[index];
    if (!m || !patientFits(engine, m, p, -1)) continue;
    if (enter(engine, index, p)) {
      changed = true;
    } else {
      // Full: the member last in the queue gives up the seat, when they come after the patient.
      state.mark(); // scores the state, so the members' shortfalls are current
      let victim = -1;
      for (const q of m.patients) {
        if (shortfall(engine, q) <= 0 || !servedBefore(engine, p, q)) continue;
        if (victim < 0 || servedBefore(engine, victim, q)) victim = q;
      }
      if (victim < 0) continue;
      const before = state.mark();
      state.replace(index, meetingWith(m, { patients: m.patients.filter((q) => q !== victim) }));
      if (!enter(engine, index, p)) {
        state.rollback(before);
        continue;
      }
      changed = true;
    }
    state.mark();
    if (minutesShortOf(engine, p) === 0) return true;
  }
  state.mark();
  for (const [s, missing] of individualNeeds(engine, p)) {
    for (let i = 0; i < missing; i++) {
      if (placeIndividual(engine, p, s, true) < 0 && !takeIndividual(engine, p, s)) break;
      changed = true;
    }
  }
  return changed;
};

/** Short patients asked for an individual session to give up, at most. */
const DONORS = 8;

/**
 * Gives patient `p` the individual session of service `s` of a short patient behind them in the
 * queue, at its time, with its clinician and office when they may (else others free then). In a
 * week short of clinicians' hours, the patient one session from served is most often missing an
 * individual session (tightness 1.5, 1,000 patients: 338 of 664 short patients after
 * construction lacked only that), held by someone who lacks far more.
 */
function takeIndividual(engine: Parameters<Move>[0], p: number, s: number): boolean {
  const state = engine.state;
  for (let k = 0; k < DONORS; k++) {
    const q = queuedPatient(engine, false, 2);
    if (q < 0 || q === p || !servedBefore(engine, p, q)) continue;
    for (const index of state.patientMeetings[q]!) {
      const m = state.meetings[index]!;
      if (m.service !== s || m.pinned || m.patients.length !== 1) continue;
      const next = meetingWith(m, { patients: [p] });
      if (!patientFits(engine, next, p, index)) continue;
      if (tryReplace(engine, index, next, false)) return true;
      const equipped = equip(engine, next, index, true, false);
      if (equipped !== null && tryReplace(engine, index, equipped, false)) return true;
    }
  }
  return false;
}
