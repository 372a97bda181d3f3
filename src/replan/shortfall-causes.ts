/**
 * Why re-planning left an affected patient (admitted, displaced, owed a make-up) short, read off
 * the re-planned week in the terms of what re-planning may change: the sessions of their tracks
 * that are full with members who need their seats, those at times they already spend in session,
 * whether a clinician and a room are free to open another section or an individual session, and
 * whether the time budget cut serving short. One cause per unmet entry, ids only.
 */
import { patientBlocker } from '../engine/index.js';
import type { Cause, Unmet } from '../model/report.js';
import type { PlacedMeeting } from '../rules/types.js';
import { meetingWith } from '../compiled/meetings.js';
import { formatLocalTime, SLOT_MINUTES, SLOTS_PER_DAY } from '../time/week.js';
import { dayShort, listText, plural } from '../diagnose/words.js';
import { changeable, isOpen, type ReplanView } from './view.js';
import { openParts, remoteFor } from './open-starts.js';
import { canMakeWay, full, groupsOf, type Groups } from './seats.js';

const HOURS_RULES: ReadonlySet<string> = new Set(['patient-min-weekly-hours', 'patient-min-days', 'daily-min-minutes', 'daily-min-services']);

function when(m: Pick<PlacedMeeting, 'day' | 'start'>): string {
  return `${dayShort(m.day)} ${formatLocalTime(m.start)}`;
}

function startSlot(m: Pick<PlacedMeeting, 'day' | 'start'>): number {
  return m.day * SLOTS_PER_DAY + m.start / SLOT_MINUTES;
}

/** `12 of 12`, or `11 of 11 in room r-2` when the room seats fewer than the group's maximum. */
function seatsOf(view: ReplanView, m: PlacedMeeting): string {
  const problem = view.engine.problem;
  const room = problem.rooms[m.room];
  const max = problem.services[m.service]!.maxSize;
  return room && room.capacity < max ? `${m.patients.length} of ${room.capacity} in room ${room.id}` : `${m.patients.length} of ${max}`;
}

/** Whether `p` attends another meeting of `m`'s service at an overlapping time (a parallel section). */
function sameService(view: ReplanView, p: number, m: PlacedMeeting): boolean {
  const state = view.engine.state;
  return state.patientMeetings[p]!.some((i) => {
    const o = state.meetings[i]!;
    return o.service === m.service && o.day === m.day && o.start < m.end && m.start < o.end;
  });
}

/** What stands between `p` and each group of service `s` in their tracks, as a clause (null: nothing to say). */
function groupSeats(view: ReplanView, groups: Groups, p: number, s: number): { text: string; meetings: string[] } | null {
  const engine = view.engine;
  const state = engine.state;
  const problem = engine.problem;
  const service = problem.services[s]!;
  const full_: PlacedMeeting[] = [];
  const clash: PlacedMeeting[] = [];
  const parallel: PlacedMeeting[] = [];
  const other = new Map<string, PlacedMeeting[]>();
  const past: PlacedMeeting[] = [];
  const open = openParts(view, s);
  let sectionPossible = false;
  for (const i of groups.of(problem.patients[p]!.tracks, s)) {
    const m = state.meetings[i]!;
    if (m.patients.includes(p)) continue;
    if (!changeable(view, i)) {
      past.push(m);
      continue;
    }
    const from = startSlot(m);
    const code = patientBlocker(state, engine.prepared, meetingWith(m, { patients: [...m.patients, p] }), p, -1, from, from + (m.end - m.start) / SLOT_MINUTES);
    if (code === 'patient-double-booked') {
      if (sameService(view, p, m)) parallel.push(m);
      else clash.push(m);
    }
    else if (code === 'eligibility' || code === 'track-membership') continue;
    else if (code !== null) other.set(code, [...(other.get(code) ?? []), m]);
    else if (!full(view, m)) other.set('seat', [...(other.get('seat') ?? []), m]);
    else if (!m.patients.some((q) => !view.affected.has(q) && canMakeWay(view, groups, q, i))) {
      full_.push(m);
      if (open.staff.has(from) && (service.telehealth !== 'never' || open.rooms.has(from))) sectionPossible = true;
    } else other.set('make-way', [...(other.get('make-way') ?? []), m]);
  }
  const parts: string[] = [];
  const meetings: string[] = [];
  if (full_.length > 0) {
    parts.push(`${listText(full_.map((m) => `${when(m)} (${seatsOf(view, m)})`))} ${full_.length === 1 ? 'is' : 'are'} full and no member can give up the seat without falling short`);
    meetings.push(...full_.map((m) => m.id));
  }
  const seats = (m: PlacedMeeting): string => {
    if (!full(view, m)) return when(m);
    const index = state.meetings.indexOf(m);
    const stuck = !m.patients.some((q) => !view.affected.has(q) && canMakeWay(view, groups, q, index));
    return `${when(m)} (full, ${seatsOf(view, m)}${stuck ? ', no member can give up the seat' : ''})`;
  };
  meetings.push(...clash.filter((m) => full(view, m)).map((m) => m.id));
  if (clash.length > 0) parts.push(`${listText(clash.map(seats))} ${clash.length === 1 ? 'clashes' : 'clash'} with their other sessions, and giving one of those up for it does not help`);
  if (parallel.length > 0) parts.push(`${listText(parallel.map(when))} ${parallel.length === 1 ? 'runs' : 'run'} beside a section they attend`);
  for (const [code, list] of other) {
    const times = listText(list.map(when));
    if (code === 'seat') parts.push(`${times} ${list.length === 1 ? 'has' : 'have'} a seat, but joining breaks a hard rule of the meeting (its room or staff) or does not improve the week`);
    else if (code === 'make-way') parts.push(`${times} ${list.length === 1 ? 'is' : 'are'} full, and the members who could make way did not improve the week`);
    else parts.push(`${times}: rule ${code} keeps them out`);
  }
  if (past.length > 0) parts.push(`${listText(past.map(when))} already happened or ${past.length === 1 ? 'is' : 'are'} pinned`);
  if (parts.length === 0) return null;
  const section = full_.length === 0 ? '' : sectionPossible ? '; a parallel section did not improve the week' : `; no credentialed clinician${service.telehealth === 'never' ? ' and room' : ''} is free to open another section then`;
  return { text: `${service.id}: ${parts.join('; ')}${section}`, meetings: meetings.sort() };
}

