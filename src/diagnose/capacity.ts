/**
 * Capacity analysis per track and day: patient seat-minutes demanded against seat-minutes the
 * rooms offer inside the track's windows, and staff-minutes needed to lead those groups against
 * credentialed staff-minutes available. Demand is what every patient needs of the same rooms at
 * those times, whatever their track (tracks that meet at once in shared rooms compete for them):
 * each patient's group minutes spread evenly over the times they could attend. A warning, never a
 * proof (for one, see `servedBound`).
 */
import type { CompiledProblem, CompiledService } from '../compiled/compile.js';
import type { Bottleneck, CapacityRow } from './types.js';
import { lenientRules, minutesByDay } from './reach.js';
import { enrolled, requiredServices, sessionsByService } from './required.js';
import { dayShort, hoursText } from './words.js';
import { SlotSet } from '../time/slot-set.js';
import { SLOT_MINUTES, SLOTS_PER_DAY, SLOTS_PER_WEEK, WEEKDAYS } from '../time/week.js';

/** Utilisation reported when something is demanded and nothing offered (kept finite for JSON). */
export const SATURATED = 100;

function ratio(demand: number, offer: number): number {
  if (demand <= 0) return 0;
  if (offer <= 0) return SATURATED;
  return Math.min(SATURATED, Math.round((demand / offer) * 1000) / 1000);
}

function trackServices(problem: CompiledProblem, track: number): CompiledService[] {
  const curriculum = problem.tracks[track]!.curriculum.map((e) => e.service);
  const groups = problem.services.filter((s) => s.kind === 'group' && s.trackBound);
  const listed = groups.filter((s) => curriculum.includes(s.index));
  return listed.length > 0 ? listed : groups;
}

/**
 * Group minutes a patient needs this week: its curriculum and `requires` group minima, or the
 * weekly minimum less its required counting individual sessions, whichever is more.
 */
function groupMinutes(problem: CompiledProblem, patient: number): number {
  let group = 0;
  let individual = 0;
  for (const [index, min] of sessionsByService(requiredServices(problem, patient))) {
    const service = problem.services[index]!;
    const minutes = min * service.durationMinutes;
    if (service.kind === 'group') group += minutes;
    else if (service.countsTowardHours) individual += minutes;
  }
  return Math.max(group, Math.round(lenientRules(problem, patient).minWeeklyHours * 60) - individual, 0);
}

/**
 * Seat-minutes demanded per slot of the week that each track's group rooms must host: each
 * enrolled patient's group minutes spread evenly over the slots it could attend (its availability
 * inside its tracks' windows on the days it is enrolled and the clinic open), added to every track
 * whose rooms share one with the patient's first track.
 */
function demandBySlot(problem: CompiledProblem): Float64Array[] {
  // Tracks with the same rooms share one array: a clinic has few room sets and many tracks.
  const keys = problem.tracks.map((_, t) => [...new Set(trackServices(problem, t).flatMap((s) => s.eligibleRooms))].sort((a, b) => a - b).join(','));
  const own = new Map<string, Float64Array>();
  for (const key of keys) if (!own.has(key)) own.set(key, new Float64Array(SLOTS_PER_WEEK));
  problem.patients.forEach((p, patient) => {
    if (p.tracks.length === 0 || !enrolled(problem, patient)) return;
    const inside = new SlotSet();
    for (const t of p.tracks) inside.unionWith(problem.tracks[t]!.windows);
    inside.intersectWith(p.available);
    for (let day = 0; day < 7; day++) {
      if (problem.closedDays[day] || day < p.firstDay || day >= p.endDay) inside.removeRange(day * SLOTS_PER_DAY, (day + 1) * SLOTS_PER_DAY);
    }
    const slots = inside.size();
    if (slots === 0) return;
    const perSlot = groupMinutes(problem, patient) / slots;
    const density = own.get(keys[p.tracks[0]!]!)!;
    inside.words.forEach((word, w) => {
      for (let bits = word; bits !== 0; bits &= bits - 1) density[w * 32 + 31 - Math.clz32(bits & -bits)]! += perSlot;
    });
  });
  const combined = new Map<string, Float64Array>();
  for (const key of own.keys()) {
    const rooms = new Set(key.split(','));
    const sum = new Float64Array(SLOTS_PER_WEEK);
    for (const [other, density] of own) {
      if (key === '' || !other.split(',').some((room) => rooms.has(room))) continue;
      for (let slot = 0; slot < SLOTS_PER_WEEK; slot++) sum[slot]! += density[slot]!;
    }
    combined.set(key, sum);
  }
  return keys.map((key) => combined.get(key)!);
}

