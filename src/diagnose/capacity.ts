/**
 * Capacity analysis per track and day: patient seat-minutes demanded against seat-minutes the
 * rooms offer inside the track's windows, and staff-minutes needed to lead those groups against
 * credentialed staff-minutes available. A warning, never a proof: demand is an estimate (each
 * patient's weekly minimum spread over the days they can come).
 */
import type { CompiledProblem, CompiledService } from '../compiled/compile.js';
import type { Bottleneck, CapacityRow } from './types.js';
import { lenientRules, minutesByDay } from './reach.js';
import { enrolled } from './required.js';
import { dayShort, hoursText } from './words.js';
import { SlotSet } from '../time/slot-set.js';
import { SLOT_MINUTES, SLOTS_PER_DAY, WEEKDAYS } from '../time/week.js';

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

/** One row per track and open day on which the track has windows. */
export function capacityRows(problem: CompiledProblem): CapacityRow[] {
  const rows: CapacityRow[] = [];
  problem.tracks.forEach((track, t) => {
    const services = trackServices(problem, t);
    if (services.length === 0) return;
    const windowByDay = minutesByDay(track.windows);
    const rooms = [...new Set(services.flatMap((s) => s.eligibleRooms))];
    const maxSize = Math.max(...services.map((s) => s.maxSize));
    const staffPerMeeting = Math.min(...services.map((s) => s.staffNeeded));
    const staffIds = [...new Set(services.flatMap((s) => s.seats.flatMap((seat) => seat.eligibleStaff)))];
    const roomSeats = (room: number): number => Math.min(problem.rooms[room]!.capacity, maxSize);
    const typicalSize = Math.max(1, ...rooms.map(roomSeats));
    const demandByDay = [0, 0, 0, 0, 0, 0, 0];
    problem.patients.forEach((p, patient) => {
      if (p.tracks[0] !== t || !enrolled(problem, patient)) return;
      const inside = p.available.clone();
      inside.intersectWith(track.windows);
      const byDay = minutesByDay(inside).map((m, day) => (problem.closedDays[day] || day < p.firstDay || day >= p.endDay ? 0 : m));
      const total = byDay.reduce((a, b) => a + b, 0);
      if (total === 0) return;
      const need = Math.round(lenientRules(problem, patient).minWeeklyHours * 60);
      byDay.forEach((m, day) => (demandByDay[day]! += (need * m) / total));
    });
    for (let day = 0; day < 7; day++) {
      if (problem.closedDays[day] || windowByDay[day] === 0) continue;
      const window = new SlotSet();
      window.addRange(day * SLOTS_PER_DAY, (day + 1) * SLOTS_PER_DAY);
      window.intersectWith(track.windows);
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
      const seatMinutesDemanded = Math.round(demandByDay[day]!);
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
