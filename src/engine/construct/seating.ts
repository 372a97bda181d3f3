/**
 * Seating one group time: which service each patient of the track should get there (the one
 * they need most, or the next when its section is full), sections of balanced size opened with
 * staff and a room, and patients who fit no new section joined to one already open (`fillSlot`).
 */
import type { PlacedMeeting } from '../../rules/types.js';
import { SLOT_MINUTES, SLOTS_PER_DAY } from '../../time/week.js';
import { equip, settleHard, tryAdd, tryReplace, type Engine } from '../kernel/engine.js';
import { patientBlocker } from '../kernel/feasible.js';
import type { GroupSlot } from '../kernel/slots.js';
import { minutesOf, sessionsOf } from '../kernel/tally.js';
import { meetingWith } from '../../compiled/meetings.js';

function probe(slot: GroupSlot, service: number): PlacedMeeting {
  return { id: '', service, track: slot.track, day: slot.day, start: slot.start, end: slot.start + 0, room: -1, telehealth: false, staff: [], patients: [], pinned: false };
}

/**
 * The meeting `canAttend` asks about, reused: it asks millions of times in a large clinic, and the
 * checks read it only while they run (they keep nothing).
 */
const asked: PlacedMeeting = probe({ track: -1, day: 0, start: 0, end: 0, services: [], ordinal: 0 }, 0);

/** Whether patient `p` could attend service `s` in `slot` as far as the patient is concerned. */
export function canAttend(engine: Engine, slot: GroupSlot, s: number, p: number, record: boolean): boolean {
  const duration = engine.problem.services[s]!.durationMinutes;
  asked.service = s;
  asked.track = slot.track;
  asked.day = slot.day;
  asked.start = slot.start;
  asked.end = slot.start + duration;
  const from = slot.day * SLOTS_PER_DAY + slot.start / SLOT_MINUTES;
  const code = patientBlocker(engine.state, engine.prepared, asked, p, -1, from, from + duration / SLOT_MINUTES);
  if (code !== null && record) engine.conflicts.blockPatient(engine.problem.patients[p]!.id, code);
  return code === null;
}

/**
 * Per slot of a track, the first of its services patient `p` can attend there (its position in
 * `slot.services`), or -1: what the patient's reach, viable days and cohort key all read, asked
 * once per slot instead of once for each.
 */
export function firstAttendable(engine: Engine, slots: readonly GroupSlot[], p: number): Int32Array {
  const first = new Int32Array(slots.length).fill(-1);
  slots.forEach((slot, k) => {
    for (let i = 0; i < slot.services.length; i++) {
      if (canAttend(engine, slot, slot.services[i]!, p, false)) {
        first[k] = i;
        break;
      }
    }
  });
  return first;
}

/**
 * Days a patient should attend a track: days whose slots the patient can reach (`first`, see
 * `firstAttendable`) can meet the per-day thresholds; when no day can, every day (the shortfall
 * is then reported).
 */
