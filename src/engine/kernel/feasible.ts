/**
 * Fast, dedicated checks of every hard rule for one meeting as it would be after a change,
 * against the rest of the timetable. They return the code of the first hard rule the change
 * would break (for conflict statistics), or `null` when it breaks none.
 *
 * These checks are conservative (stricter than or equal to the catalogue): after applying, the
 * solver still checks the catalogue's own hard total and undoes a change that raised it, so the
 * catalogue remains the single source of truth.
 */
import { onAgenda } from '../../rules/template-agenda.js';
import type { PlacedMeeting } from '../../rules/types.js';
import { SLOT_MINUTES, SLOTS_PER_DAY } from '../../time/week.js';
import type { SolverState } from './state.js';
import type { Prepared } from './prepared.js';
import { meetingMinutes } from '../../compiled/compile.js';

/** Codes returned by the checks: rule codes of the catalogue. */
export type Blocker = string;

/** Whether meeting `a` overlaps `[start, end)` on `day`. */
export function overlaps(a: PlacedMeeting, day: number, start: number, end: number): boolean {
  return a.day === day && a.start < end && start < a.end;
}

/** Whether the meeting's fields, on their own, keep the meeting-level hard rules (size minimum aside). */
export function meetingShapeBlocker(state: SolverState, m: PlacedMeeting): Blocker | null {
  const problem = state.problem;
  const service = problem.services[m.service]!;
  if (m.day < 0 || m.day > 6 || m.end > 1440 || m.start < 0) return 'meeting-outside-week';
  if (problem.closedDays[m.day]) return 'closed-date';
  if (m.start % problem.granularityMinutes !== 0) return 'start-grid';
  if (m.end - m.start !== service.durationMinutes) return 'meeting-duration';
  const from = m.day * SLOTS_PER_DAY + m.start / SLOT_MINUTES;
  const to = m.day * SLOTS_PER_DAY + m.end / SLOT_MINUTES;
  if (service.trackBound) {
    const track = problem.tracks[m.track];
    if (!track || !track.windows.containsRange(from, to)) return 'track-window';
  }
  // A templated track's groups hold only the template's (service, day, start): every move that
  // changes a group's service or time, or opens one, passes here.
  if (!onAgenda(problem, m)) return 'template-agenda';
  if (service.telehealth === 'never' && m.telehealth) return 'telehealth-policy';
  if (service.telehealth === 'only' && !m.telehealth) return 'telehealth-policy';
  if (m.telehealth) {
    if (m.room >= 0) return 'telehealth-policy';
  } else {
    const room = problem.rooms[m.room];
    if (!room) return 'room-features';
    if (!service.eligibleRooms.includes(m.room)) return 'room-features';
    if (!room.available.containsRange(from, to)) return 'room-availability';
    if (m.patients.length > room.capacity) return 'room-capacity';
  }
  if (service.kind === 'individual' && m.patients.length !== 1) return 'individual-one-patient';
  if (m.patients.length > service.maxSize) return 'group-max-size';
  return null;
}

/**
 * The first hard rule that meeting `m` would break if it replaced the meeting at `replacing`
 * (-1 for a new meeting). `checkMinSize` false leaves the group minimum to the end of a compound move.
 */
