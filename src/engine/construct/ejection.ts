/**
 * Repairs for an individual session that found no time: evict another patient's session that
 * holds what it needs, free a clinician from a group seat, or give up a group hour.
 */
import type { PlacedMeeting } from '../../rules/types.js';
import { SLOT_MINUTES, SLOTS_PER_DAY } from '../../time/week.js';
import { canLeave, chooseStaff, removePatient, settleHard, tryReplace, type Engine } from '../kernel/engine.js';
import { sessionsOf } from '../kernel/tally.js';
import type { FullTimes } from './full-times.js';
import { placeIndividual, sessionTimes } from './individuals.js';
import { meetingWith } from '../../compiled/meetings.js';

/** Individual sessions tried for eviction per unplaced session (bounds the repair's cost). */
const EJECTION_CANDIDATES = 40;

/**
 * An augmenting path of length one, as in bipartite matching: a session that found no free
 * room or clinician takes the place of another patient's individual session that holds one it
 * could use at a time it could come, and that session moves to another time of its own. Greedy
 * placement, most constrained first, still leaves these when two patients' only times overlap
 * and the one placed first had others.
 *
 * @example
 * ```ts
 * if (placeIndividual(engine, p, s, false, full) < 0) placeByEjection(engine, p, s, false, full);
 * ```
 */
export function placeByEjection(engine: Engine, p: number, s: number, shuffle = false, full?: FullTimes): { placed: boolean; work: number } {
  const problem = engine.problem;
  const service = problem.services[s]!;
  const patient = problem.patients[p]!;
  const rooms = new Set(service.eligibleRooms);
  const staff = new Set(service.seats.flatMap((seat) => seat.eligibleStaff));
  const times = sessionTimes(patient, service);
  const seen = new Set<number>();
  const candidates: number[] = [];
  const reach = service.durationMinutes / SLOT_MINUTES;
  const consider = (index: number): void => {
    if (seen.has(index)) return;
    seen.add(index);
    const m = engine.state.meetings[index];
    if (!m || m.pinned || m.patients.length !== 1 || m.patients[0] === p || problem.services[m.service]!.kind !== 'individual') return;
    const from = m.day * SLOTS_PER_DAY + m.start / SLOT_MINUTES;
    // Overlaps a time the patient could take (the session may shift within it).
    for (let slot = Math.max(m.day * SLOTS_PER_DAY, from - reach + 1); slot < from + (m.end - m.start) / SLOT_MINUTES; slot++) {
      if (times.containsRange(slot, slot + reach)) {
        candidates.push(index);
        return;
      }
    }
  };
  // The search draws a few at random and comes back often; construction tries more, the
  // sessions of the patients with the most free time first (the likeliest to find another).
  // Either way the rooms' and clinicians' calendars are read only until enough turn up: a
  // network's hundreds of offices hold tens of thousands of sessions.
  const limit = shuffle ? EJECTION_CANDIDATES / 10 : EJECTION_CANDIDATES;
  const enough = (shuffle ? 2 : 4) * limit;
  const calendars = [...[...rooms].map((r) => engine.state.roomMeetings[r]!), ...[...staff].map((member) => engine.state.staffMeetings[member]!)];
  const first = shuffle ? engine.random.int(Math.max(1, calendars.length)) : 0;
  for (let k = 0; k < calendars.length && candidates.length < enough; k++) {
    for (const index of calendars[(first + k) % calendars.length]!) consider(index);
  }
  if (shuffle) engine.random.shuffle(candidates);
  else {
    const freedom = new Map<number, number>();
    for (const index of candidates) freedom.set(index, problem.patients[engine.state.meetings[index]!.patients[0]!]!.available.size());
    candidates.sort((a, b) => freedom.get(b)! - freedom.get(a)! || a - b);
  }
  let work = 0;
  for (let k = 0; k < candidates.length && k < limit; k++) {
    const index = candidates[k]!;
    const evicted = engine.state.meetings[index]!;
    const mark = engine.state.mark();
    engine.state.remove(index);
    full?.forgetDay(evicted.day);
    work += 2;
    // Only the evicted session's day can have gained a place for the patient.
    if (placeIndividual(engine, p, s, shuffle, full, [evicted.day]) >= 0 && placeIndividual(engine, evicted.patients[0]!, evicted.service, shuffle, full) >= 0) return { placed: true, work };
    engine.state.rollback(mark);
    // The patient's session, placed that day and now undone, may have left marks there.
    full?.forgetDay(evicted.day);
  }
  const released = releaseClinician(engine, p, s, staff, limit, full);
  work += released.work;
  if (released.placed) return { placed: true, work };
  work += 4;
  return { placed: placeInGroupHour(engine, p, s, shuffle), work };
}

