/**
 * Timetables broken in a known way: a feasible case (see `feasible.ts`) with one change to the
 * timetable or to the problem that a named rule must catch.
 */
import fc from 'fast-check';
import type { Availability, Patient, Problem, Service, Track } from '../../../src/model/problem.js';
import type { Meeting, Schedule } from '../../../src/model/schedule.js';
import { addDays, parseLocalTime, WEEKDAYS } from '../../../src/time/week.js';
import { toOffsetIso } from '../../../src/time/zone.js';
import { clock, pick, type Gen } from './choose.js';
import { feasibleProblemArbitrary, type FeasibleArbitraryOptions } from './feasible.js';

/** A problem and a timetable with one known breach. */
export interface CorruptedCase {
  problem: Problem;
  schedule: Schedule;
  /** The rule code that must report it. */
  expectedCode: CorruptionCode;
}

interface Case {
  problem: Problem;
  schedule: Schedule;
}

/** Breaks `c` in place (it is a private copy); false when the case offers nothing to break this way. */
type Corruption = (c: Case, g: Gen) => boolean;

const minutes = (m: Meeting): number => parseLocalTime(m.end)! - parseLocalTime(m.start)!;
const serviceOf = (c: Case, m: Meeting): Service => c.problem.services.find((s) => s.id === m.service)!;
const patientOf = (c: Case, id: string): Patient => c.problem.patients.find((p) => p.id === id)!;
const counting = (c: Case, m: Meeting): boolean => serviceOf(c, m).countsTowardHours ?? true;
const groups = (c: Case, size = 1): Meeting[] => c.schedule.meetings.filter((m) => serviceOf(c, m).kind === 'group' && m.patients.length >= size);
const individuals = (c: Case): Meeting[] => c.schedule.meetings.filter((m) => serviceOf(c, m).kind === 'individual');
const inPerson = (c: Case, size = 0): Meeting[] => c.schedule.meetings.filter((m) => m.room !== null && m.patients.length >= size);
const meetingsOf = (c: Case, patient: string): Meeting[] => c.schedule.meetings.filter((m) => m.patients.includes(patient));
const attendees = (c: Case): string[] => c.problem.patients.map((p) => p.id).filter((id) => meetingsOf(c, id).length > 0);

function chooseFrom<T>(g: Gen, items: readonly T[]): T | undefined {
  return items.length === 0 ? undefined : pick(g, items);
}

/** Takes the meeting's own time out of an availability (absent availability becomes "always, except"). */
function without(availability: Availability | undefined, m: Meeting): Availability {
  const base = availability ?? { weekly: [{ days: [...WEEKDAYS], start: '00:00', end: '24:00' }] };
  return { ...base, except: [...(base.except ?? []), { date: m.date, start: m.start, end: m.end }] };
}

function retime(c: Case, m: Meeting, start: number, end: number, date = m.date): void {
  m.date = date;
  m.start = clock(start);
  m.end = clock(end);
  m.startsAt = toOffsetIso(date, m.start, c.problem.timeZone);
  m.endsAt = toOffsetIso(date, m.end, c.problem.timeZone);
}

function copyMeeting(c: Case, m: Meeting): void {
  c.schedule.meetings.push({ ...structuredClone(m), id: `${m.id}-copy` });
}

function withMeeting(filter: (c: Case) => Meeting[], change: (c: Case, m: Meeting, g: Gen) => boolean | void): Corruption {
  return (c, g) => {
    const m = chooseFrom(g, filter(c));
    return m !== undefined && change(c, m, g) !== false;
  };
}

function withPatient(change: (c: Case, p: Patient, g: Gen) => boolean | void): Corruption {
  return (c, g) => {
    const id = chooseFrom(g, attendees(c));
    return id !== undefined && change(c, patientOf(c, id), g) !== false;
  };
}

const rulesOf = (p: Patient): NonNullable<Patient['rules']> => (p.rules ??= {});
const countingMinutes = (c: Case, p: Patient, date?: string): number =>
  meetingsOf(c, p.id).filter((m) => counting(c, m) && (date === undefined || m.date === date)).reduce((sum, m) => sum + minutes(m), 0);
const staffMinutes = (c: Case, id: string, date?: string): number =>
  c.schedule.meetings.filter((m) => m.staff.includes(id) && (date === undefined || m.date === date)).reduce((sum, m) => sum + minutes(m), 0);

