/**
 * Random valid problems: realistic shapes (tracks with windows, group and individual services,
 * credentialed staff, rooms, patients with availability, tags, avoid pairs, admissions), with no
 * promise that they can be met. For validation, compile and solver robustness properties.
 */
import fc from 'fast-check';
import type { Availability, Patient, Problem, Room, Service, Staff, Track } from '../../../src/model/problem.js';
import { WEEKDAYS } from '../../../src/time/week.js';
import { withProgrammeFields } from './programme.js';
import { chance, clock, CREDENTIALS, dateOfDay, int, pick, subset, weeklyRule, WEEKS, type Gen } from './choose.js';

/** Options of {@link problemArbitrary}. */
export interface ProblemArbitraryOptions {
  /** Most patients (default 30, at least 2). */
  maxPatients?: number;
  /** Most tracks (default 3). */
  maxTracks?: number;
}

function availability(g: Gen, weekStart: string, kind: 'person' | 'staff'): Availability | undefined {
  if (chance(g, 30)) return undefined;
  const weekly: NonNullable<Availability['weekly']> = [];
  for (let i = int(g, 1, 3); i > 0; i--) {
    const start = int(g, kind === 'staff' ? 28 : 32, 76) * 15;
    weekly.push({ days: subset(g, WEEKDAYS.slice(0, 6)), start: clock(start), end: clock(Math.min(1440, start + int(g, 4, 36) * 15)) });
  }
  const result: Availability = { weekly };
  if (chance(g, 20)) result.rrule = [{ rule: weeklyRule(weekStart, int(g, 0, 6), int(g, 32, 72) * 15, int(g, 0, 6), int(g, 1, 2)), durationMinutes: int(g, 2, 16) * 15 }];
  if (chance(g, 25)) {
    const date = dateOfDay(weekStart, int(g, -1, 7));
    const start = int(g, 32, 80) * 15;
    result.except = [chance(g, 50) ? { date } : { date, start: clock(start), end: clock(Math.min(1440, start + int(g, 1, 16) * 15)) }];
  }
  return result;
}

function track(g: Gen, index: number, groups: readonly Service[]): Track {
  const start = pick(g, [9 * 60, 13 * 60, 17 * 60 + 30, 18 * 60]);
  const track: Track = {
    id: `t-${index}`,
    windows: { weekly: [{ days: subset(g, WEEKDAYS.slice(0, 5)), start: clock(start), end: clock(start + int(g, 2, 4) * 60) }] },
  };
  if (chance(g, 50)) track.curriculum = subset(g, groups).map((service) => ({ service: service.id, min: int(g, 0, 2), max: int(g, 2, 4) }));
  if (chance(g, 30)) track.rules = chance(g, 50) ? { minWeeklyHours: 6, minDays: 2 } : { minDailyMinutes: 120, maxDailyHours: 4 };
  if (chance(g, 15)) track.template = [{ service: pick(g, groups).id, day: track.windows.weekly![0]!.days[0]!, start: clock(start) }];
  return track;
}

function services(g: Gen): Service[] {
  const list: Service[] = [];
  for (let i = int(g, 1, 3); i > 0; i--) {
    const minSize = int(g, 1, 3);
    const service: Service = {
      id: `g-${list.length}`,
      kind: 'group',
      durationMinutes: pick(g, [45, 50, 60, 90]),
      minSize,
      maxSize: minSize + int(g, 0, 10),
      staff: [{ credentials: subset(g, CREDENTIALS.slice(0, 5)) }],
      room: { features: ['group-room'] },
    };
    if (chance(g, 20)) service.staff.push({ credentials: ['RD'] });
    if (chance(g, 30)) service.homogeneousBy = ['age:'];
    if (chance(g, 20)) service.eligibility = { requireTags: ['program:iop'], ...(chance(g, 50) ? { excludeTags: ['dx:none'] } : {}) };
    list.push(service);
  }
  list.push({
    id: 'individual',
    kind: 'individual',
    durationMinutes: pick(g, [30, 45, 60]),
    staff: [{ credentials: subset(g, CREDENTIALS.slice(0, 4)) }],
    telehealth: pick(g, ['never', 'allowed', 'only'] as const),
    room: { features: ['office'] },
    ...(chance(g, 30) ? { primaryOnly: true } : {}),
  });
  if (chance(g, 30)) {
    list.push({ id: 'family', kind: 'individual', durationMinutes: 60, withFamily: true, staff: [{ credentials: ['LMFT', 'LCSW'] }], telehealth: 'allowed' });
  }
  return list;
}

