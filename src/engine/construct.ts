/**
 * Construction: a complete timetable that keeps every hard rule, most constrained first.
 *
 * 1. Per track, the candidate group slots (tiled windows or the template) are filled in week
 *    order: the patients of the track who can come (availability, admission, viable days) are
 *    given the service they need most, bucketed by service and homogeneity key, and sectioned
 *    into parallel groups of balanced size, each with staff and a room. Sections that cannot
 *    reach their minimum size are not opened; their patients join another section when they can.
 * 2. Patients still short of hours try the groups of their other tracks.
 * 3. Individual sessions (`requires` and curriculum) go next to each patient's group blocks,
 *    primary therapist first, in a room or by telehealth.
 * What cannot be placed stays unplaced, and its blocking rules are counted.
 */
import type { PlacedMeeting } from '../rules/types.js';
import { SLOT_MINUTES, SLOTS_PER_DAY } from '../time/week.js';
import { equip, settle, tryAdd, tryReplace, type Engine } from './engine.js';
import { patientBlocker } from './feasible.js';
import { groupSlots, type GroupSlot } from './slots.js';

/** Sessions of service `s` the patient attends now. */
export function sessionsOf(engine: Engine, p: number, s: number): number {
  let n = 0;
  for (const index of engine.state.patientMeetings[p]!) if (engine.state.meetings[index]!.service === s) n++;
  return n;
}

/** Counting minutes the patient attends now. */
export function minutesOf(engine: Engine, p: number): number {
  let total = 0;
  for (const index of engine.state.patientMeetings[p]!) {
    const m = engine.state.meetings[index]!;
    if (engine.problem.services[m.service]!.countsTowardHours) total += m.end - m.start;
  }
  return total;
}

function probe(slot: GroupSlot, service: number): PlacedMeeting {
  return { id: '', service, track: slot.track, day: slot.day, start: slot.start, end: slot.start + 0, room: -1, telehealth: false, staff: [], patients: [], pinned: false };
}

/** Whether patient `p` could attend service `s` in `slot` as far as the patient is concerned. */
function canAttend(engine: Engine, slot: GroupSlot, s: number, p: number, record: boolean): boolean {
  const duration = engine.problem.services[s]!.durationMinutes;
  const m = { ...probe(slot, s), end: slot.start + duration };
  const from = slot.day * SLOTS_PER_DAY + slot.start / SLOT_MINUTES;
  const code = patientBlocker(engine.state, engine.prepared, m, p, -1, from, from + duration / SLOT_MINUTES);
  if (code !== null && record) engine.conflicts.blockPatient(engine.problem.patients[p]!.id, code);
  return code === null;
}

/**
 * Days a patient should attend a track: days whose slots the patient can reach can meet the
 * per-day thresholds; when no day can, every day (the shortfall is then reported).
 */
function viableDays(engine: Engine, slots: readonly GroupSlot[], p: number): Set<number> {
  const limits = engine.prepared.patients[p]!;
  const minutes = [0, 0, 0, 0, 0, 0, 0];
  const sessions = [0, 0, 0, 0, 0, 0, 0];
  for (const slot of slots) {
    const s = slot.services.find((service) => canAttend(engine, slot, service, p, false));
    if (s === undefined) continue;
    minutes[slot.day]! += engine.problem.services[s]!.durationMinutes;
    sessions[slot.day]! += 1;
  }
  const days = new Set<number>();
  for (let day = 0; day < 7; day++) {
    if (sessions[day]! > 0 && minutes[day]! >= limits.minDailyMinutes && sessions[day]! >= limits.minDailyServices) days.add(day);
  }
  if (days.size === 0) for (let day = 0; day < 7; day++) if (sessions[day]! > 0) days.add(day);
  return days;
}

/** The service patient `p` needs most among `services` (curriculum and requires), or a rotation. */
function preferredService(engine: Engine, slot: GroupSlot, p: number): number | undefined {
  const limits = engine.prepared.patients[p]!;
  let best: number | undefined;
  let bestNeed = -Infinity;
  let bestCount = Infinity;
  const n = slot.services.length;
  for (let k = 0; k < n; k++) {
    const s = slot.services[(slot.ordinal + k) % n]!;
    if (!canAttend(engine, slot, s, p, k === 0)) continue;
    const count = sessionsOf(engine, p, s);
    const need = limits.wantSessions[s]! - count;
    if (need > bestNeed || (need === bestNeed && count < bestCount)) {
      best = s;
      bestNeed = need;
      bestCount = count;
    }
  }
  // A session nobody asked for must not use up hours a needed one will want later.
  if (best !== undefined && bestNeed <= 0) {
    const duration = engine.problem.services[best]!.durationMinutes;
    if (minutesOf(engine, p) + duration + outstandingMinutes(engine, p) > limits.maxWeeklyMinutes) return undefined;
  }
  return best;
}

