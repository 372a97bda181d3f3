/**
 * Serves the affected patients (admitted, re-sectioned, or owed a make-up) inside the rest of
 * the week, touching nobody else's week: a focused hill climb on the catalogue's score whose
 * moves only add or move sessions of affected patients, never before the cutoff. In order:
 * rejoin the published session at its time (a parallel section), take a whole day of groups,
 * join one group, place an individual session, open a new group with other affected patients.
 */
import { equip, tryAdd, patientBlocker, individualNeeds, groupSlots, type GroupSlot } from '../engine/index.js';
import type { CompiledProblem, CompiledTrack } from '../compiled/compile.js';
import { sessionKey, type PlacedMeeting } from '../rules/types.js';
import type { SlotSet } from '../time/slot-set.js';
import { SLOT_MINUTES, SLOTS_PER_DAY } from '../time/week.js';
import { openStarts } from './open-starts.js';
import { attempt, changeable, isOpen, join, shortfallOf, type Driver } from './driver.js';
import { placeIndividualAfter } from './individual.js';
import { displaceIndividual } from './displace.js';
import { groupsOf, openBeside, reshuffle } from './reshuffle.js';

/** Meetings `p` could join: changeable groups of the patient's tracks without them. */
function joinable(driver: Driver, p: number): number[] {
  const state = driver.engine.state;
  const found: number[] = [];
  for (const i of groupsOf(driver).inTracks(driver.engine.problem.patients[p]!.tracks)) {
    const m = state.meetings[i];
    if (!m || m.patients.includes(p) || !changeable(driver, i)) continue;
    const from = m.day * SLOTS_PER_DAY + m.start / SLOT_MINUTES;
    if (patientBlocker(state, driver.engine.prepared, { ...m, patients: [...m.patients, p] }, p, i, from, from + (m.end - m.start) / SLOT_MINUTES) !== null) continue;
    found.push(i);
  }
  return found;
}

/** Parallel sections of the sessions published for `p` that they lost: same service, day and start. */
function rejoinPublished(driver: Driver, p: number, candidates: readonly number[]): boolean {
  const published = driver.engine.state.previous?.patientSessions[p];
  if (!published || published.size === 0) return false;
  const state = driver.engine.state;
  const held = new Set(state.patientMeetings[p]!.map((i) => sessionKey(state.meetings[i]!)));
  for (const index of candidates) {
    const key = sessionKey(state.meetings[index]!);
    if (!published.has(key) || held.has(key)) continue;
    if (attempt(driver, () => join(driver, index, p))) return true;
  }
  return false;
}

/** Ranks candidate meetings: most needed service first, then days already attended, then week order. */
function ranked(driver: Driver, p: number, candidates: readonly number[]): number[] {
  const state = driver.engine.state;
  const want = driver.engine.prepared.patients[p]!.wantSessions;
  const count = new Map<number, number>();
  const days = new Set<number>();
  for (const i of state.patientMeetings[p]!) {
    const m = state.meetings[i]!;
    count.set(m.service, (count.get(m.service) ?? 0) + 1);
    days.add(m.day);
  }
  const need = (i: number): number => {
    const s = state.meetings[i]!.service;
    return (want[s] ?? 0) - (count.get(s) ?? 0);
  };
  return [...candidates].sort((a, b) => {
    const ma = state.meetings[a]!;
    const mb = state.meetings[b]!;
    return need(b) - need(a) || Number(days.has(mb.day)) - Number(days.has(ma.day)) || ma.day - mb.day || ma.start - mb.start || a - b;
  });
}

/** A whole new day: every joinable group of that day the patient can take, as one move. */
function joinDay(driver: Driver, p: number, candidates: readonly number[]): boolean {
  const state = driver.engine.state;
  const attended = new Set(state.patientMeetings[p]!.map((i) => state.meetings[i]!.day));
  const days = [...new Set(candidates.map((i) => state.meetings[i]!.day))].filter((d) => !attended.has(d)).sort((a, b) => a - b);
  for (const day of days) {
    const ok = attempt(driver, () => {
      let joined = 0;
      for (const i of candidates) if (state.meetings[i]?.day === day && join(driver, i, p)) joined++;
      return joined > 0;
    });
    if (ok) return true;
  }
  return false;
}

function joinOne(driver: Driver, p: number, candidates: readonly number[]): boolean {
  for (const i of candidates.slice(0, 24)) {
    if (attempt(driver, () => join(driver, i, p))) return true;
  }
  return false;
}

function individual(driver: Driver, p: number): boolean {
  for (const [s] of individualNeeds(driver.engine, p)) {
    if (attempt(driver, () => placeIndividualAfter(driver, p, s) >= 0)) return true;
  }
  return false;
}

const slotsOfTrack = new WeakMap<CompiledTrack, GroupSlot[]>();

/** The group slots of a track (a pure function of the compiled problem: taken once per track). */
function slotsOf(problem: CompiledProblem, track: CompiledTrack): GroupSlot[] {
  let slots = slotsOfTrack.get(track);
  if (!slots) slotsOfTrack.set(track, (slots = groupSlots(problem, track)));
  return slots;
}

