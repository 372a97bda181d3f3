/**
 * Moves aimed at a patient whose requirements are not met yet. Blind moves find the change a
 * short patient needs with a probability that falls as the clinic grows (a random group, a random
 * time, a random service); these start from the patient and look only where the patient can go:
 * the groups of their tracks at times they are free (making room by sending a member who is not
 * short elsewhere), a new group at a time the patient can attend with the peers who can too, or a
 * group at a time the patient attends turned into the service they still need (./switch-service.ts).
 */
import type { PlacedMeeting } from '../rules/types.js';
import { canLeave, equip, groupsHeld, removePatient, tryAdd, tryReplace, type Engine } from './engine.js';
import { individualNeeds, placeIndividual } from './individuals.js';
import { sessionsOf } from './tally.js';
import { placeIndividualBySwitchedHandOver } from './handover.js';
import { placeByEjection } from './individuals.js';
import { enter, membersOf, need, patientFits, shortfall, shortPatient, trackMeetings } from './kernel/needs.js';
import { overlaps } from './feasible.js';
import { placeIndividualByChain, placeIndividualInPlaceOf } from './restaff.js';
import { windowStarts } from './slots.js';

type Move = (engine: Engine) => boolean;

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
    engine.state.replace(index, { ...m, patients: m.patients.filter((x) => x !== q) });
    if (enter(engine, index, p)) return true;
    return false;
  }
  return false;
};

/**
 * A new group for the short patient at a time of their track they can attend, with the track's
 * other patients who can come too (short ones first; a patient may leave a larger group for it).
 */
export const openGroupFor: Move = (engine) => openGroupOn(engine, shortPatient(engine), -1);

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
  const equipped = equip(engine, { ...base, patients: chosen }, -1, false, true);
  return equipped !== null && tryAdd(engine, equipped) >= 0 && groupsHeld(engine, left);
}

function gridStarts(grid: number, duration: number): number[] {
  const starts: number[] = [];
  for (let start = 0; start + duration <= 1440; start += grid) starts.push(start);
  return starts;
}

function probe(service: number, track: number, day: number, start: number, duration: number, telehealth: boolean): PlacedMeeting {
  return { id: '', service, track, day, start, end: start + duration, room: -1, telehealth, staff: [], patients: [], pinned: false };
}

/**
 * The short patient's missing individual session is placed: at a free time, else in the place
 * of another patient's session that moves elsewhere, or in hours a clinician frees by handing a
 * group to a colleague (chains of these build up over the search's sideways steps), or, leaving
 * a group of theirs, in the very place of another patient's session, which moves to a free hour
 * of its patient or into a group hour they leave; or, last, in the hour of a group that changes
 * service for a colleague who may lead only the other one (./handover.ts).
 */
export const placeNeededIndividual: Move = (engine) => {
  const p = shortPatient(engine);
  if (p < 0) return false;
  const needs = individualNeeds(engine, p);
  const pick = engine.random.pick(needs);
  if (!pick) return false;
  return (
    placeIndividual(engine, p, pick[0], true) >= 0 ||
    placeByEjection(engine, p, pick[0], true).placed ||
    placeIndividualByChain(engine, p, pick[0], true, true) ||
    placeIndividualInPlaceOf(engine, p, pick[0], true) ||
    placeIndividualBySwitchedHandOver(engine, p, pick[0])
  );
};

/**
 * A group of the short patient's track moves, roster and all, to a time the patient can attend
 * too, and the patient joins it (two steps that blind moves rarely chain: the move alone gains nothing).
 */
export const shiftGroupFor: Move = (engine) => {
  const problem = engine.problem;
  const p = shortPatient(engine);
  if (p < 0) return false;
  const track = engine.random.pick(problem.patients[p]!.tracks);
  if (track === undefined) return false;
  const index = engine.random.pick(trackMeetings(engine, track).filter((i) => !engine.state.meetings[i]!.pinned && !engine.state.meetings[i]!.patients.includes(p)));
  if (index === undefined) return false;
  const m = engine.state.meetings[index]!;
  const duration = m.end - m.start;
  const day = engine.random.next() < 0.6 ? m.day : engine.random.int(7);
  const times = windowStarts(problem, problem.tracks[track]!, day, duration, m.service).filter((start) => start !== m.start || day !== m.day);
  for (const start of engine.random.shuffle(times).slice(0, 4)) {
    const next = { ...m, day, start, end: start + duration, patients: [...m.patients, p] };
    if (!patientFits(engine, next, p, -1)) continue;
    if (tryReplace(engine, index, next)) return true;
    const equipped = equip(engine, next, index, true, false);
    if (equipped !== null && tryReplace(engine, index, equipped)) return true;
  }
  return false;
};

/**
 * Two groups of the short patient's track on one day trade places in their block (the later
 * one starts where the earlier one started, the earlier one ends where the later one ended),
 * then the patient joins one they can now attend: a reordering no single-meeting move reaches
 * when the two share a room, staff or patients.
 */
export const swapGroupTimes: Move = (engine) => {
  const p = shortPatient(engine);
  if (p < 0) return false;
  const track = engine.random.pick(engine.problem.patients[p]!.tracks);
  if (track === undefined) return false;
  const meetings = trackMeetings(engine, track).filter((i) => !engine.state.meetings[i]!.pinned);
  const a = engine.random.pick(meetings);
  if (a === undefined) return false;
  const ma = engine.state.meetings[a]!;
  const b = engine.random.pick(meetings.filter((i) => i !== a && engine.state.meetings[i]!.day === ma.day && engine.state.meetings[i]!.start !== ma.start));
  if (b === undefined) return false;
  const mb = engine.state.meetings[b]!;
  const [early, late] = ma.start < mb.start ? [ma, mb] : [mb, ma];
  const movedLate = { ...late, start: early.start, end: early.start + (late.end - late.start) };
  const movedEarly = { ...early, start: late.end - (early.end - early.start), end: late.end };
  engine.state.remove(a);
  engine.state.remove(b);
  const placed: number[] = [];
  for (const m of [movedLate, movedEarly]) {
    let index = tryAdd(engine, m);
    if (index < 0) {
      const equipped = equip(engine, m, -1, true, false);
      index = equipped === null ? -1 : tryAdd(engine, equipped);
    }
    if (index < 0) return false;
    placed.push(index);
  }
  for (const index of engine.random.shuffle(placed)) {
    const m = engine.state.meetings[index]!;
    if (!m.patients.includes(p) && patientFits(engine, m, p, -1) && enter(engine, index, p)) break;
  }
  return true;
};

/**
 * A patient leaves one of their groups and a new group of the same service opens for them at
 * another time: the session is kept, but the time it held is freed. Alone it gains nothing, so
 * blind moves never chain it; it is the first step of many coordinated changes (a patient's only
 * free evening taken by a session that could be held on another day, where nobody else can come).
 */
export const splitOffGroup: Move = (engine) => {
  const p = engine.random.next() < 0.7 ? shortPatient(engine) : engine.random.int(engine.problem.patients.length);
  if (p < 0) return false;
  const mine = engine.state.patientMeetings[p]!.filter((i) => {
    const m = engine.state.meetings[i]!;
    return engine.problem.services[m.service]!.kind === 'group' && m.patients.length > 1 && canLeave(engine, i);
  });
  const index = engine.random.pick(mine);
  if (index === undefined) return false;
  const service = engine.state.meetings[index]!.service;
  removePatient(engine, index, p);
  return openGroupOn(engine, p, -1, service) && groupsHeld(engine, [index]);
};