export function viableDays(engine: Engine, slots: readonly GroupSlot[], p: number, first: Int32Array): Set<number> {
  const limits = engine.prepared.patients[p]!;
  const minutes = [0, 0, 0, 0, 0, 0, 0];
  const sessions = [0, 0, 0, 0, 0, 0, 0];
  for (let k = 0; k < slots.length; k++) {
    const slot = slots[k]!;
    if (first[k]! < 0) continue;
    const s = slot.services[first[k]!]!;
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

/**
 * The services patient `p` can attend in `slot`, most needed first (curriculum and requires),
 * then the fewest sessions so far, then a rotation by the slot's position: their count, the
 * entries in `RANKED[0 .. count)` (scratch, valid until the next call: every caller reads them
 * before asking again). A list and its entries a call, for every patient at every group time,
 * were the largest share of what seating allocated (32 of 433 MB at 10,000 patients).
 */
function rankedServices(engine: Engine, slot: GroupSlot, p: number, offset = 0): number {
  const limits = engine.prepared.patients[p]!;
  const ranked = RANKED;
  let length = 0;
  const n = slot.services.length;
  for (let k = 0; k < n; k++) {
    const s = slot.services[(slot.ordinal + offset + k) % n]!;
    if (!canAttend(engine, slot, s, p, k === 0)) continue;
    const count = sessionsOf(engine, p, s);
    // The slots hold distinct entries (a sort only permutes them): one is rewritten in place.
    const entry = (ranked[length] ??= { service: 0, need: 0, count: 0, turn: 0 });
    entry.service = s;
    entry.need = limits.wantSessions[s]! - count;
    entry.count = count;
    entry.turn = k;
    length += 1;
  }
  // By hand (stable, as `sort`): a handful of entries, and `sort` allocated a work array a call
  // (78 MB at 10,000 patients).
  for (let i = 1; i < length; i++) {
    const entry = ranked[i]!;
    let j = i - 1;
    while (j >= 0 && rankedAfter(ranked[j]!, entry)) {
      ranked[j + 1] = ranked[j]!;
      j--;
    }
    ranked[j + 1] = entry;
  }
  // A session nobody asked for must not use up hours a needed one will want later.
  const best = length > 0 ? ranked[0]! : undefined;
  if (best !== undefined && best.need <= 0) {
    const duration = engine.problem.services[best.service]!.durationMinutes;
    if (minutesOf(engine, p) + duration + outstandingMinutes(engine, p) > limits.maxWeeklyMinutes) return 0;
  }
  return length;
}

interface Ranked {
  service: number;
  need: number;
  count: number;
  turn: number;
}

/** `rankedServices`' entries (see there). */
const RANKED: Ranked[] = [];

/** Whether `a` ranks after `b`: less needed, then more sessions so far, then later in the rotation. */
function rankedAfter(a: { need: number; count: number; turn: number }, b: { need: number; count: number; turn: number }): boolean {
  return (b.need - a.need || a.count - b.count || a.turn - b.turn) > 0;
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
  const cap = engine.prepared.sectionCap[service]!;
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
  const base = probe(slot, service);
  base.end = slot.start + compiled.durationMinutes;
  for (const section of sections) {
    let roster = section;
    while (roster.length >= compiled.minSize) {
      const equipped = equip(engine, meetingWith(base, { patients: roster }), -1, false, false);
      if (equipped) {
        const mark = engine.state.mark();
        const hard = engine.state.hardScore();
        const index = tryAdd(engine, equipped);
        if (index >= 0 && settleHard(engine, mark, hard)) {
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
    const hard = engine.state.hardScore();
    if (tryReplace(engine, index, meetingWith(m, { patients: [...m.patients, p] })) && settleHard(engine, mark, hard)) return true;
    const equipped = equip(engine, meetingWith(m, { patients: [...m.patients, p] }), index, true, false);
    if (equipped && tryReplace(engine, index, equipped) && settleHard(engine, mark, hard)) return true;
  }
  return false;
}

/**
 * A patient no opened section has room for gets a new section of a full one's service: about
 * half of that section (peers who may share a group with the patient) moves over, so neither
 * falls below the minimum. Without it, a patient whose cohort came out one short of a section
 * misses the slot, and every slot of the week the same way.
 */
function splitOpened(engine: Engine, slot: GroupSlot, opened: number[], p: number): boolean {
  const patients = engine.problem.patients;
  const avoid = patients[p]!.avoid;
  for (const index of opened) {
    const m = engine.state.meetings[index];
    if (!m || m.patients.includes(p) || !canAttend(engine, slot, m.service, p, false)) continue;
    const service = engine.problem.services[m.service]!;
    const keys = engine.prepared.homogeneity[m.service];
    const movable = m.patients.filter((q) => (!keys || keys[q] === keys[p]) && !avoid.has(q) && !patients[q]!.avoid.has(p));
    const moving = Math.min(movable.length, Math.ceil((m.patients.length + 1) / 2) - 1);
    if (moving < service.minSize - 1 || m.patients.length - moving < service.minSize) continue;
    const movers = movable.slice(movable.length - moving);
    const mark = engine.state.mark();
    const hard = engine.state.hardScore();
    engine.state.replace(index, meetingWith(m, { patients: m.patients.filter((q) => !movers.includes(q)) }));
    const section = probe(slot, m.service);
    section.end = slot.start + service.durationMinutes;
    section.patients = [p, ...movers];
    const equipped = equip(engine, section, -1, false, false);
    const added = equipped ? tryAdd(engine, equipped) : -1;
    if (added >= 0 && settleHard(engine, mark, hard)) {
      opened.push(added);
      return true;
    }
    engine.state.rollback(mark);
  }
  return false;
}

/**
 * Opens the sections of one group slot for `patients` (in priority order). With `cohortOf`, the
 * patients of one cohort share sections apart from other cohorts, and each cohort starts its
 * rotation through the services at its own offset (its number).
 */
export function fillSlot(engine: Engine, slot: GroupSlot, patients: readonly number[], cohortOf?: ReadonlyMap<number, number>): void {
  const buckets = new Map<number, { service: number; members: number[] }>();
  // A bucket is (service, homogeneity key, cohort) as one number: the slot's homogeneity keys
  // numbered as they come. A string built and hashed per patient and service was a tenth of
  // seating a slot; Map order (insertion) is the same for either key.
  // Numbered per service, so a number stays below the patients' count (the width).
  const kinds: Array<Map<string, number> | undefined> = [];
  const services = engine.problem.services.length;
  const width = engine.problem.patients.length + 2;
  const keyOf = (service: number, p: number): number => {
    const h = engine.prepared.homogeneity[service]?.[p];
    let kind = 0;
    if (h !== undefined) {
      const numbered = (kinds[service] ??= new Map<string, number>());
      kind = numbered.get(h) ?? 0;
      if (kind === 0) numbered.set(h, (kind = numbered.size + 1));
    }
    return (((cohortOf?.get(p) ?? -1) + 1) * width + kind) * services + service;
  };
  for (const p of patients) {
    const ranked = rankedServices(engine, slot, p, cohortOf?.get(p) ?? 0);
    if (ranked === 0) continue;
    // Cohorts: when the most needed service's section is full, a patient who also needs another
    // service takes that one now, so one slot holds full sections of different services instead
    // of extra sections of one (which may need staff the slot does not have, such as the only
    // dietitian), and the services rotate between cohorts over the week.
    let choice = RANKED[0]!.service;
    for (let k = 0; k < ranked; k++) {
      const { service, need } = RANKED[k]!;
      if (need <= 0) break;
      const bucket = buckets.get(keyOf(service, p));
      if (!bucket || bucket.members.length < engine.prepared.sectionCap[service]!) {
        choice = service;
        break;
      }
    }
    const key = keyOf(choice, p);
    let bucket = buckets.get(key);
    if (!bucket) buckets.set(key, (bucket = { service: choice, members: [] }));
    bucket.members.push(p);
  }
  const opened: number[] = [];
  // Services whose sections could not all open here (no staff or room left): their patients
  // try their next service before joining whatever section has room.
  const failed = new Set<number>();
  let waiting: number[] = [];
  for (const bucket of buckets.values()) {
    const left = openSections(engine, slot, bucket.service, bucket.members, opened);
    if (left.length > 0) failed.add(bucket.service);
    waiting.push(...left);
  }
  for (let round = 0; round < 2 && waiting.length > 0; round++) {
    const again = new Map<number, { service: number; members: number[] }>();
    const stay: number[] = [];
    for (const p of waiting) {
      const ranked = rankedServices(engine, slot, p, cohortOf?.get(p) ?? 0);
      let next: Ranked | undefined;
      for (let k = 0; k < ranked && !next; k++) if (!failed.has(RANKED[k]!.service)) next = RANKED[k];
      if (!next) {
        stay.push(p);
        continue;
      }
      const key = keyOf(next.service, p);
      let bucket = again.get(key);
      if (!bucket) again.set(key, (bucket = { service: next.service, members: [] }));
      bucket.members.push(p);
    }
    if (again.size === 0) break;
    waiting = stay;
    for (const bucket of again.values()) {
      const left = openSections(engine, slot, bucket.service, bucket.members, opened);
      if (left.length > 0) failed.add(bucket.service);
      waiting.push(...left);
    }
  }
  for (const p of waiting) {
    if (!joinOpened(engine, opened, p) && !splitOpened(engine, slot, opened, p)) engine.conflicts.blockPatient(engine.problem.patients[p]!.id, 'group-min-size');
  }
}