/** A new group in a slot of one of `p`'s tracks, with other affected patients short of care. */
function openGroup(driver: Driver, p: number, short: ReadonlySet<number>): boolean {
  const engine = driver.engine;
  const problem = engine.problem;
  const state = engine.state;
  const patient = problem.patients[p]!;
  // Not enough patients short of care in the patient's tracks to hold any group: nothing to try.
  const peers = [...short].filter((q) => q !== p && problem.patients[q]!.tracks.some((t) => patient.tracks.includes(t))).length;
  const smallest = Math.min(...problem.services.filter((x) => x.kind === 'group').map((x) => x.minSize));
  if (peers + 1 < smallest) return false;
  // Per service, where staff and a room are free at all (taken once, when first needed).
  const open = new Map<number, SlotSet>();
  for (const t of patient.tracks) {
    for (const slot of slotsOf(problem, problem.tracks[t]!)) {
      if (!isOpen(driver, slot.day, slot.start)) continue;
      for (const s of slot.services) {
        const service = problem.services[s]!;
        const base: PlacedMeeting = { id: '', service: s, track: t, day: slot.day, start: slot.start, end: slot.start + service.durationMinutes, room: -1, telehealth: service.telehealth === 'only', staff: [], patients: [], pinned: false };
        const from = slot.day * SLOTS_PER_DAY + slot.start / SLOT_MINUTES;
        const to = from + service.durationMinutes / SLOT_MINUTES;
        const keys = engine.prepared.homogeneity[s];
        const chosen: number[] = [];
        for (const q of [p, ...[...short].filter((x) => x !== p)]) {
          if (chosen.length >= service.maxSize) break;
          if (!problem.patients[q]!.tracks.includes(t)) continue;
          if (patientBlocker(state, engine.prepared, base, q, -1, from, to) !== null) continue;
          if (chosen.some((c) => problem.patients[q]!.avoid.has(c))) continue;
          if (keys && chosen.length > 0 && keys[chosen[0]!] !== keys[q]) continue;
          chosen.push(q);
        }
        if (chosen[0] !== p || chosen.length < service.minSize) continue;
        let starts = open.get(s);
        if (!starts) open.set(s, (starts = openStarts(driver, s, service.telehealth !== 'never')));
        if (!starts.has(from)) continue;
        const ok = attempt(driver, () => {
          const equipped = equip(engine, { ...base, patients: chosen }, -1, false, false);
          return equipped !== null && tryAdd(engine, equipped) >= 0;
        });
        if (ok) return true;
      }
    }
  }
  return false;
}

/**
 * Serves every affected patient as far as the week allows, within `outOfTime` and `maxSteps`
 * accepted changes; returns how many were made. Two rounds: the first only adds the patients to
 * what is there (joins, individual sessions, new groups with other affected patients); the
 * second, for those still short, also reshuffles their own week, opens parallel sections beside
 * full groups and, last, moves another patient's individual session. Deterministic: patients in
 * index order, candidates in a fixed order.
 */
export function serveAffected(driver: Driver, outOfTime: () => boolean, maxSteps: number = Infinity): number {
  const patients = [...driver.affected.keys()].sort((a, b) => a - b);
  let steps = 0;
  // Per patient, the count of accepted changes when adding them to what is there last failed:
  // unless something changed since, it would fail again.
  const simpleFailedAt = new Map<number, number>();
  for (const further of [false, true]) {
    for (const p of patients) {
      while (!outOfTime() && steps < maxSteps) {
        if (shortfallOf(driver, p) === 0 && individualNeeds(driver.engine, p).length === 0 && !lostPublished(driver, p)) break;
        let moved = simpleFailedAt.get(p) !== driver.accepted && addTo(driver, p, patients);
        if (!moved) simpleFailedAt.set(p, driver.accepted);
        // Only when nothing simpler helps: changes beyond adding the patient to what is there.
        if (!moved && further && (shortfallOf(driver, p) > 0 || individualNeeds(driver.engine, p).length > 0)) {
          moved = reshuffle(driver, p) || openBeside(driver, p) || individualNeeds(driver.engine, p).some(([s]) => displaceIndividual(driver, p, s));
        }
        if (!moved) break;
        steps++;
      }
    }
    if (outOfTime()) break;
  }
  return steps;
}

/** One change that only adds `p` to the week: rejoin a published session, a day of groups, one group, an individual session, a new group. */
function addTo(driver: Driver, p: number, patients: readonly number[]): boolean {
  const candidates = ranked(driver, p, joinable(driver, p));
  return (
    rejoinPublished(driver, p, candidates) ||
    joinDay(driver, p, candidates) ||
    joinOne(driver, p, candidates) ||
    individual(driver, p) ||
    openGroup(driver, p, new Set(patients.filter((q) => shortfallOf(driver, q) > 0)))
  );
}

function lostPublished(driver: Driver, p: number): boolean {
  const published = driver.engine.state.previous?.patientSessions[p];
  if (!published || published.size === 0) return false;
  const state = driver.engine.state;
  const held = new Set(state.patientMeetings[p]!.map((i) => sessionKey(state.meetings[i]!)));
  for (const key of published) if (!held.has(key)) return true;
  return false;
}