/** Counting minutes of the sessions the patient still needs (curriculum and requires minima). */
function outstandingMinutes(engine: Engine, p: number): number {
  const want = engine.prepared.patients[p]!.wantSessions;
  let total = 0;
  for (let s = 0; s < want.length; s++) {
    if (want[s]! <= 0) continue;
    const service = engine.problem.services[s]!;
    if (!service.countsTowardHours) continue;
    total += Math.max(0, want[s]! - sessionsOf(engine, p, s)) * service.durationMinutes;
  }
  return total;
}

function openSections(engine: Engine, slot: GroupSlot, service: number, members: number[], opened: number[]): number[] {
  const compiled = engine.problem.services[service]!;
  const maxRoom = compiled.telehealth === 'only' ? compiled.maxSize : Math.max(0, ...compiled.eligibleRooms.map((r) => engine.problem.rooms[r]!.capacity));
  const cap = Math.max(1, Math.min(compiled.maxSize, compiled.telehealth === 'allowed' ? compiled.maxSize : maxRoom));
  const count = Math.ceil(members.length / cap);
  const sections: number[][] = Array.from({ length: count }, () => []);
  const leftover: number[] = [];
  for (const p of members) {
    const avoid = engine.problem.patients[p]!.avoid;
    let target: number[] | undefined;
    for (const section of sections) {
      if (section.length >= cap || section.some((q) => avoid.has(q))) continue;
      if (!target || section.length < target.length) target = section;
    }
    if (target) target.push(p);
    else leftover.push(p);
  }
  const base: PlacedMeeting = { ...probe(slot, service), end: slot.start + compiled.durationMinutes };
  for (const section of sections) {
    let roster = section;
    while (roster.length >= compiled.minSize) {
      const equipped = equip(engine, { ...base, patients: roster }, -1, false, false);
      if (equipped) {
        const mark = engine.state.mark();
        const hard = engine.state.score().hard;
        const index = tryAdd(engine, equipped);
        if (index >= 0 && settle(engine, mark, hard)) {
          opened.push(index);
          break;
        }
      }
      // No room that large or no staff: try a smaller section, the rest wait for another one.
      leftover.push(roster[roster.length - 1]!);
      roster = roster.slice(0, -1);
    }
    if (roster.length < compiled.minSize) leftover.push(...roster);
  }
  return leftover;
}

/** Adds `p` to a meeting opened in this slot, when one has room and fits. */
function joinOpened(engine: Engine, opened: readonly number[], p: number): boolean {
  for (const index of opened) {
    const m = engine.state.meetings[index];
    if (!m || m.patients.includes(p)) continue;
    const mark = engine.state.mark();
    const hard = engine.state.score().hard;
    if (tryReplace(engine, index, { ...m, patients: [...m.patients, p] }) && settle(engine, mark, hard)) return true;
    const equipped = equip(engine, { ...m, patients: [...m.patients, p] }, index, true, false);
    if (equipped && tryReplace(engine, index, equipped) && settle(engine, mark, hard)) return true;
  }
  return false;
}

/** Opens the sections of one group slot for `patients` (in priority order). */
export function fillSlot(engine: Engine, slot: GroupSlot, patients: readonly number[]): void {
  const buckets = new Map<string, { service: number; members: number[] }>();
  for (const p of patients) {
    const service = preferredService(engine, slot, p);
    if (service === undefined) continue;
    const key = `${service}\u0000${engine.prepared.homogeneity[service]?.[p] ?? ''}`;
    let bucket = buckets.get(key);
    if (!bucket) buckets.set(key, (bucket = { service, members: [] }));
    bucket.members.push(p);
  }
  const opened: number[] = [];
  const waiting: number[] = [];
  for (const bucket of buckets.values()) waiting.push(...openSections(engine, slot, bucket.service, bucket.members, opened));
  for (const p of waiting) {
    if (!joinOpened(engine, opened, p)) engine.conflicts.blockPatient(engine.problem.patients[p]!.id, 'group-min-size');
  }
}

/** Fills the group slots of every track with the given patients of that track. */
function constructGroups(engine: Engine, secondary: boolean): void {
  const problem = engine.problem;
  for (const track of problem.tracks) {
    const slots = groupSlots(problem, track);
    if (slots.length === 0) continue;
    const members = problem.patients
      .filter((patient) => (secondary ? patient.tracks.indexOf(track.index) > 0 : patient.tracks[0] === track.index))
      .map((patient) => patient.index)
      .filter((p) => !secondary || minutesOf(engine, p) < engine.prepared.patients[p]!.minWeeklyMinutes);
    if (members.length === 0) continue;
    // Most constrained first: fewest slots the patient can reach.
    const reach = new Map<number, number>();
    const days = new Map<number, Set<number>>();
    for (const p of members) {
      reach.set(p, slots.filter((slot) => slot.services.some((s) => canAttend(engine, slot, s, p, false))).length);
      days.set(p, viableDays(engine, slots, p));
    }
    const ordered = [...members].sort((a, b) => reach.get(a)! - reach.get(b)! || a - b);
    for (const slot of slots) {
      if (engine.outOfTime()) return;
      const here = ordered.filter((p) => days.get(p)!.has(slot.day));
      const wanting = secondary ? here.filter((p) => minutesOf(engine, p) < engine.prepared.patients[p]!.minWeeklyMinutes) : here;
      fillSlot(engine, slot, wanting);
    }
  }
}