function patient(g: Gen, index: number, count: number, problem: Pick<Problem, 'weekStart' | 'tracks' | 'staff' | 'services'>): Patient {
  const patient: Patient = {
    id: `p-${index}`,
    tracks: subset(g, problem.tracks.map((t) => t.id)),
    tags: [pick(g, ['age:adult', 'age:adolescent']), 'program:iop', ...(chance(g, 50) ? [pick(g, ['gender:female', 'gender:male', 'gender:nonbinary'])] : [])],
  };
  const available = availability(g, problem.weekStart, 'person');
  if (available) patient.availability = available;
  if (chance(g, 60)) patient.requires = [{ service: 'individual', min: int(g, 0, 1), max: int(g, 1, 2) }];
  if (chance(g, 70)) patient.primaryStaff = pick(g, problem.staff).id;
  if (chance(g, 40)) patient.telehealth = true;
  if (chance(g, 15) && count > 1) patient.avoid = [`p-${(index + int(g, 1, count - 1)) % count}`];
  if (chance(g, 15)) patient.admittedOn = dateOfDay(problem.weekStart, int(g, -3, 4));
  if (chance(g, 15)) patient.dischargedOn = dateOfDay(problem.weekStart, int(g, 5, 10));
  if (problem.services.some((s) => s.withFamily) && chance(g, 60)) {
    patient.familyAvailability = { weekly: [{ days: subset(g, WEEKDAYS), start: '17:00', end: '20:00' }] };
    patient.requires = [...(patient.requires ?? []), { service: 'family', min: 1, max: 1 }];
  }
  if (chance(g, 20)) patient.preferences = { days: subset(g, WEEKDAYS.slice(0, 5)) };
  if (chance(g, 15)) patient.rules = { minWeeklyHours: int(g, 3, 9), maxWeeklyHours: int(g, 10, 19) };
  return patient;
}

/**
 * Realistic random valid problems: 1 to `maxTracks` tracks, 2 to `maxPatients` patients, group and
 * individual services (some co-facilitated, some telehealth, some with family), staff with
 * credentials and weekly limits, group rooms and offices, weekly windows with RRULEs and
 * exceptions, tags, avoid pairs, `homogeneousBy`, admission dates and closed dates. Some cannot
 * be met: use {@link feasibleProblemArbitrary} for problems with a known timetable.
 *
 * @example
 * ```ts
 * fc.assert(fc.property(problemArbitrary({ maxPatients: 10 }), (problem) => validateProblem(problem).ok));
 * ```
 */
export function problemArbitrary(options: ProblemArbitraryOptions = {}): fc.Arbitrary<Problem> {
  const maxPatients = Math.max(2, options.maxPatients ?? 30);
  const maxTracks = Math.max(1, options.maxTracks ?? 3);
  return fc.gen().map((g) => {
    const week = pick(g, WEEKS);
    const serviceList = services(g);
    const groups = serviceList.filter((s) => s.kind === 'group');
    const tracks = Array.from({ length: int(g, 1, maxTracks) }, (_, i) => track(g, i, groups));
    const staff: Staff[] = Array.from({ length: int(g, 1, 6) }, (_, i) => {
      const member: Staff = { id: `s-${i}`, credentials: subset(g, CREDENTIALS) };
      const available = availability(g, week.weekStart, 'staff');
      if (available) member.availability = available;
      if (chance(g, 40)) member.maxWeeklyHours = int(g, 8, 40);
      if (chance(g, 20)) member.maxDailyHours = int(g, 4, 10);
      if (chance(g, 20)) member.tags = ['gender:female'];
      return member;
    });
    const rooms: Room[] = [
      ...Array.from({ length: int(g, 1, 3) }, (_, i): Room => ({ id: `r-group-${i}`, capacity: int(g, 4, 14), features: ['group-room'] })),
      ...Array.from({ length: int(g, 0, 2) }, (_, i): Room => ({ id: `r-office-${i}`, capacity: 2, features: ['office'] })),
    ];
    const partial = { weekStart: week.weekStart, tracks, staff, services: serviceList };
    const count = int(g, 2, maxPatients);
    const problem: Problem = {
      timeZone: week.timeZone,
      weekStart: week.weekStart,
      granularityMinutes: pick(g, [5, 15, 30]),
      tracks,
      services: serviceList,
      staff,
      rooms,
      patients: Array.from({ length: count }, (_, i) => patient(g, i, count, partial)),
    };
    if (chance(g, 20)) problem.closedDates = [dateOfDay(week.weekStart, int(g, 0, 6))];
    if (chance(g, 20)) problem.rules = { minWeeklyHours: int(g, 6, 9), maxDays: 5 };
    return withProgrammeFields(g, problem);
  });
}