/**
 * The other way to free a clinician: one who could lead the session but has no hours left (or
 * is busy then) hands one of their group seats to a colleague who is free, and the session is
 * placed in the hours that frees. Groups can often be led by several credentials; a family
 * session only by a few.
 */
function releaseClinician(engine: Engine, p: number, s: number, staff: ReadonlySet<number>, limit: number, full?: FullTimes): { placed: boolean; work: number } {
  const problem = engine.problem;
  let work = 0;
  for (const member of staff) {
    for (const index of [...engine.state.staffMeetings[member]!]) {
      const m = engine.state.meetings[index]!;
      if (m.pinned || problem.services[m.service]!.kind !== 'group') continue;
      if (work >= limit) return { placed: false, work };
      work += 1;
      const handed = chooseStaff(engine, meetingWith(m, { staff: m.staff.map((x) => (x === member ? -1 : x)) }), index, true, false, member);
      if (!handed) continue;
      const mark = engine.state.mark();
      const hard = engine.state.hardScore();
      if (!tryReplace(engine, index, meetingWith(m, { staff: handed })) || !settleHard(engine, mark, hard)) {
        engine.state.rollback(mark);
        continue;
      }
      if (full) forgetFreed(engine, full, s, m, m.staff.filter((x) => !handed.includes(x)));
      if (placeIndividual(engine, p, s, false, full) >= 0) return { placed: true, work };
      engine.state.rollback(mark);
      // Undone: the colleague who took the seat is free again.
      if (full) forgetFreed(engine, full, s, m, handed.filter((x) => !m.staff.includes(x)));
    }
  }
  return { placed: false, work };
}

/**
 * Forgets the marks of service `s` that staff `freed` from group meeting `m` may have made
 * wrong. Freed, a member is free at `m`'s time and has minutes back on `m`'s day and in the
 * week; a time on another day was full for want of them only if their weekly maximum stood in
 * the way, so the other days keep their marks unless a member was within reach of it (with a
 * margin for a changing clock: an hour either way). Forgetting the whole service after every
 * hand-off re-tried every time of the week, about a quarter of construction at 10,000 patients;
 * the marks kept are of times that still fail, so the timetable is the same.
 */
function forgetFreed(engine: Engine, full: FullTimes, s: number, m: PlacedMeeting, freed: readonly number[]): void {
  const duration = engine.problem.services[s]!.durationMinutes;
  for (const x of freed) {
    const member = engine.problem.staff[x]!;
    // Their week with `m` and the session: past the maximum, a time may have been full for it.
    if (engine.state.staffMinutes[x]! + (m.end - m.start) + duration + 120 > member.maxWeeklyMinutes) {
      full.forgetService(s);
      return;
    }
  }
  if (freed.length > 0) full.forgetServiceDay(s, m.day);
}

/**
 * A patient whose free hours hold no session (every hour of their window is a group) gives up
 * one group hour for the individual session: the hours still count, and the session required
 * is held. In construction only a group hour beyond what the curriculum asks is given up; the
 * search may give up any (the score decides).
 */
function placeInGroupHour(engine: Engine, p: number, s: number, shuffle: boolean): boolean {
  const problem = engine.problem;
  const want = engine.prepared.patients[p]!.wantSessions;
  const groups = engine.state.patientMeetings[p]!.filter((index) => {
    const m = engine.state.meetings[index]!;
    return problem.services[m.service]!.kind === 'group' && canLeave(engine, index) && (shuffle || sessionsOf(engine, p, m.service) > want[m.service]!);
  });
  if (shuffle) engine.random.shuffle(groups);
  for (const index of groups.slice(0, 4)) {
    const day = engine.state.meetings[index]!.day;
    const mark = engine.state.mark();
    removePatient(engine, index, p);
    if (placeIndividual(engine, p, s, shuffle, undefined, [day]) >= 0) return true;
    engine.state.rollback(mark);
  }
  return false;
}