/** A rule code that {@link corruptedScheduleArbitrary} knows how to break. */
export type CorruptionCode =
  | 'patient-double-booked'
  | 'staff-double-booked'
  | 'room-double-booked'
  | 'room-capacity'
  | 'room-features'
  | 'group-max-size'
  | 'group-min-size'
  | 'individual-one-patient'
  | 'staff-seats'
  | 'primary-staff-only'
  | 'staff-availability'
  | 'room-availability'
  | 'patient-availability'
  | 'track-window'
  | 'template-agenda'
  | 'track-membership'
  | 'eligibility'
  | 'homogeneity'
  | 'avoid-pair'
  | 'closed-date'
  | 'admission-dates'
  | 'staff-daily-max'
  | 'staff-weekly-max'
  | 'patient-max-weekly-hours'
  | 'patient-max-daily-hours'
  | 'patient-max-days'
  | 'requires-max'
  | 'curriculum-max'
  | 'start-grid'
  | 'meeting-duration'
  | 'meeting-outside-week'
  | 'telehealth-policy'
  | 'family-availability'
  | 'staff-caseload'
  | 'patient-min-weekly-hours'
  | 'patient-min-days'
  | 'requires-min'
  | 'curriculum-min'
  | 'daily-min-minutes'
  | 'daily-min-services';