/** One row per track and open day on which the track has windows. */
export function capacityRows(problem: CompiledProblem): CapacityRow[] {
  const rows: CapacityRow[] = [];
  const demand = demandBySlot(problem);
  problem.tracks.forEach((track, t) => {
    const services = trackServices(problem, t);
    if (services.length === 0) return;
    const windowByDay = minutesByDay(track.windows);
    const rooms = [...new Set(services.flatMap((s) => s.eligibleRooms))];
    const competing = demand[t]!;
    const maxSize = Math.max(...services.map((s) => s.maxSize));
    const staffPerMeeting = Math.min(...services.map((s) => s.staffNeeded));
    const staffIds = [...new Set(services.flatMap((s) => s.seats.flatMap((seat) => seat.eligibleStaff)))];
    const roomSeats = (room: number): number => Math.min(problem.rooms[room]!.capacity, maxSize);
    const typicalSize = Math.max(1, ...rooms.map(roomSeats));
    for (let day = 0; day < 7; day++) {
      if (problem.closedDays[day] || windowByDay[day] === 0) continue;
      const window = new SlotSet();
      window.addRange(day * SLOTS_PER_DAY, (day + 1) * SLOTS_PER_DAY);
      window.intersectWith(track.windows);
      let demanded = 0;
      for (let slot = day * SLOTS_PER_DAY; slot < (day + 1) * SLOTS_PER_DAY; slot++) {
        if (window.has(slot)) demanded += competing[slot]!;
      }
      let seatMinutesOffered = 0;
      for (const room of rooms) {
        const open = window.clone();
        open.intersectWith(problem.rooms[room]!.available);
        seatMinutesOffered += open.size() * SLOT_MINUTES * roomSeats(room);
      }
      let staffMinutesAvailable = 0;
      for (const member of staffIds) {
        const open = window.clone();
        open.intersectWith(problem.staff[member]!.available);
        staffMinutesAvailable += Math.min(open.size() * SLOT_MINUTES, problem.staff[member]!.maxDailyMinutes);
      }
      const seatMinutesDemanded = Math.round(demanded);
      const staffMinutesNeeded = Math.round((seatMinutesDemanded / typicalSize) * staffPerMeeting);
      const seats = ratio(seatMinutesDemanded, seatMinutesOffered);
      const staff = ratio(staffMinutesNeeded, staffMinutesAvailable);
      rows.push({
        track: track.id,
        day: WEEKDAYS[day]!,
        date: problem.dates[day]!,
        seatMinutesDemanded,
        seatMinutesOffered,
        staffMinutesNeeded,
        staffMinutesAvailable,
        utilisation: Math.max(seats, staff),
        binding: staff > seats ? 'staff' : 'rooms',
      });
    }
  });
  return rows;
}

/** Rows at `threshold` utilisation or more, most loaded first, with a sentence each. */
export function bottlenecks(rows: readonly CapacityRow[], threshold = 0.9): Bottleneck[] {
  return rows
    .filter((row) => row.utilisation >= threshold)
    .sort((a, b) => b.utilisation - a.utilisation || a.track.localeCompare(b.track) || WEEKDAYS.indexOf(a.day as never) - WEEKDAYS.indexOf(b.day as never))
    .map((row) => {
      const day = dayShort(WEEKDAYS.indexOf(row.day as never));
      const percent = row.utilisation >= SATURATED ? 'none available' : `${Math.round(row.utilisation * 100)}%`;
      const message =
        row.binding === 'rooms'
          ? `Track ${row.track} ${day} ${row.date}: patients need about ${hoursText(row.seatMinutesDemanded)} seat-hours of groups, rooms offer ${hoursText(row.seatMinutesOffered)} (${percent}).`
          : `Track ${row.track} ${day} ${row.date}: groups need about ${hoursText(row.staffMinutesNeeded)} staff-hours, credentialed staff offer ${hoursText(row.staffMinutesAvailable)} (${percent}).`;
      return { track: row.track, day: row.day, resource: row.binding, utilisation: row.utilisation, message };
    });
}