export function meetingBlocker(
  state: SolverState,
  prepared: Prepared,
  m: PlacedMeeting,
  replacing: number,
  checkMinSize: boolean,
): Blocker | null {
  const shape = meetingShapeBlocker(state, m);
  if (shape) return shape;
  const problem = state.problem;
  const service = problem.services[m.service]!;
  if (checkMinSize && service.kind === 'group' && m.patients.length < service.minSize) return 'group-min-size';
  const from = m.day * SLOTS_PER_DAY + m.start / SLOT_MINUTES;
  const to = m.day * SLOTS_PER_DAY + m.end / SLOT_MINUTES;
  const minutes = meetingMinutes(problem, m);

  // Staff: seats, availability, double booking, daily and weekly maxima.
  if (m.staff.length !== service.staffNeeded) return 'staff-seats';
  const positions = prepared.seatOfPosition[m.service]!;
  for (let i = 0; i < m.staff.length; i++) {
    const s = m.staff[i]!;
    for (let j = 0; j < i; j++) if (m.staff[j] === s) return 'staff-seats';
    if (!service.seats[positions[i]!]!.eligibleStaff.includes(s)) return 'staff-seats';
    const member = problem.staff[s]!;
    if (!member.available.containsRange(from, to)) return 'staff-availability';
    let day = minutes;
    let week = minutes;
    for (const other of state.staffMeetings[s]!) {
      if (other === replacing) continue;
      const o = state.meetings[other]!;
      if (overlaps(o, m.day, m.start, m.end)) return 'staff-double-booked';
      const held = meetingMinutes(problem, o);
      week += held;
      if (o.day === m.day) day += held;
    }
    if (day > member.maxDailyMinutes) return 'staff-daily-max';
    if (week > member.maxWeeklyMinutes) return 'staff-weekly-max';
  }
  if (service.primaryOnly) {
    for (const p of m.patients) {
      const primary = problem.patients[p]!.primaryStaff;
      if (primary < 0 || !m.staff.includes(primary)) return 'primary-staff-only';
    }
  }
  if (m.room >= 0) {
    for (const other of state.roomMeetings[m.room]!) {
      if (other !== replacing && overlaps(state.meetings[other]!, m.day, m.start, m.end)) return 'room-double-booked';
    }
  }
  const keys = prepared.homogeneity[m.service];
  for (let i = 0; i < m.patients.length; i++) {
    const p = m.patients[i]!;
    const blocker = patientBlocker(state, prepared, m, p, replacing, from, to);
    if (blocker) return blocker;
    for (let j = 0; j < i; j++) {
      const q = m.patients[j]!;
      if (q === p) return 'patient-double-booked';
      if (problem.patients[p]!.avoid.has(q)) return 'avoid-pair';
      if (keys && keys[p] !== keys[q]) return 'homogeneity';
    }
  }
  return null;
}

/** The first hard rule patient `p` would break by attending `m` (replacing the meeting at `replacing`). */
export function patientBlocker(
  state: SolverState,
  prepared: Prepared,
  m: PlacedMeeting,
  p: number,
  replacing: number,
  from: number,
  to: number,
): Blocker | null {
  const problem = state.problem;
  const service = problem.services[m.service]!;
  const patient = problem.patients[p]!;
  const limits = prepared.patients[p]!;
  if (m.day < patient.firstDay || m.day >= patient.endDay) return 'admission-dates';
  for (const window of limits.cadenceWindows) {
    if (window.service === m.service && (m.day < window.firstDay || m.day > window.lastDay)) return 'cadence-window';
  }
  if (!patient.available.containsRange(from, to)) return 'patient-availability';
  if (m.track >= 0 && !patient.tracks.includes(m.track)) return 'track-membership';
  for (const tag of service.requireTags) if (!limits.tags.has(tag)) return 'eligibility';
  for (const tag of service.excludeTags) if (limits.tags.has(tag)) return 'eligibility';
  if (m.telehealth && !patient.telehealth) return 'telehealth-policy';
  if (service.withFamily && !patient.family.containsRange(from, to)) return 'family-availability';
  const counts = service.countsTowardHours;
  let week = counts ? meetingMinutes(problem, m) : 0;
  let day = week;
  let sessions = 1;
  let dayMask = 1 << m.day;
  for (const other of state.patientMeetings[p]!) {
    if (other === replacing) continue;
    const o = state.meetings[other]!;
    if (overlaps(o, m.day, m.start, m.end)) return 'patient-double-booked';
    if (o.day >= 0) dayMask |= 1 << o.day;
    if (o.service === m.service) sessions += 1;
    if (problem.services[o.service]!.countsTowardHours) {
      const held = meetingMinutes(problem, o);
      week += held;
      if (o.day === m.day) day += held;
    }
  }
  if (week > limits.maxWeeklyMinutes) return 'patient-max-weekly-hours';
  if (day > limits.maxDailyMinutes) return 'patient-max-daily-hours';
  if (bitCount(dayMask) > limits.maxDays) return 'patient-max-days';
  if (sessions > limits.maxSessions[m.service]!) return 'curriculum-max';
  return null;
}

function bitCount(mask: number): number {
  let n = 0;
  for (let m = mask; m !== 0; m &= m - 1) n++;
  return n;
}
