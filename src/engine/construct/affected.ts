/**
 * Construction limited to the patients a change affected (admitted, displaced from a released
 * meeting, owed a make-up), on a week that is otherwise full: construct() is built for an empty
 * week and spends its budget re-deciding what is already there. Here each affected patient, in
 * turn, is given what they still need with the engine's own placement primitives, nearest to the
 * published week first: rejoin a published session at its time (a parallel section), take a
 * whole day of groups, join one group, an individual session (by ejection when no time is free),
 * a parallel section beside a full group, then a new group with other patients. A change is kept only when the catalogue's score gets
 * better; a new group takes others only when they lose no published session by it.
 */
import type { Score } from '../../model/report.js';
import { sessionKey } from '../../rules/types.js';
import type { PlacedMeeting } from '../../rules/types.js';
import { equip, settle, tryAdd, type Engine } from '../kernel/engine.js';
import { ServingGuard } from '../kernel/serving.js';
import { patientFits, shortfall, trackMeetings } from '../kernel/needs.js';
import { sessionsOf } from '../kernel/tally.js';
import { join } from '../moves/choose.js';
import { openGroupOn } from '../moves/new-group.js';
import { placeByEjection } from './ejection.js';
import { individualNeeds, placeIndividual } from './individuals.js';
import { meetingWith } from '../../compiled/meetings.js';

/** Groups tried one by one for a patient per step (ranked; the rest wait for the search). */
const JOINS_TRIED = 24;
/** Draws of a new group for a patient per step (the time and companions are drawn). */
const OPEN_GROUP_DRAWS = 4;

function better(a: Score, b: Score): boolean {
  if (a.hard !== b.hard) return a.hard < b.hard;
  if (a.requirement !== b.requirement) return a.requirement < b.requirement;
  return a.soft < b.soft - 1e-9;
}

/**
 * Runs `change`; keeps it only when it succeeded, broke no hard rule and made the score better,
 * and (with `guard`) served the affected patients leaving everyone their published sessions.
 */
function attempt(engine: Engine, change: () => boolean, guard?: ServingGuard): boolean {
  const state = engine.state;
  const mark = state.mark();
  const before = state.score();
  if (!change()) {
    state.rollback(mark);
    return false;
  }
  if (!settle(engine, mark, before.hard)) return false;
  const changed: number[] = [];
  if (guard) state.forEachPatientChangedSince(mark, (p) => void changed.push(p));
  if (!better(state.score(), before) || (guard && !guard.accepts([...new Set(changed)]))) {
    state.rollback(mark);
    return false;
  }
  guard?.note(changed);
  state.commit();
  return true;
}

/** Group meetings `p` could join now: unpinned groups of their tracks without them that they can attend. */
function joinable(engine: Engine, p: number): number[] {
  const state = engine.state;
  const found = new Set<number>();
  for (const track of engine.problem.patients[p]!.tracks) {
    for (const i of trackMeetings(engine, track)) {
      const m = state.meetings[i]!;
      if (m.pinned || m.patients.includes(p) || !patientFits(engine, meetingWith(m, { patients: [...m.patients, p] }), p, i)) continue;
      found.add(i);
    }
  }
  return [...found];
}

/** Ranks candidate meetings: most needed service first, then days already attended, then week order. */
function ranked(engine: Engine, p: number, candidates: readonly number[]): number[] {
  const state = engine.state;
  const want = engine.prepared.patients[p]!.wantSessions;
  const days = new Set(state.patientMeetings[p]!.map((i) => state.meetings[i]!.day));
  const need = (i: number): number => {
    const s = state.meetings[i]!.service;
    return want[s]! - sessionsOf(engine, p, s);
  };
  return [...candidates].sort((a, b) => {
    const ma = state.meetings[a]!;
    const mb = state.meetings[b]!;
    return need(b) - need(a) || Number(days.has(mb.day)) - Number(days.has(ma.day)) || ma.day - mb.day || ma.start - mb.start || a - b;
  });
}

/** A parallel section of a session published for `p` that they no longer hold (same service, day, start). */
function rejoinPublished(engine: Engine, p: number, candidates: readonly number[]): boolean {
  const published = engine.state.previous?.patientSessions[p];
  if (!published || published.size === 0) return false;
  const state = engine.state;
  const held = new Set(state.patientMeetings[p]!.map((i) => sessionKey(state.meetings[i]!)));
  for (const index of candidates) {
    const key = sessionKey(state.meetings[index]!);
    if (published.has(key) && !held.has(key) && attempt(engine, () => join(engine, index, p))) return true;
  }
  return false;
}

/** A whole new day: every joinable group of that day the patient can take, as one change (a lone group rarely meets a day's minimum). */
function joinDay(engine: Engine, p: number, candidates: readonly number[]): boolean {
  const state = engine.state;
  const attended = new Set(state.patientMeetings[p]!.map((i) => state.meetings[i]!.day));
  const want = engine.prepared.patients[p]!.wantSessions;
  const days = [...new Set(candidates.map((i) => state.meetings[i]!.day))].filter((d) => !attended.has(d)).sort((a, b) => a - b);
  for (const day of days) {
    const joined = attempt(engine, () => {
      let count = 0;
      for (const i of candidates) {
        const m = state.meetings[i];
        // Only services still wanted: surplus sessions would take the hours the curriculum needs.
        if (m?.day === day && (want[m.service]! <= 0 || sessionsOf(engine, p, m.service) < want[m.service]!) && join(engine, i, p)) count++;
      }
      return count > 0;
    });
    if (joined) return true;
  }
  return false;
}