const CORRUPTION_TABLE: Readonly<Record<CorruptionCode, Corruption>> = {
  'patient-double-booked': withMeeting((c) => c.schedule.meetings.filter((m) => m.patients.length > 0), (c, m) => copyMeeting(c, m)),
  'staff-double-booked': withMeeting((c) => c.schedule.meetings.filter((m) => m.staff.length > 0), (c, m) => copyMeeting(c, m)),
  'room-double-booked': withMeeting((c) => inPerson(c), (c, m) => copyMeeting(c, m)),
  'room-capacity': withMeeting(
    (c) => inPerson(c, 2),
    (c, m) => {
      c.problem.rooms.find((r) => r.id === m.room)!.capacity = m.patients.length - 1;
    },
  ),
  'room-features': withMeeting(inPerson, (c, m) => {
    const service = serviceOf(c, m);
    service.room = { features: [...(service.room?.features ?? []), 'corrupt-feature'] };
  }),
  'group-max-size': withMeeting(
    (c) => groups(c, 2),
    (c, m) => {
      const service = serviceOf(c, m);
      service.maxSize = m.patients.length - 1;
      service.minSize = Math.min(service.minSize ?? 2, service.maxSize);
    },
  ),
  'group-min-size': withMeeting(groups, (c, m) => {
    const service = serviceOf(c, m);
    service.minSize = m.patients.length + 1;
    service.maxSize = Math.max(service.maxSize ?? 12, service.minSize);
  }),
  'individual-one-patient': withMeeting(individuals, (c, m) => {
    const other = c.problem.patients.find((p) => !m.patients.includes(p.id));
    if (!other) return false;
    m.patients.push(other.id);
  }),
  'staff-seats': withMeeting(
    (c) => c.schedule.meetings.filter((m) => m.staff.length > 0),
    (c, m) => {
      c.problem.staff.push({ id: 'corrupt-staff', credentials: ['NO-SUCH-CREDENTIAL'] });
      m.staff[0] = 'corrupt-staff';
    },
  ),
  'primary-staff-only': withMeeting(individuals, (c, m) => {
    const other = c.problem.staff.find((s) => !m.staff.includes(s.id));
    if (!other) return false;
    serviceOf(c, m).primaryOnly = true;
    patientOf(c, m.patients[0]!).primaryStaff = other.id;
  }),
  'staff-availability': withMeeting(
    (c) => c.schedule.meetings.filter((m) => m.staff.length > 0),
    (c, m, g) => {
      const id = pick(g, m.staff);
      const member = c.problem.staff.find((s) => s.id === id)!;
      member.availability = without(member.availability, m);
    },
  ),
  'room-availability': withMeeting(inPerson, (c, m) => {
    const room = c.problem.rooms.find((r) => r.id === m.room)!;
    room.availability = without(room.availability, m);
  }),
  'patient-availability': withMeeting(
    (c) => c.schedule.meetings.filter((m) => m.patients.length > 0),
    (c, m, g) => {
      const patient = patientOf(c, pick(g, m.patients));
      patient.availability = without(patient.availability, m);
    },
  ),
  'track-window': withMeeting(groups, (_c, m) => {
    m.track = null;
  }),
  // The track gets a template holding every other group time of the track, but not this one's.
  'template-agenda': withMeeting(
    (c) => groups(c).filter((m) => m.track !== null),
    (c, m) => {
      const key = (o: { service: string; day: string; start: string }): string => `${o.service}@${o.day}@${o.start}`;
      const entries = new Map<string, NonNullable<Track['template']>[number]>();
      for (const o of groups(c)) if (o.track === m.track && key(o) !== key(m)) entries.set(key(o), { service: o.service, day: o.day, start: o.start });
      if (entries.size === 0) entries.set('', { service: m.service, day: WEEKDAYS[(WEEKDAYS.indexOf(m.day) + 1) % 7]!, start: m.start });
      c.problem.tracks.find((t) => t.id === m.track)!.template = [...entries.values()];
    },
  ),
  'track-membership': withMeeting(groups, (c, m, g) => {
    const track = c.problem.tracks.find((t) => t.id === m.track)!;
    c.problem.tracks.push({ ...structuredClone(track), id: 'corrupt-track' });
    patientOf(c, pick(g, m.patients)).tracks = ['corrupt-track'];
  }),
  eligibility: withMeeting(
    (c) => c.schedule.meetings.filter((m) => m.patients.length > 0),
    (c, m, g) => {
      const service = serviceOf(c, m);
      service.eligibility = { ...service.eligibility, excludeTags: [...(service.eligibility?.excludeTags ?? []), 'corrupt:excluded'] };
      const patient = patientOf(c, pick(g, m.patients));
      patient.tags = [...(patient.tags ?? []), 'corrupt:excluded'];
    },
  ),
  homogeneity: withMeeting(
    (c) => groups(c, 2),
    (c, m) => {
      serviceOf(c, m).homogeneousBy = ['age:'];
      const patient = patientOf(c, m.patients[0]!);
      patient.tags = [...(patient.tags ?? []).filter((t) => !t.startsWith('age:')), 'age:corrupt'];
    },
  ),
  'avoid-pair': withMeeting(
    (c) => groups(c, 2),
    (c, m) => {
      const patient = patientOf(c, m.patients[0]!);
      patient.avoid = [...(patient.avoid ?? []), m.patients[1]!];
    },
  ),
  'closed-date': withMeeting(
    (c) => c.schedule.meetings,
    (c, m) => {
      c.problem.closedDates = [...(c.problem.closedDates ?? []), m.date];
    },
  ),
  'admission-dates': withMeeting(
    (c) => c.schedule.meetings.filter((m) => m.patients.length > 0),
    (c, m, g) => {
      const patient = patientOf(c, pick(g, m.patients));
      patient.admittedOn = addDays(m.date, 1);
      delete patient.dischargedOn;
    },
  ),
  'staff-daily-max': withMeeting(
    (c) => c.schedule.meetings.filter((m) => m.staff.length > 0),
    (c, m) => {
      const member = c.problem.staff.find((s) => s.id === m.staff[0])!;
      member.maxDailyHours = (staffMinutes(c, member.id, m.date) - 15) / 60;
    },
  ),
  'staff-weekly-max': withMeeting(
    (c) => c.schedule.meetings.filter((m) => m.staff.length > 0),
    (c, m) => {
      const member = c.problem.staff.find((s) => s.id === m.staff[0])!;
      member.maxWeeklyHours = (staffMinutes(c, member.id) - 15) / 60;
      delete member.maxDailyHours;
    },
  ),
  'patient-max-weekly-hours': withPatient((c, p) => {
    const total = countingMinutes(c, p);
    if (total === 0) return false;
    Object.assign(rulesOf(p), { minWeeklyHours: 0, maxWeeklyHours: (total - 15) / 60 });
  }),
  'patient-max-daily-hours': withMeeting(
    (c) => c.schedule.meetings.filter((m) => m.patients.length > 0 && counting(c, m)),
    (c, m) => {
      const patient = patientOf(c, m.patients[0]!);
      rulesOf(patient).maxDailyHours = (countingMinutes(c, patient, m.date) - 15) / 60;
      delete rulesOf(patient).minDailyMinutes;
    },
  ),
  'patient-max-days': withPatient((c, p) => {
    const days = new Set(meetingsOf(c, p.id).map((m) => m.date)).size;
    if (days < 2) return false;
    Object.assign(rulesOf(p), { maxDays: days - 1, minDays: Math.min(rulesOf(p).minDays ?? 0, days - 1) });
  }),
  'requires-max': withMeeting(individuals, (c, m) => {
    const need = patientOf(c, m.patients[0]!).requires!.find((r) => r.service === m.service)!;
    need.max = need.max! - 1;
    need.min = Math.min(need.min ?? 0, need.max);
  }),
  'curriculum-max': withMeeting(groups, (c, m) => {
    const entry = c.problem.tracks.find((t) => t.id === m.track)!.curriculum!.find((e) => e.service === m.service)!;
    entry.max = entry.max! - 1;
    entry.min = Math.min(entry.min ?? 0, entry.max);
  }),
  'start-grid': withMeeting(
    (c) => c.schedule.meetings,
    (c, m) => retime(c, m, parseLocalTime(m.start)! + 5, parseLocalTime(m.end)! + 5),
  ),
  'meeting-duration': withMeeting(
    (c) => c.schedule.meetings.filter((m) => parseLocalTime(m.end)! <= 1425),
    (c, m) => retime(c, m, parseLocalTime(m.start)!, parseLocalTime(m.end)! + 15),
  ),
  'meeting-outside-week': withMeeting(
    (c) => c.schedule.meetings,
    (c, m) => retime(c, m, parseLocalTime(m.start)!, parseLocalTime(m.end)!, addDays(m.date, -7)),
  ),
  'telehealth-policy': withMeeting(inPerson, (c, m) => {
    serviceOf(c, m).telehealth = 'never';
    m.mode = 'telehealth';
    m.room = null;
  }),
  'family-availability': withMeeting(individuals, (c, m) => {
    serviceOf(c, m).withFamily = true;
    delete patientOf(c, m.patients[0]!).familyAvailability;
  }),
  // The input breaks it: one primary patient more than the member's caseload allows.
  'staff-caseload': withPatient((c, p) => {
    const member = c.problem.staff.find((s) => s.id === p.primaryStaff);
    if (!member) return false;
    // Patients who attend are enrolled this week: at least this many count toward the caseload.
    member.maxCaseload = attendees(c).filter((id) => patientOf(c, id).primaryStaff === member.id).length - 1;
  }),
  // Requirements: the timetable now delivers less than asked.
  'patient-min-weekly-hours': withPatient((c, p) => {
    const hours = Math.floor(countingMinutes(c, p) / 60) + 1;
    Object.assign(rulesOf(p), { minWeeklyHours: hours, maxWeeklyHours: Math.max(rulesOf(p).maxWeeklyHours ?? 19, hours) });
  }),
  'patient-min-days': withPatient((c, p) => {
    const days = new Set(meetingsOf(c, p.id).map((m) => m.date)).size;
    if (days >= 7) return false;
    Object.assign(rulesOf(p), { minDays: days + 1, maxDays: Math.max(rulesOf(p).maxDays ?? 5, days + 1) });
  }),
  'requires-min': withMeeting(individuals, (c, m) => {
    c.schedule.meetings = c.schedule.meetings.filter((other) => other !== m);
  }),
  'curriculum-min': withMeeting(groups, (c, m) => {
    const entry = c.problem.tracks.find((t) => t.id === m.track)!.curriculum!.find((e) => e.service === m.service)!;
    entry.min = (entry.max ?? 0) + 1;
    entry.max = entry.min;
  }),
  'daily-min-minutes': withMeeting(
    (c) => c.schedule.meetings.filter((m) => m.patients.length > 0),
    (c, m) => {
      const patient = patientOf(c, m.patients[0]!);
      rulesOf(patient).minDailyMinutes = countingMinutes(c, patient, m.date) + 15;
      delete rulesOf(patient).maxDailyHours;
    },
  ),
  'daily-min-services': withMeeting(
    (c) => c.schedule.meetings.filter((m) => m.patients.length > 0),
    (c, m) => {
      const patient = patientOf(c, m.patients[0]!);
      rulesOf(patient).minDailyServices = meetingsOf(c, patient.id).filter((o) => o.date === m.date && counting(c, o)).length + 1;
    },
  ),
};

