/**
 * Problems with a known answer: a valid timetable is generated first, and the problem is derived
 * from it (availability around each meeting, requirements equal to what the timetable delivers,
 * credentials and rooms that fit), so the timetable meets every requirement and breaks no hard rule.
 */
import fc from 'fast-check';
import type { HoursRules, Patient, Problem, Room, Service, Staff, Track } from '../../../src/model/problem.js';
import type { Meeting, Schedule } from '../../../src/model/schedule.js';
import { WEEKDAYS } from '../../../src/time/week.js';
import { toOffsetIso } from '../../../src/time/zone.js';
import { chance, clock, CREDENTIALS, dateOfDay, int, pick, subset, weeklyRule, windowsCovering, WEEKS, type Gen } from './choose.js';

/** A problem and a timetable that meets all of it. */
export interface FeasibleCase {
  problem: Problem;
  schedule: Schedule;
}

/** Options of {@link feasibleProblemArbitrary}. */
export interface FeasibleArbitraryOptions {
  /** Most patients (default 14). */
  maxPatients?: number;
}

type Span = readonly [number, number, number]; // day, start, end

class Calendar {
  private readonly spans = new Map<string, Span[]>();
  free(who: string, day: number, start: number, end: number): boolean {
    return (this.spans.get(who) ?? []).every(([d, s, e]) => d !== day || e <= start || end <= s);
  }
  book(who: string, day: number, start: number, end: number): void {
    this.spans.set(who, [...(this.spans.get(who) ?? []), [day, start, end]]);
  }
  of(who: string): Span[] {
    return this.spans.get(who) ?? [];
  }
}

interface Draft {
  service: Service;
  track: string | null;
  day: number;
  start: number;
  room: string | null;
  staff: string[];
  patients: string[];
}

function buildServices(g: Gen): Service[] {
  const list: Service[] = [];
  for (let i = int(g, 1, 3); i > 0; i--) {
    const service: Service = {
      id: `g-${list.length}`,
      kind: 'group',
      durationMinutes: pick(g, [45, 60, 90]),
      staff: [{ credentials: subset(g, CREDENTIALS.slice(0, 5)) }],
      room: { features: ['group-room'] },
      eligibility: { requireTags: ['program:iop'] },
    };
    if (chance(g, 20)) service.staff.push({ credentials: ['RD'] });
    if (chance(g, 50)) service.homogeneousBy = ['age:'];
    list.push(service);
  }
  list.push({
    id: 'individual',
    kind: 'individual',
    durationMinutes: pick(g, [30, 60]),
    staff: [{ credentials: subset(g, CREDENTIALS.slice(0, 4)) }],
    telehealth: pick(g, ['never', 'allowed', 'only'] as const),
    room: { features: ['office'] },
    primaryOnly: chance(g, 50),
    withFamily: chance(g, 20),
    countsTowardHours: !chance(g, 15),
  });
  return list;
}

/**
 * Problems known to be satisfiable, each with a timetable that meets every requirement and breaks
 * no hard rule: the timetable is drawn first (1 or 2 tracks of consecutive groups on 1 to 3 days,
 * parallel groups, co-facilitation, individual sessions in person or by telehealth, DST weeks),
 * then the problem is fitted around it (availability by weekly windows, RRULEs and exceptions;
 * curriculum, `requires` and hours rules equal to what is delivered; avoid pairs of patients who
 * never meet; closed dates on empty days; admission dates around each patient's meetings).
 *
 * @example
 * ```ts
 * fc.assert(fc.property(feasibleProblemArbitrary(), ({ problem, schedule }) => checkSchedule(problem, schedule).allMet));
 * ```
 */
export function feasibleProblemArbitrary(options: FeasibleArbitraryOptions = {}): fc.Arbitrary<FeasibleCase> {
  const maxPatients = Math.max(2, options.maxPatients ?? 14);
  return fc.gen().map((g) => buildFeasible(g, maxPatients));
}