function joinOne(engine: Engine, p: number, candidates: readonly number[]): boolean {
  for (const i of candidates.slice(0, JOINS_TRIED)) if (attempt(engine, () => join(engine, i, p))) return true;
  return false;
}

/**
 * An individual session `p` needs, at a free time or by moving another patient's session. A
 * service that found neither is not tried again for `p` (`failed`): the patient's own later
 * sessions only take times away.
 */
function individual(engine: Engine, p: number, failed: Set<number>): boolean {
  for (const [s] of individualNeeds(engine, p)) {
    if (failed.has(s)) continue;
    if (attempt(engine, () => placeIndividual(engine, p, s, false) >= 0)) return true;
    if (attempt(engine, () => placeByEjection(engine, p, s).placed)) return true;
    failed.add(s);
  }
  return false;
}

/** Whether group meeting `m` has no seat left (its section cap, or its room's capacity). */
function full(engine: Engine, m: PlacedMeeting): boolean {
  const room = engine.problem.rooms[m.room];
  return m.patients.length >= engine.prepared.sectionCap[m.service]! || (room !== undefined && m.patients.length >= room.capacity);
}

/**
 * A full group of a service `p` needs gets a parallel section at its time: `p` and enough of its
 * members to hold it (from the end of the roster) meet there with staff and a room that are
 * free. The members keep their service, day and start.
 */
function openBeside(engine: Engine, p: number, guard: ServingGuard): boolean {
  const { problem, state } = engine;
  const patient = problem.patients[p]!;
  const want = engine.prepared.patients[p]!.wantSessions;
  const seen = new Set<number>();
  for (const track of patient.tracks) {
    for (const target of trackMeetings(engine, track)) {
      const m = state.meetings[target]!;
      if (seen.has(target) || m.pinned || m.patients.includes(p) || want[m.service]! - sessionsOf(engine, p, m.service) <= 0 || !full(engine, m)) continue;
      seen.add(target);
      const service = problem.services[m.service]!;
      const next = meetingWith(m, { id: '', patients: [p], room: -1, staff: [], pinned: false });
      if (!patientFits(engine, next, p, -1)) continue;
      const movers = service.minSize - 1;
      if (m.patients.length - movers < service.minSize) continue;
      const keys = engine.prepared.homogeneity[m.service];
      const compatible = m.patients.filter((q) => (!keys || keys[q] === keys[p]) && !patient.avoid.has(q) && !problem.patients[q]!.avoid.has(p));
      if (compatible.length < movers) continue;
      const chosen = compatible.slice(compatible.length - movers);
      const opened = attempt(
        engine,
        () => {
          state.replace(target, meetingWith(m, { patients: m.patients.filter((q) => !chosen.includes(q)) }));
          const section = equip(engine, meetingWith(next, { patients: [p, ...chosen] }), -1, false, false);
          return section !== null && tryAdd(engine, section) >= 0;
        },
        guard,
      );
      if (opened) return true;
    }
  }
  return false;
}

/** A new group with the track's other patients; those not served may come only when they lose no published session. */
function openGroup(engine: Engine, p: number, guard: ServingGuard): boolean {
  for (let k = 0; k < OPEN_GROUP_DRAWS; k++) if (attempt(engine, () => openGroupOn(engine, p, -1), guard)) return true;
  return false;
}

/** Whether `p` still lacks something: a requirement, an individual session, or a published session they lost. */
function wanting(engine: Engine, p: number): boolean {
  if (shortfall(engine, p) > 0 || individualNeeds(engine, p).length > 0) return true;
  const published = engine.state.previous?.patientSessions[p];
  if (!published || published.size === 0) return false;
  const state = engine.state;
  const held = new Set(state.patientMeetings[p]!.map((i) => sessionKey(state.meetings[i]!)));
  for (const key of published) if (!held.has(key)) return true;
  return false;
}

/**
 * Serves `patients` (admitted, displaced, owed a make-up) as far as the week allows, in the
 * given order, within the engine's budget and `maxSteps` kept changes; returns how many were
 * kept. Deterministic: candidates in a fixed order, draws from the engine's seeded generator.
 *
 * @example
 * ```ts
 * const { released } = releaseBroken(engine, published);
 * const steps = constructAffected(engine, [...admitted, ...released.flatMap((r) => r.displaced)]);
 * ```
 */
export function constructAffected(engine: Engine, patients: readonly number[], maxSteps: number = Infinity): number {
  let steps = 0;
  const state = engine.state;
  state.rescore();
  state.commit();
  const guard = new ServingGuard(engine, patients);
  for (const p of patients) {
    const failed = new Set<number>();
    while (steps < maxSteps && !engine.budget.spent() && wanting(engine, p)) {
      const candidates = ranked(engine, p, joinable(engine, p));
      const moved = rejoinPublished(engine, p, candidates) || joinDay(engine, p, candidates) || joinOne(engine, p, candidates) || individual(engine, p, failed) || openBeside(engine, p, guard) || openGroup(engine, p, guard);
      if (!moved) break;
      steps++;
    }
  }
  return steps;
}