/** Every code {@link corruptedScheduleArbitrary} can break, hard rules first, then requirements. */
export const CORRUPTIONS: readonly CorruptionCode[] = Object.keys(CORRUPTION_TABLE) as CorruptionCode[];

/**
 * A feasible case (see {@link feasibleProblemArbitrary}) broken in one known way: a patient,
 * clinician or room double-booked by a copied meeting, a room or group over its size, a meeting
 * outside someone's availability, a clinician without the credential, a closed date, a crossed
 * limit, a shortfall, ... `expectedCode` names the rule that must catch it. Pass `codes` to draw
 * only some kinds of breach.
 *
 * @example
 * ```ts
 * fc.assert(fc.property(corruptedScheduleArbitrary({ codes: ['room-capacity'] }), ({ problem, schedule, expectedCode }) =>
 *   checkSchedule(problem, schedule).violations.some((v) => v.rule === expectedCode)));
 * ```
 */
export function corruptedScheduleArbitrary(
  options: FeasibleArbitraryOptions & { codes?: readonly CorruptionCode[] } = {},
): fc.Arbitrary<CorruptedCase> {
  const codes = options.codes ?? CORRUPTIONS;
  return fc
    // fc.gen() reads a copy of the random stream without advancing it, so a filter retrying a
    // gen-only arbitrary would draw the same case forever: the leading nat advances the stream.
    .tuple(fc.nat(), feasibleProblemArbitrary(options), fc.gen())
    .map(([, original, g]): CorruptedCase | undefined => {
      const expectedCode = pick(g, codes);
      const copy: Case = structuredClone(original);
      return CORRUPTION_TABLE[expectedCode](copy, g) ? { ...copy, expectedCode } : undefined;
    })
    .filter((c): c is CorruptedCase => c !== undefined);
}
