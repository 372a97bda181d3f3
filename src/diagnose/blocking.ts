/**
 * Re-analysis of a finished timetable: for one patient and a set of services, every placement
 * that could have given them more care (joining an existing meeting, or opening a new one at a
 * time they are free) and the hard rule that blocks it, with the rooms, staff, other patients and
 * windows involved. Counts are of candidate placements, so they are comparable across rules.
 */
import type { CompiledProblem } from '../compiled/compile.js';
import type { PlacedMeeting, RuleContext } from '../rules/types.js';
import { SlotSet } from '../time/slot-set.js';
import { SLOT_MINUTES, SLOTS_PER_DAY } from '../time/week.js';
import { prepare, type Prepared } from '../compiled/prepared.js';
import { Probe } from '../compiled/probe.js';
import { staffWork } from '../compiled/staff-work.js';
import { staffBreaks } from '../rules/staff-breaks.js';
import { staffContinuousWork } from '../rules/staff-continuous-work.js';
import { staffNotesTime } from '../rules/staff-notes-time.js';
import { attendableDays, eligible, lenientRules, sessionCap } from './reach.js';

/** What one rule blocked for one patient. */
export interface BlockTally {
  code: string;
  count: number;
  rooms: Map<string, number>;
  staff: Map<string, number>;
  patients: Map<string, number>;
  meetings: Set<string>;
  tracks: Set<string>;
  services: Set<string>;
  /** The slots of the blocked placements. */
  slots: SlotSet;
}

/**
 * Placements (or meetings scanned) between two polls of `stop`. Every one: a poll is a clock
 * read, a placement can be a pass over every patient (5,000-patient week: 8 placements ran
 * 540 ms between two progress reports).
 */
const POLL_EVERY = 1;

function overlaps(m: PlacedMeeting, day: number, start: number, end: number): boolean {
  return m.day === day && m.start < end && start < m.end;
}