/** What stands between `p` and a session of individual service `s`. */
function individualTimes(view: ReplanView, p: number, s: number): Cause {
  const engine = view.engine;
  const state = engine.state;
  const problem = engine.problem;
  const service = problem.services[s]!;
  const patient = problem.patients[p]!;
  const open = openParts(view, s);
  const remote = remoteFor(view, s, p) || service.telehealth === 'only';
  let times = 0;
  let noStaff = 0;
  let noRoom = 0;
  for (let day = Math.max(0, patient.firstDay); day < Math.min(7, patient.endDay); day++) {
    for (let start = 0; start + service.durationMinutes <= 1440; start += problem.granularityMinutes) {
      const from = day * SLOTS_PER_DAY + start / SLOT_MINUTES;
      const to = from + service.durationMinutes / SLOT_MINUTES;
      if (!isOpen(view, day, start) || !patient.available.containsRange(from, to)) continue;
      const base: PlacedMeeting = { id: '', service: s, track: -1, day, start, end: start + service.durationMinutes, room: -1, telehealth: remote, staff: [], patients: [p], pinned: false };
      if (patientBlocker(state, engine.prepared, base, p, -1, from, to) !== null) continue;
      times++;
      if (!open.staff.has(from)) noStaff++;
      else if (!remote && !open.rooms.has(from)) noRoom++;
    }
  }
  const id = patient.id;
  const message =
    times === 0
      ? `Re-planning found no time for ${service.id} for patient ${id}: every time they can come is taken by sessions they need as much, or breaks one of their limits.`
      : `Re-planning found no time for ${service.id} for patient ${id}: at the ${plural(times, 'start')} they can come to, ${noStaff > 0 ? `${noStaff} have no credentialed clinician free (off, in session or at their maximum hours)` : ''}${noStaff > 0 && noRoom > 0 ? ' and ' : ''}${noRoom > 0 ? `${noRoom} no suitable room free` : ''}${noStaff + noRoom < times ? `${noStaff + noRoom > 0 ? '; at the others ' : ''}a hard rule keeps them out` : ''}, and none of the other patients' sessions tried there could move elsewhere to free one.`;
  return { code: times === 0 || noStaff + noRoom < times ? 'no-free-time' : noStaff >= noRoom ? 'no-free-clinician' : 'no-free-room', message };
}

/**
 * The re-planning cause of one unmet entry of affected patient `p` (null when none applies, e.g.
 * a service the patient never needs). `stoppedEarly`: the time or iteration budget ended serving.
 */
export function shortfallCause(view: ReplanView, p: number, entry: Unmet, stoppedEarly: boolean): Cause | null {
  const problem = view.engine.problem;
  const id = problem.patients[p]!.id;
  if (stoppedEarly) {
    return { code: 'replan-budget', message: `The time or iteration budget of re-planning ended before patient ${id} could be served further.` };
  }
  const groups = groupsOf(view);
  const services: number[] = [];
  if (!HOURS_RULES.has(entry.rule)) {
    const s = entry.service === undefined ? undefined : problem.serviceIndex.get(entry.service);
    if (s === undefined) return null;
    if (problem.services[s]!.kind === 'individual') return individualTimes(view, p, s);
    services.push(s);
  } else {
    // Hours and days: any counting group of their tracks would help.
    for (const service of problem.services) {
      if (service.kind === 'group' && service.countsTowardHours && view.engine.prepared.patients[p]!.maxSessions[service.index]! > 0) services.push(service.index);
    }
  }
  const clauses = services.map((s) => groupSeats(view, groups, p, s)).filter((c): c is { text: string; meetings: string[] } => c !== null);
  if (clauses.length === 0) return null;
  const meetings = [...new Set(clauses.flatMap((c) => c.meetings))].sort().slice(0, 12);
  return {
    code: 'no-free-seat',
    message: `Re-planning found no further group session for patient ${id} (${clauses.map((c) => c.text).join('. ')}).`,
    ...(meetings.length > 0 ? { meetings } : {}),
  };
}