function buildFeasible(g: Gen, maxPatients: number): FeasibleCase {
  const week = pick(g, WEEKS);
  const services = buildServices(g);
  const groups = services.filter((s) => s.kind === 'group');
  const individual = services.find((s) => s.kind === 'individual')!;
  const staff: Staff[] = Array.from({ length: int(g, 2, 6) }, (_, i) => ({ id: `s-${i}`, credentials: subset(g, CREDENTIALS) }));
  const rooms: Room[] = [
    ...Array.from({ length: int(g, 1, 3) }, (_, i): Room => ({ id: `r-group-${i}`, capacity: int(g, 2, 12), features: ['group-room'] })),
    ...Array.from({ length: int(g, 0, 2) }, (_, i): Room => ({ id: `r-office-${i}`, capacity: int(g, 1, 2), features: ['office'] })),
  ];
  const trackIds = Array.from({ length: int(g, 1, 2) }, (_, i) => `t-${i}`);
  const ages = trackIds.map(() => pick(g, ['age:adult', 'age:adolescent']));
  const patients: Patient[] = Array.from({ length: int(g, 2, maxPatients) }, (_, i) => {
    const track = int(g, 0, trackIds.length - 1);
    return { id: `p-${i}`, tracks: [trackIds[track]!], tags: [ages[track]!, 'program:iop'], telehealth: chance(g, 40) };
  });
  const calendar = new Calendar();
  const drafts: Draft[] = [];
  const fits = (ids: readonly string[], day: number, start: number, end: number): boolean => ids.every((id) => calendar.free(id, day, start, end));
  const place = (draft: Draft): void => {
    drafts.push(draft);
    const end = draft.start + draft.service.durationMinutes;
    for (const id of [...draft.staff, ...draft.patients, ...(draft.room ? [draft.room] : [])]) calendar.book(id, draft.day, draft.start, end);
  };
  const pickStaff = (service: Service, day: number, start: number, end: number): string[] | undefined => {
    const chosen: string[] = [];
    for (const seat of service.staff) {
      const found = staff.find((s) => !chosen.includes(s.id) && s.credentials.some((c) => seat.credentials.includes(c)) && calendar.free(s.id, day, start, end));
      if (!found) return undefined;
      chosen.push(found.id);
    }
    return chosen;
  };

  // Groups: each track runs a block of consecutive groups on a few weekdays.
  for (const trackId of trackIds) {
    const members = patients.filter((p) => p.tracks[0] === trackId);
    const blockStart = pick(g, [9 * 60, 13 * 60, 18 * 60]);
    for (const day of subset(g, [0, 1, 2, 3, 4])) {
      let start = blockStart;
      for (let k = int(g, 1, 3); k > 0; k--) {
        const service = pick(g, groups);
        const end = start + service.durationMinutes;
        for (let parallel = int(g, 1, 2); parallel > 0; parallel--) {
          const room = rooms.find((r) => r.features?.includes('group-room') && calendar.free(r.id, day, start, end));
          const leaders = pickStaff(service, day, start, end);
          if (!room || !leaders) break;
          const free = members.filter((p) => calendar.free(p.id, day, start, end) && chance(g, 70));
          const attending = free.slice(0, Math.min(room.capacity, int(g, 1, 12)));
          if (attending.length === 0) break;
          place({ service, track: trackId, day, start, room: room.id, staff: leaders, patients: attending.map((p) => p.id) });
        }
        start = end + pick(g, [0, 15]);
      }
    }
  }

  // Individual sessions: a few tries at a free hour with a free clinician and office (or telehealth).
  for (const patient of patients) {
    if (!chance(g, 60)) continue;
    for (let attempt = 0; attempt < 4; attempt++) {
      const day = int(g, 0, 5);
      const start = int(g, 8, 20) * 60;
      const end = start + individual.durationMinutes;
      if (!calendar.free(patient.id, day, start, end)) continue;
      const leaders = pickStaff(individual, day, start, end);
      if (!leaders) continue;
      const office = individual.telehealth === 'only' ? undefined : rooms.find((r) => r.features?.includes('office') && calendar.free(r.id, day, start, end));
      const remote = individual.telehealth !== 'never' && patient.telehealth === true && (office === undefined || chance(g, 50));
      if (!office && !remote) continue;
      place({ service: individual, track: null, day, start, room: remote ? null : office!.id, staff: leaders, patients: [patient.id] });
      break;
    }
  }
  return fitProblem(g, week, services, staff, rooms, trackIds, patients, drafts, calendar);
}

/**
 * The problem fitted around the drawn timetable `drafts`: group sizes, track windows and
 * curricula, availability and hours of staff, rooms and patients, as the timetable delivers them.
 */