/** Individual services patient `p` still needs, with how many. */
export function individualNeeds(engine: Engine, p: number): Array<[number, number]> {
  const needs: Array<[number, number]> = [];
  const want = engine.prepared.patients[p]!.wantSessions;
  for (let s = 0; s < want.length; s++) {
    if (engine.problem.services[s]!.kind !== 'individual' || want[s]! <= 0) continue;
    const missing = want[s]! - sessionsOf(engine, p, s);
    if (missing > 0) needs.push([s, missing]);
  }
  return needs;
}

/**
 * Places one individual session of service `s` for patient `p`: days the patient already
 * attends first, next to their sessions (compact days), then any other time. `shuffle` varies
 * the order (for the search). Returns the meeting index or -1.
 */
export function placeIndividual(engine: Engine, p: number, s: number, shuffle: boolean): number {
  const problem = engine.problem;
  const service = problem.services[s]!;
  const patient = problem.patients[p]!;
  const duration = service.durationMinutes;
  const grid = problem.granularityMinutes;
  const byDay: number[][] = [[], [], [], [], [], [], []];
  for (const index of engine.state.patientMeetings[p]!) {
    const m = engine.state.meetings[index]!;
    if (m.day >= 0) byDay[m.day]!.push(index);
  }
  const days = [0, 1, 2, 3, 4, 5, 6].filter((d) => d >= patient.firstDay && d < patient.endDay && !problem.closedDays[d]);
  days.sort((a, b) => byDay[b]!.length - byDay[a]!.length || a - b);
  if (shuffle) for (let i = days.length - 1; i > 0; i--) {
    const j = engine.random.int(i + 1);
    [days[i], days[j]] = [days[j]!, days[i]!];
  }
  let lastCode: string | null = null;
  for (const day of days) {
    const busy = byDay[day]!.map((index) => engine.state.meetings[index]!);
    const starts: number[] = [];
    for (const m of busy) {
      starts.push(Math.ceil(m.end / grid) * grid, Math.floor((m.start - duration) / grid) * grid);
    }
    for (let start = 0; start + duration <= 1440; start += grid) starts.push(start);
    const near = (start: number): number => (busy.length === 0 ? 0 : Math.min(...busy.map((m) => Math.min(Math.abs(start - m.end), Math.abs(m.start - start - duration)))));
    const unique = [...new Set(starts.filter((x) => x >= 0 && x + duration <= 1440))];
    if (busy.length > 0) unique.sort((a, b) => near(a) - near(b) || a - b);
    for (const start of unique) {
      const from = day * SLOTS_PER_DAY + start / SLOT_MINUTES;
      if (!patient.available.containsRange(from, from + duration / SLOT_MINUTES)) continue;
      const base: PlacedMeeting = { id: '', service: s, track: -1, day, start, end: start + duration, room: -1, telehealth: service.telehealth === 'only', staff: [], patients: [p], pinned: false };
      const code = patientBlocker(engine.state, engine.prepared, base, p, -1, from, from + duration / SLOT_MINUTES);
      if (code !== null) {
        lastCode = code;
        continue;
      }
      const equipped = equip(engine, base, -1, false, shuffle);
      if (!equipped) {
        lastCode = 'staff-availability';
        continue;
      }
      const mark = engine.state.mark();
      const hard = engine.state.score().hard;
      const index = tryAdd(engine, equipped);
      if (index >= 0 && settle(engine, mark, hard)) return index;
    }
  }
  if (lastCode !== null) engine.conflicts.blockPatient(patient.id, lastCode);
  return -1;
}

function constructIndividuals(engine: Engine): void {
  const order = engine.problem.patients.map((p) => p.index);
  const room = order.map((p) => engine.problem.patients[p]!.available.size());
  order.sort((a, b) => room[a]! - room[b]! || a - b);
  for (const p of order) {
    if (engine.outOfTime()) return;
    // Scarcest service first: the one the fewest staff members can lead.
    const needs = individualNeeds(engine, p).sort((a, b) => scarcity(engine, a[0]) - scarcity(engine, b[0]) || a[0] - b[0]);
    for (const [s, missing] of needs) {
      for (let i = 0; i < missing; i++) if (placeIndividual(engine, p, s, false) < 0) break;
    }
  }
}

function scarcity(engine: Engine, s: number): number {
  return engine.problem.services[s]!.seats.reduce((sum, seat) => sum + seat.eligibleStaff.length, 0);
}

/** Builds the first complete timetable in `engine.state` (committed). */
export function construct(engine: Engine): void {
  constructGroups(engine, false);
  constructGroups(engine, true);
  constructIndividuals(engine);
  engine.state.commit();
}