function bump(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

class Tallies {
  readonly byCode: Map<string, BlockTally> = new Map();

  add(code: string, day: number, start: number, end: number, service: string, extra: { rooms?: string[]; staff?: string[]; patients?: string[]; meeting?: string; track?: string } = {}): void {
    let tally = this.byCode.get(code);
    if (!tally) {
      tally = { code, count: 0, rooms: new Map(), staff: new Map(), patients: new Map(), meetings: new Set(), tracks: new Set(), services: new Set(), slots: new SlotSet() };
      this.byCode.set(code, tally);
    }
    tally.count += 1;
    for (const room of extra.rooms ?? []) bump(tally.rooms, room);
    for (const member of extra.staff ?? []) bump(tally.staff, member);
    for (const patient of extra.patients ?? []) bump(tally.patients, patient);
    if (extra.meeting !== undefined) tally.meetings.add(extra.meeting);
    if (extra.track !== undefined) tally.tracks.add(extra.track);
    tally.services.add(service);
    tally.slots.addRange(day * SLOTS_PER_DAY + start / SLOT_MINUTES, day * SLOTS_PER_DAY + end / SLOT_MINUTES);
  }
}

function homogeneityKey(problem: CompiledProblem, service: number, patient: number): string {
  const tags = problem.patients[patient]!.tags;
  return problem.services[service]!.homogeneousBy.map((prefix) => tags.filter((t) => t.startsWith(prefix)).sort().join(',')).join(';');
}

/** Weekly, daily and day-count state of one patient in the timetable. */
function patientLoad(ctx: RuleContext, patient: number): { week: number; byDay: number[]; days: Set<number>; sessions: Map<number, number> } {
  const byDay = [0, 0, 0, 0, 0, 0, 0];
  const days = new Set<number>();
  const sessions = new Map<number, number>();
  let week = 0;
  for (const index of ctx.patientMeetings[patient] ?? []) {
    const m = ctx.meetings[index];
    if (!m) continue;
    sessions.set(m.service, (sessions.get(m.service) ?? 0) + 1);
    if (m.day < 0) continue;
    days.add(m.day);
    if (ctx.problem.services[m.service]!.countsTowardHours) {
      week += m.end - m.start;
      byDay[m.day]! += m.end - m.start;
    }
  }
  return { week, byDay, days, sessions };
}

/**
 * Why `patient` could not get more of `services` in the timetable of `ctx`: every blocked
 * placement, tallied by the first hard rule it meets (patient rules first, then the meeting's).
 * Times the patient already spends in session are skipped unless `countOwnSessions` (for a
 * specific service, being busy with other sessions is a cause; for hours it is not).
 *
 * With `stop`, polled every few placements (one placement costs up to a pass over the clinic's
 * patients), returns `undefined` as soon as it says so: the analysis was cut, not finished.
 */
export function blockedPlacements(
  ctx: RuleContext,
  patient: number,
  services: readonly number[],
  options: { countOwnSessions?: boolean; stop?: () => boolean } = {},
): Map<string, BlockTally> | undefined {
  const stop = options.stop;
  let polls = 0;
  const open = attendableDays(ctx.problem, patient);
  const look: Look = {
    ctx,
    patient,
    tallies: new Tallies(),
    open,
    patientRule: patientRuleOf(ctx, patient, open, options.countOwnSessions === true),
    cut: () => stop !== undefined && ++polls % POLL_EVERY === 0 && stop(),
  };
  for (const service of services) {
    const joinable = joinBlockers(look, service);
    if (joinable === undefined || !openBlockers(look, service, joinable)) return undefined;
  }
  return look.tallies.byCode;
}

/** A patient-side reason a placement is blocked, with what it names. */
type PatientBlock = { code: string; extra?: { patients?: string[]; meeting?: string } };

/** What the two halves of the analysis share: the patient, the tallies, the patient's own rules and the poll. */
interface Look {
  ctx: RuleContext;
  patient: number;
  tallies: Tallies;
  /** The days the patient may attend (admission, discharge, closed dates). */
  open: SlotSet;
  patientRule: (service: number, day: number, start: number, end: number) => PatientBlock | null;
  /** True when the caller's stop says the analysis is cut (polled every few placements). */
  cut: () => boolean;
}

/** The first of the patient's own rules a session of `service` on `day` from `start` to `end` would break, in the patient's timetable as it is. */
function patientRuleOf(ctx: RuleContext, patient: number, open: SlotSet, countOwnSessions: boolean): Look['patientRule'] {
  const problem = ctx.problem;
  const p = problem.patients[patient]!;
  const rules = lenientRules(problem, patient);
  const load = patientLoad(ctx, patient);
  const own = (ctx.patientMeetings[patient] ?? []).map((i) => ctx.meetings[i]).filter((m): m is PlacedMeeting => m !== undefined);
  return (service, day, start, end) => {
    const s = problem.services[service]!;
    const base = day * SLOTS_PER_DAY;
    if (!open.containsRange(base, base + 1)) return { code: problem.closedDays[day] ? 'closed-date' : 'admission-dates' };
    if (!p.available.containsRange(base + start / SLOT_MINUTES, base + end / SLOT_MINUTES)) return { code: 'patient-availability' };
    if (!eligible(problem, patient, service)) return { code: 'eligibility' };
    if (s.withFamily && !p.family.containsRange(base + start / SLOT_MINUTES, base + end / SLOT_MINUTES)) return { code: 'family-availability' };
    const clash = own.find((m) => overlaps(m, day, start, end));
    if (clash) return countOwnSessions ? { code: 'patient-double-booked', extra: { meeting: clash.id } } : { code: 'own-session' };
    const minutes = s.countsTowardHours ? end - start : 0;
    if (load.week + minutes > rules.maxWeeklyHours * 60) return { code: 'patient-max-weekly-hours' };
    if (rules.maxDailyHours !== undefined && load.byDay[day]! + minutes > rules.maxDailyHours * 60) return { code: 'patient-max-daily-hours' };
    if (!load.days.has(day) && load.days.size >= rules.maxDays) return { code: 'patient-max-days' };
    if ((load.sessions.get(service) ?? 0) >= sessionCap(problem, patient, service)) return { code: 'curriculum-max' };
    return null;
  };
}

/**
 * Joining a meeting of `service` already in the timetable: tallies why each is closed to the
 * patient and returns the times of those open to them (undefined: the analysis was cut).
 */
function joinBlockers(look: Look, service: number): SlotSet | undefined {
  const { ctx, patient, tallies } = look;
  const problem = ctx.problem;
  const p = problem.patients[patient]!;
  const s = problem.services[service]!;
  const joinable = new SlotSet();
  let stopped = false;
  ctx.meetings.forEach((m) => {
    if (stopped || (stopped = look.cut())) return;
    if (!m || m.service !== service || m.day < 0 || m.patients.includes(patient) || s.kind === 'individual') return;
    const trackId = m.track >= 0 ? problem.tracks[m.track]!.id : undefined;
    const extra = { meeting: m.id, ...(trackId !== undefined ? { track: trackId } : {}) };
    if (m.track >= 0 && !p.tracks.includes(m.track)) {
      tallies.add('track-membership', m.day, m.start, m.end, s.id, extra);
      return;
    }
    const own = look.patientRule(service, m.day, m.start, m.end);
    if (own?.code === 'own-session') return;
    if (own) {
      tallies.add(own.code, m.day, m.start, m.end, s.id, { ...extra, ...own.extra });
      return;
    }
    const avoided = m.patients.filter((q) => p.avoid.has(q)).map((q) => problem.patients[q]!.id);
    if (avoided.length > 0) return tallies.add('avoid-pair', m.day, m.start, m.end, s.id, { ...extra, patients: avoided });
    if (m.telehealth && !p.telehealth) return tallies.add('telehealth-policy', m.day, m.start, m.end, s.id, extra);
    const key = homogeneityKey(problem, service, patient);
    const others = m.patients.filter((q) => homogeneityKey(problem, service, q) !== key).map((q) => problem.patients[q]!.id);
    if (others.length > 0) return tallies.add('homogeneity', m.day, m.start, m.end, s.id, { ...extra, patients: others });
    if (m.patients.length >= s.maxSize) return tallies.add('group-max-size', m.day, m.start, m.end, s.id, extra);
    const room = m.room >= 0 ? problem.rooms[m.room]! : undefined;
    if (room && m.patients.length >= room.capacity) return tallies.add('room-capacity', m.day, m.start, m.end, s.id, { ...extra, rooms: [room.id] });
    joinable.addRange(m.day * SLOTS_PER_DAY + m.start / SLOT_MINUTES, m.day * SLOTS_PER_DAY + m.end / SLOT_MINUTES);
  });
  return stopped ? undefined : joinable;
}

/**
 * Opening a new meeting of `service` at a time the patient could come and no open meeting
 * covers (`joinable`): tallies the first rule each start breaks. False: the analysis was cut.
 */
function openBlockers(look: Look, service: number, joinable: SlotSet): boolean {
  const { ctx, patient, tallies, open } = look;
  const problem = ctx.problem;
  const p = problem.patients[patient]!;
  const s = problem.services[service]!;
  const duration = s.durationMinutes;
  const tracks = s.trackBound ? p.tracks : [-1];
  const step = problem.granularityMinutes;
  for (const track of tracks) {
    const window = track >= 0 ? problem.tracks[track]!.windows : SlotSet.full();
    const trackId = track >= 0 ? problem.tracks[track]!.id : undefined;
    for (let day = 0; day < 7; day++) {
      for (let start = 0; start + duration <= 1440; start += step) {
        const from = day * SLOTS_PER_DAY + start / SLOT_MINUTES;
        const to = from + duration / SLOT_MINUTES;
        if (!window.containsRange(from, to) || !p.available.containsRange(from, to) || !open.containsRange(from, from + 1)) continue;
        if (joinable.intersectsRange(from, to)) continue;
        if (look.cut()) return false;
        const end = start + duration;
        const extra = trackId !== undefined ? { track: trackId } : {};
        const own = look.patientRule(service, day, start, end);
        if (own?.code === 'own-session') continue;
        if (own) {
          tallies.add(own.code, day, start, end, s.id, { ...extra, ...own.extra });
          continue;
        }
        const blocked = newMeetingBlocker(ctx, patient, service, track, day, start, end);
        tallies.add(blocked.code, day, start, end, s.id, { ...extra, ...blocked.extra });
      }
    }
  }
  return true;
}

type Blocked = { code: string; extra?: { rooms?: string[]; staff?: string[]; patients?: string[] } };

/**
 * Per timetable, what blocks a new meeting's staff and room at a time (null: nothing), by service,
 * track, time and whether the patient joins remotely: it does not depend on who the patient is,
 * and at 1,000 patients the short patients of one track asked it of the same openings hundreds
 * of times (a third of explain's cause analysis).
 */
const resourceVerdicts = new WeakMap<RuleContext, Map<string, Blocked | null>>();

/** Why no new meeting of `service` could be opened for `patient` at this time (a free placement is reported as `'unused-opening'`). */
function newMeetingBlocker(ctx: RuleContext, patient: number, service: number, track: number, day: number, start: number, end: number): Blocked {
  const problem = ctx.problem;
  const s = problem.services[service]!;
  const p = problem.patients[patient]!;
  const remote = s.telehealth === 'only' || (s.telehealth === 'allowed' && p.telehealth);
  let verdicts = resourceVerdicts.get(ctx);
  if (!verdicts) resourceVerdicts.set(ctx, (verdicts = new Map()));
  const key = `${service}/${track}/${day}/${start}/${end}/${remote}`;
  let verdict = verdicts.get(key);
  if (verdict === undefined) verdicts.set(key, (verdict = resourceBlocker(ctx, service, track, day, start, end, remote)));
  if (verdict) return verdict;
  const from = day * SLOTS_PER_DAY + start / SLOT_MINUTES;
  const to = day * SLOTS_PER_DAY + end / SLOT_MINUTES;
  const busy = (list: ReadonlyArray<number> | undefined): PlacedMeeting | undefined =>
    (list ?? []).map((i) => ctx.meetings[i]).find((m): m is PlacedMeeting => m !== undefined && overlaps(m, day, start, end));
  if (s.kind === 'group' && s.minSize > 1) {
    const peers: string[] = [];
    problem.patients.forEach((q, other) => {
      if (other === patient || p.avoid.has(other) || (track >= 0 && !q.tracks.includes(track))) return;
      if (day < q.firstDay || day >= q.endDay || !q.available.containsRange(from, to) || !eligible(problem, other, service)) return;
      if (homogeneityKey(problem, service, other) !== homogeneityKey(problem, service, patient)) return;
      if (busy(ctx.patientMeetings[other])) return;
      peers.push(q.id);
    });
    if (peers.length + 1 < s.minSize) return { code: 'group-min-size', extra: { patients: peers } };
  }
  return { code: 'unused-opening' };
}

/** What blocks the staff (each seat needs someone credentialed, working, free, under their maxima) or the room of a new meeting; null when neither. */
function resourceBlocker(ctx: RuleContext, service: number, track: number, day: number, start: number, end: number, remote: boolean): Blocked | null {
  const problem = ctx.problem;
  const s = problem.services[service]!;
  const from = day * SLOTS_PER_DAY + start / SLOT_MINUTES;
  const to = day * SLOTS_PER_DAY + end / SLOT_MINUTES;
  const busy = (list: ReadonlyArray<number> | undefined): PlacedMeeting | undefined =>
    (list ?? []).map((i) => ctx.meetings[i]).find((m): m is PlacedMeeting => m !== undefined && overlaps(m, day, start, end));
  // Staff: each seat needs someone credentialed, working, free and under their maxima.
  const off: string[] = [];
  const taken: string[] = [];
  const maxed: string[] = [];
  // Free but for a staff work rule (a break, a longest run, notes time): the first such rule's code.
  const worn: string[] = [];
  let wornBy = '';
  const workRule = staffWorkRule(ctx, service, track, day, start, end);
  const free = new Set<number>();
  for (const member of new Set(s.seats.flatMap((seat) => seat.eligibleStaff))) {
    const staff = problem.staff[member]!;
    if (!staff.available.containsRange(from, to)) off.push(staff.id);
    else if (busy(ctx.staffMeetings[member])) taken.push(staff.id);
    else {
      let week = end - start;
      let today = end - start;
      for (const i of ctx.staffMeetings[member] ?? []) {
        const m = ctx.meetings[i];
        if (!m) continue;
        week += m.end - m.start;
        if (m.day === day) today += m.end - m.start;
      }
      if (week > staff.maxWeeklyMinutes || today > staff.maxDailyMinutes) maxed.push(staff.id);
      else {
        const code = workRule(member);
        if (code === null) free.add(member);
        else {
          worn.push(staff.id);
          wornBy ||= code;
        }
      }
    }
  }
  const seatsOk = s.seats.every((seat) => seat.eligibleStaff.filter((m) => free.has(m)).length >= seat.count) && free.size >= s.staffNeeded;
  if (!seatsOk) {
    if (taken.length > 0) return { code: 'staff-double-booked', extra: { staff: taken } };
    if (maxed.length > 0) return { code: 'staff-weekly-max', extra: { staff: maxed } };
    if (worn.length > 0) return { code: wornBy, extra: { staff: worn } };
    return { code: 'staff-availability', extra: { staff: off } };
  }
  // Room: unless the patient can join by telehealth.
  if (!remote) {
    const rooms = s.eligibleRooms.map((r) => problem.rooms[r]!).filter((room) => room.capacity >= s.minSize);
    const open = rooms.filter((room) => room.available.containsRange(from, to));
    const freeRooms = open.filter((room) => !busy(ctx.roomMeetings[room.index]));
    if (freeRooms.length === 0) {
      if (open.length > 0) return { code: 'room-double-booked', extra: { rooms: open.map((room) => room.id) } };
      return { code: 'room-availability', extra: { rooms: rooms.map((room) => room.id) } };
    }
  }
  return null;
}

const WORK_RULES = [staffNotesTime, staffContinuousWork, staffBreaks];
const preparedOf = new WeakMap<CompiledProblem, Prepared>();

/**
 * Which staff work rule (notes time, longest run, breaks) would stop member `s` from leading a new
 * meeting of `service` at that time: the rules' own fast checks, so diagnosis names the rule the
 * solver met. Always `null` (at no cost) when the problem sets no work rule.
 */
function staffWorkRule(ctx: RuleContext, service: number, track: number, day: number, start: number, end: number): (s: number) => string | null {
  const problem = ctx.problem;
  if (!staffWork(problem).any) return () => null;
  let prepared = preparedOf.get(problem);
  if (!prepared) {
    prepared = prepare(problem);
    preparedOf.set(problem, prepared);
  }
  const meeting: PlacedMeeting = { id: '', service, track, day, start, end, room: -1, telehealth: false, staff: [], patients: [], pinned: false };
  const probe = new Probe().aim(ctx, prepared, meeting, -1, true);
  return (s) => WORK_RULES.find((rule) => rule.fast?.seat?.(probe, s, -1))?.code ?? null;
}