function fitProblem(
  g: Gen,
  week: { timeZone: string; weekStart: string },
  services: Service[],
  staff: Staff[],
  rooms: Room[],
  trackIds: string[],
  patients: Patient[],
  drafts: Draft[],
  calendar: Calendar,
): FeasibleCase {
  fitGroupSizes(services, drafts);
  const tracks = fitTracks(trackIds, services, patients, drafts);
  for (const member of staff) fitStaff(g, week.weekStart, member, calendar.of(member.id));
  for (const room of rooms) {
    const spans = calendar.of(room.id);
    if (spans.length > 0 && chance(g, 30)) room.availability = { weekly: windowsCovering(spans, pad(g)) };
  }
  patients.forEach((patient, index) => fitPatient(g, week.weekStart, patient, patients.slice(index + 1), staff, drafts));

  const busyDays = new Set(drafts.map((d) => d.day));
  const emptyDay = [0, 1, 2, 3, 4, 5, 6].find((day) => !busyDays.has(day));
  const problem: Problem = {
    timeZone: week.timeZone,
    weekStart: week.weekStart,
    granularityMinutes: 15,
    ...(emptyDay !== undefined && chance(g, 50) ? { closedDates: [dateOfDay(week.weekStart, emptyDay)] } : {}),
    tracks,
    services,
    staff,
    rooms,
    patients,
  };
  return { problem, schedule: { timeZone: week.timeZone, weekStart: week.weekStart, meetings: meetingsOf(week, drafts) } };
}

const endOf = (d: Draft): number => d.start + d.service.durationMinutes;
const counting = (d: Draft): boolean => d.service.countsTowardHours ?? true;
/** Minutes of slack around the windows drawn for an availability. */
const pad = (g: Gen): number => pick(g, [0, 0, 15, 60]);

/** Each group service's sizes: from its smallest to its largest drawn group. */
function fitGroupSizes(services: Service[], drafts: readonly Draft[]): void {
  for (const service of services.filter((s) => s.kind === 'group')) {
    const sizes = drafts.filter((d) => d.service === service).map((d) => d.patients.length);
    if (sizes.length === 0) continue;
    service.minSize = Math.min(...sizes);
    service.maxSize = Math.max(...sizes);
  }
}

/** The tracks: windows around their groups, curricula between the fewest and most sessions a member has. */
function fitTracks(trackIds: readonly string[], services: readonly Service[], patients: readonly Patient[], drafts: readonly Draft[]): Track[] {
  return trackIds.map((id) => {
    const spans = drafts.filter((d) => d.track === id).map((d): Span => [d.day, d.start, endOf(d)]);
    const members = patients.filter((p) => p.tracks[0] === id);
    const curriculum = services
      .filter((s) => s.kind === 'group' && members.length > 0)
      .map((s) => {
        const counts = members.map((p) => drafts.filter((d) => d.service === s && d.patients.includes(p.id)).length);
        return { service: s.id, min: Math.min(...counts), max: Math.max(...counts) };
      });
    // A track with no meeting still needs a window: an hour on Saturday morning.
    return {
      id,
      windows: { weekly: spans.length > 0 ? windowsCovering(spans, 0) : [{ days: ['SA'], start: '09:00', end: '10:00' }] },
      ...(curriculum.length > 0 ? { curriculum } : {}),
    };
  });
}

/** A staff member's availability around the sessions they lead (`spans`), sometimes with weekly and daily hours and a day off. */
function fitStaff(g: Gen, weekStart: string, member: Staff, spans: readonly Span[]): void {
  if (spans.length === 0 || chance(g, 20)) return;
  member.availability = { weekly: windowsCovering(spans, pad(g)) };
  const minutes = spans.reduce((sum, [, s, e]) => sum + e - s, 0);
  if (chance(g, 50)) member.maxWeeklyHours = Math.ceil(minutes / 60) + int(g, 0, 2);
  const daily = Math.max(...WEEKDAYS.map((_, day) => spans.filter((s) => s[0] === day).reduce((sum, [, s, e]) => sum + e - s, 0)));
  if (chance(g, 30)) member.maxDailyHours = Math.ceil(daily / 60);
  const idle = WEEKDAYS.findIndex((_, day) => spans.every((s) => s[0] !== day));
  if (idle >= 0 && chance(g, 40)) member.availability.except = [{ date: dateOfDay(weekStart, idle) }];
}

/**
 * A patient fitted to their meetings: availability, requirements and primary clinician, hours
 * rules, sometimes admission dates, and sometimes an avoid pair with one of `later` (the
 * patients after them) they never meet.
 */
function fitPatient(g: Gen, weekStart: string, patient: Patient, later: readonly Patient[], staff: readonly Staff[], drafts: readonly Draft[]): void {
  const mine = drafts.filter((d) => d.patients.includes(patient.id));
  fitPatientAvailability(g, weekStart, patient, mine);
  const individual = mine.filter((d) => d.service.kind === 'individual');
  if (individual.length > 0) {
    patient.requires = [{ service: individual[0]!.service.id, min: individual.length, max: individual.length }];
    patient.primaryStaff = individual[0]!.staff[0]!;
  } else if (chance(g, 30)) {
    patient.primaryStaff = pick(g, staff).id;
  }
  patient.rules = patientRules(g, mine);
  if (mine.length > 0 && chance(g, 30)) {
    patient.admittedOn = dateOfDay(weekStart, Math.min(...mine.map((d) => d.day)) - int(g, 0, 2));
    patient.dischargedOn = dateOfDay(weekStart, Math.max(...mine.map((d) => d.day)) + 1 + int(g, 0, 2));
  }
  // Avoid a later patient of the same track never met in any group.
  const stranger = later.find((other) => !drafts.some((d) => d.patients.includes(other.id) && d.patients.includes(patient.id)));
  if (stranger && chance(g, 30)) patient.avoid = [stranger.id];
}

