/**
 * The last resort for an individual session (therapy, medication, family) that finds no free
 * clinician or room at any time the patient can come: another patient's future individual
 * session that holds one then moves. It keeps its time with another clinician or room when one is
 * free, else goes to the nearest time its patient can come, and keeps its id (the same
 * appointment, moved). Tried only where that session has somewhere to go, and kept only when the
 * score gets better without that patient getting shorter of care.
 */
import { equip, tryAdd, patientBlocker } from '../engine/index.js';
import type { PlacedMeeting } from '../rules/types.js';
import type { SlotSet } from '../time/slot-set.js';
import { SLOT_MINUTES, SLOTS_PER_DAY, SLOTS_PER_WEEK } from '../time/week.js';
import { attempt, changeable, isOpen, shortfallOf, type Driver } from './driver.js';
import { openParts, openStarts, remoteFor } from './open-starts.js';

/** How many displacements are tried for one session, at most. */
const DISPLACEMENTS_TRIED = 120;

/**
 * Where the individual session `held` (about to make way) could go: its own time first (another
 * clinician or room), then the starts its patient can come to that `open` allows, nearest first.
 */
function placesFor(driver: Driver, index: number, open: SlotSet): number[] {
  const engine = driver.engine;
  const state = engine.state;
  const held = state.meetings[index]!;
  const q = held.patients[0]!;
  const patient = engine.problem.patients[q]!;
  const length = (held.end - held.start) / SLOT_MINUTES;
  const places: number[] = [];
  for (let slot = 0; slot < SLOTS_PER_WEEK; slot++) {
    if (!open.has(slot)) continue;
    const day = Math.floor(slot / SLOTS_PER_DAY);
    const start = (slot - day * SLOTS_PER_DAY) * SLOT_MINUTES;
    if (start % engine.problem.granularityMinutes !== 0 || !isOpen(driver, day, start) || !patient.available.containsRange(slot, slot + length)) continue;
    const moved: PlacedMeeting = { ...held, day, start, end: start + length * SLOT_MINUTES };
    if (patientBlocker(state, engine.prepared, moved, q, index, slot, slot + length) === null) places.push(slot);
  }
  const from = held.day * SLOTS_PER_DAY + held.start / SLOT_MINUTES;
  return places.sort((a, b) => Math.abs(a - from) - Math.abs(b - from) || a - b);
}

/**
 * One session of individual service `s` for `p` at a time they can come, made possible by moving
 * another patient's changeable individual session that holds a clinician or a room the service
 * could use then (one that has somewhere else to go). Sessions in week order, `p` at the times
 * overlapping them nearest their start first; at most {@link DISPLACEMENTS_TRIED} tries.
 */
export function displaceIndividual(driver: Driver, p: number, s: number): boolean {
  const engine = driver.engine;
  const problem = engine.problem;
  const state = engine.state;
  const service = problem.services[s]!;
  const patient = problem.patients[p]!;
  const duration = service.durationMinutes;
  const grid = problem.granularityMinutes;
  // Individual sessions of others holding a clinician or a room this service could use.
  const staffOk = new Set(service.seats.flatMap((seat) => seat.eligibleStaff));
  const held = new Set<number>();
  for (const member of staffOk) for (const i of state.staffMeetings[member]!) held.add(i);
  for (const room of service.eligibleRooms) for (const i of state.roomMeetings[room]!) held.add(i);
  const candidates = [...held].filter((i) => {
    const m = state.meetings[i]!;
    return problem.services[m.service]!.kind === 'individual' && !m.patients.includes(p) && m.day >= patient.firstDay && m.day < patient.endDay && changeable(driver, i);
  });
  candidates.sort((a, b) => state.meetings[a]!.day - state.meetings[b]!.day || state.meetings[a]!.start - state.meetings[b]!.start || a - b);
  const open = new Map<number, SlotSet>();
  const openFor = (m: PlacedMeeting): SlotSet => {
    const remote = remoteFor(driver, m.service, m.patients[0]!);
    const key = m.service * 2 + (remote ? 1 : 0);
    let set = open.get(key);
    if (!set) open.set(key, (set = openStarts(driver, m.service, remote)));
    return set;
  };
  const fits = new Map<number, boolean>();
  const fitsAt = (day: number, start: number): boolean => {
    const key = day * 1440 + start;
    let ok = fits.get(key);
    if (ok === undefined) {
      const from = day * SLOTS_PER_DAY + start / SLOT_MINUTES;
      const to = from + duration / SLOT_MINUTES;
      const base = baseOf(s, service.telehealth === 'only', p, day, start, duration);
      ok = isOpen(driver, day, start) && patient.available.containsRange(from, to) && patientBlocker(state, engine.prepared, base, p, -1, from, to) === null;
      fits.set(key, ok);
    }
    return ok;
  };
  // Where a clinician, and a room, are free already: the session to move must free the other.
  const free = openParts(driver, s);
  const remote = remoteFor(driver, s, p) || service.telehealth === 'only';
  let tries = 0;
  for (const index of candidates) {
    const other = state.meetings[index]!;
    const freesStaff = other.staff.some((member) => staffOk.has(member));
    const freesRoom = service.eligibleRooms.includes(other.room);
    // Times for `p` overlapping the session, nearest its start first.
    const starts: number[] = [];
    for (let start = Math.ceil((other.start - duration + 1) / grid) * grid; start < other.end; start += grid) {
      if (start < 0 || start + duration > 1440 || !fitsAt(other.day, start)) continue;
      const slot = other.day * SLOTS_PER_DAY + start / SLOT_MINUTES;
      if ((freesStaff || free.staff.has(slot)) && (remote || freesRoom || free.rooms.has(slot))) starts.push(start);
    }
    if (starts.length === 0) continue;
    const places = placesFor(driver, index, openFor(other));
    if (places.length === 0) continue;
    starts.sort((a, b) => Math.abs(a - other.start) - Math.abs(b - other.start) || a - b);
    const q = other.patients[0]!;
    const short = shortfallOf(driver, q);
    for (const start of starts) {
      if (tries++ >= DISPLACEMENTS_TRIED) return false;
      const ok = attempt(driver, () => {
        state.remove(index);
        const mine = equip(engine, baseOf(s, service.telehealth === 'only', p, other.day, start, duration), -1, false, false);
        if (mine === null || tryAdd(engine, mine) < 0) return false;
        return rehouse(driver, other, places) && shortfallOf(driver, q) <= short;
      });
      if (ok) return true;
    }
  }
  return false;
}

function baseOf(s: number, telehealth: boolean, p: number, day: number, start: number, duration: number): PlacedMeeting {
  return { id: '', service: s, track: -1, day, start, end: start + duration, room: -1, telehealth, staff: [], patients: [p], pinned: false };
}

/** Puts a removed individual session back, keeping its id: at its time with another clinician or room, else at the first of `places` (slots) that works. */
function rehouse(driver: Driver, held: PlacedMeeting, places: readonly number[]): boolean {
  const engine = driver.engine;
  const again = equip(engine, { ...held, staff: [], room: -1 }, -1, false, false);
  if (again !== null && tryAdd(engine, again) >= 0) return true;
  for (const slot of places) {
    const day = Math.floor(slot / SLOTS_PER_DAY);
    const start = (slot - day * SLOTS_PER_DAY) * SLOT_MINUTES;
    const moved = equip(engine, { ...held, day, start, end: start + held.end - held.start, staff: [], room: -1 }, -1, false, false);
    if (moved !== null && tryAdd(engine, moved) >= 0) return true;
  }
  return false;
}
