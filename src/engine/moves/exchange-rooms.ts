/** The move `exchange-rooms` of the neighbourhood (./index.ts holds its weight and why). */
import type { PlacedMeeting } from '../../rules/types.js';
import { tryAdd, tryReplace, type Engine } from '../kernel/engine.js';
import { membersOf, need, patientFits, shortfall, trackMeetings } from '../kernel/needs.js';
import { groupNeeder } from './choose.js';
import { sectionSeats } from '../kernel/availability.js';
import { sessionsOf } from '../kernel/tally.js';
import type { Move } from './move.js';
import { meetingWith } from '../../compiled/meetings.js';

/**
 * Two groups of the short patient's track at the same hour exchange rooms, and their rosters
 * follow the seats: the group moving to the smaller room keeps the members who need its service,
 * and the one moving to the larger room takes in the patients free then who need its service (the
 * short patient first), then the members the other group could not keep, then anyone free then
 * and short.
 *
 * Neither step alone gains: in an over-full day track an eight-seat process group beside a
 * six-seat skills group at the same hour leaves two seats of skills missing for patients short of
 * skills, while the two rooms held the other way round serve them and the process group's two
 * extra members lose an hour someone else gains (the 120-patient reference, a run's best against
 * HiGHS's optimum: one such hour apart).
 */
export const exchangeRooms: Move = (engine) => {
  const p = groupNeeder(engine);
  if (p < 0) return false;
  const { problem, state, random, prepared } = engine;
  const track = random.pick(problem.patients[p]!.tracks);
  if (track === undefined) return false;
  const inTrack = trackMeetings(engine, track);
  const byHour = new Map<string, number[]>();
  for (const i of inTrack) {
    const m = state.meetings[i]!;
    if (m.pinned || m.telehealth) continue;
    const key = `${m.day}:${m.start}:${m.end}`;
    byHour.set(key, [...(byHour.get(key) ?? []), i]);
  }
  const pairs: Array<[number, number]> = [];
  for (const same of byHour.values()) {
    for (const a of same) {
      const ma = state.meetings[a]!;
      for (const b of same) {
        const mb = state.meetings[b]!;
        if (b !== a && sectionSeats(engine, ma.service, mb.room) > sectionSeats(engine, ma.service, ma.room)) pairs.push([a, b]);
      }
    }
  }
  // The group p would sit in after the exchange: a larger room's seats come to it.
  const wanted = prepared.patients[p]!.wantSessions;
  const fitting = pairs.filter(([a]) => {
    const m = state.meetings[a]!;
    return need(engine, p, wanted, m.service) > 0 && !m.patients.includes(p) && patientFits(engine, m, p, -1);
  });
  const pair = random.pick(fitting);
  if (pair === undefined) return false;
  const [a, b] = pair;
  const ma = state.meetings[a]!;
  const mb = state.meetings[b]!;
  const mark = state.mark();
  // b first out of the way: its members are then free at the hour, for a's seats.
  state.remove(b);
  // b shrinks into a's room: its members who need its service stay first.
  const keepB = rosterFor(engine, mb, [], ma.room);
  // a grows into b's room: p, then the others free then who need its service, then anyone short.
  const free = (q: number): boolean => q !== p && !ma.patients.includes(q) && !keepB.includes(q) && patientFits(engine, ma, q, -1);
  const candidates = membersOf(engine, track).filter(free);
  const needing = random.shuffle(candidates.filter((q) => need(engine, q, prepared.patients[q]!.wantSessions, ma.service) > 0));
  // Then b's members who lost their seat (the score is not read again until the move is over),
  // then anyone short.
  const chosen = new Set(needing);
  const displaced = candidates.filter((q) => !chosen.has(q) && mb.patients.includes(q));
  for (const q of displaced) chosen.add(q);
  const others = random.shuffle(candidates.filter((q) => !chosen.has(q) && shortfall(engine, q) > 0));
  const growA = rosterFor(engine, ma, [p, ...needing, ...displaced, ...others], mb.room);
  if (tryReplace(engine, a, meetingWith(ma, { room: mb.room, patients: growA })) && tryAdd(engine, meetingWith(mb, { room: ma.room, patients: keepB })) >= 0) return true;
  state.rollback(mark);
  return false;
};

/**
 * The roster of `m` in room `room`: its members who need its service, then its other members
 * (those with the most sessions of it to spare leave first), then `joiners` in order, up to the
 * room's seats.
 */
function rosterFor(engine: Engine, m: PlacedMeeting, joiners: readonly number[], room: number): number[] {
  const want = (q: number): number => engine.prepared.patients[q]!.wantSessions[m.service]!;
  const spare = (q: number): number => sessionsOf(engine, q, m.service) - want(q);
  const members = [...m.patients].sort((x, y) => spare(x) - spare(y) || x - y);
  return [...members, ...joiners].slice(0, sectionSeats(engine, m.service, room));
}