/** Availability around the patient's meetings `mine` (weekly windows, an RRULE, a morning off) and family availability around their family sessions. */
function fitPatientAvailability(g: Gen, weekStart: string, patient: Patient, mine: readonly Draft[]): void {
  const spans = mine.map((d): Span => [d.day, d.start, endOf(d)]);
  if (spans.length > 0 && chance(g, 70)) {
    const [day, start, end] = spans[0]!;
    // Sometimes the first meeting's window comes from an RRULE instead of a weekly window.
    const byRule = chance(g, 30);
    const weekly = windowsCovering(byRule ? spans.slice(1) : spans, pad(g));
    patient.availability = { weekly };
    if (byRule) patient.availability.rrule = [{ rule: weeklyRule(weekStart, day, start, int(g, 0, 4)), durationMinutes: end - start }];
    const idle = WEEKDAYS.findIndex((_, d) => spans.every((s) => s[0] !== d));
    if (idle >= 0 && chance(g, 30)) patient.availability.except = [{ date: dateOfDay(weekStart, idle), start: '00:00', end: '12:00' }];
  }
  const family = mine.filter((d) => d.service.withFamily);
  if (family.length > 0) patient.familyAvailability = { weekly: windowsCovering(family.map((d): Span => [d.day, d.start, endOf(d)]), pad(g)) };
}

/** Hours rules the meetings `mine` meet: weekly hours and days as delivered, sometimes daily limits and per-day thresholds. */
function patientRules(g: Gen, mine: readonly Draft[]): HoursRules {
  const minutesByDay = WEEKDAYS.map((_, day) => mine.filter((d) => d.day === day && counting(d)).reduce((sum, d) => sum + d.service.durationMinutes, 0));
  const sessionsByDay = WEEKDAYS.map((_, day) => mine.filter((d) => d.day === day && counting(d)).length);
  const days = WEEKDAYS.map((_, day) => mine.some((d) => d.day === day)).filter(Boolean).length;
  const minutes = minutesByDay.reduce((a, b) => a + b, 0);
  const rules: HoursRules = {
    minWeeklyHours: Math.floor(minutes / 60),
    maxWeeklyHours: Math.max(1, Math.ceil(minutes / 60)),
    minDays: days,
    maxDays: int(g, days, Math.max(days, 5)),
  };
  const attended = minutesByDay.filter((m, day) => m > 0 || mine.some((d) => d.day === day));
  if (chance(g, 30)) rules.maxDailyHours = Math.max(1, Math.ceil(Math.max(...minutesByDay) / 60));
  if (chance(g, 20) && attended.length > 0) rules.minDailyMinutes = Math.min(...attended);
  if (chance(g, 20) && days > 0) rules.minDailyServices = Math.min(...sessionsByDay.filter((_, day) => mine.some((d) => d.day === day)));
  if (rules.maxDailyHours !== undefined && rules.minDailyMinutes !== undefined && rules.minDailyMinutes > rules.maxDailyHours * 60) delete rules.minDailyMinutes;
  return rules;
}

/** The drawn timetable as a schedule's meetings, sorted by date, start and id. */
function meetingsOf(week: { timeZone: string; weekStart: string }, drafts: readonly Draft[]): Meeting[] {
  const meetings: Meeting[] = drafts.map((d, i) => {
    const date = dateOfDay(week.weekStart, d.day);
    const start = clock(d.start);
    const end = clock(endOf(d));
    return {
      id: `m-${i}`,
      service: d.service.id,
      track: d.track,
      date,
      day: WEEKDAYS[d.day]!,
      start,
      end,
      startsAt: toOffsetIso(date, start, week.timeZone),
      endsAt: toOffsetIso(date, end, week.timeZone),
      room: d.room,
      mode: d.room === null ? 'telehealth' : 'in-person',
      staff: d.staff,
      patients: d.patients,
    };
  });
  return meetings.sort((a, b) => a.date.localeCompare(b.date) || a.start.localeCompare(b.start) || a.id.localeCompare(b.id));
}
