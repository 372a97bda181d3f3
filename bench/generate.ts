/**
 * Seeded generator of realistic IOP weeks, from a small clinic to a 10,000-patient network, for
 * benchmarks and scale tests.
 *
 * Shape: adult day and evening tracks, dual-diagnosis tracks (relapse prevention led by CADC
 * counsellors), eating-disorder tracks (a group co-facilitated by a clinician and a dietitian),
 * adolescent after-school tracks (6 hours, kept apart by `homogeneousBy: ['age:']`, family
 * therapy); one track per ~22 patients, each running three blocks a week (two cohorts side by side).
 * Patients have work or school schedules, some narrow; staff have credentials, shifts, part-time
 * limits and PTO. `tightness` sets supply against demand: group rooms, offices and staff are sized
 * to `demand / tightness`, so 0.5 is generous, 1.0 just enough in aggregate, 1.3 cannot be met.
 */
import type { Availability, Patient, Problem, Room, Service, Staff, Track, Weekday } from '../src/model/problem.js';
import { Random } from '../src/engine/kernel/random.js';

/** Options of {@link generateProgram}. */
export interface GenerateOptions {
  /** Number of patients (at least 2). */
  patients: number;
  /** PRNG seed: the same options give the same problem. Default 1. */
  seed?: number;
  /** Supply against demand: 0.5 generous, 1.0 tight, 1.3 infeasible. Default 0.8. */
  tightness?: number;
  /** Close Thursday 2026-11-26 (Thanksgiving). Default false. */
  holidays?: boolean;
  /**
   * Admit about 8% of patients mid-week and discharge about 4% (rolling census), with prorated
   * hours. They cannot meet a full week's track curriculum, so even a generous instance is then
   * not fully satisfiable. Default false.
   */
  partialWeeks?: boolean;
}

type Kind = 'adult-day' | 'adult-evening' | 'dual-diagnosis' | 'eating-disorder' | 'adolescent';
type Shift = 'day' | 'evening' | 'after-school';

interface Pattern {
  days: Weekday[];
  start: string;
  end: string;
  hours: number;
}

const KINDS: ReadonlyArray<{ kind: Kind; shift: Shift; perTrack: number; curriculum: Array<[string, number]>; patterns: Pattern[] }> = [
  {
    kind: 'adult-day', shift: 'day', perTrack: 22,
    curriculum: [['process-group', 3], ['skills-group', 3], ['psychoeducation', 3]],
    patterns: [
      { days: ['MO', 'WE', 'FR'], start: '09:00', end: '12:00', hours: 3 },
      { days: ['TU', 'WE', 'TH'], start: '09:00', end: '12:00', hours: 3 },
      { days: ['MO', 'TU', 'TH'], start: '13:00', end: '16:00', hours: 3 },
    ],
  },
  {
    kind: 'adult-evening', shift: 'evening', perTrack: 22,
    curriculum: [['process-group', 3], ['skills-group', 3], ['psychoeducation', 3]],
    patterns: [
      { days: ['TU', 'WE', 'TH'], start: '18:00', end: '21:00', hours: 3 },
      { days: ['MO', 'TU', 'TH'], start: '18:00', end: '21:00', hours: 3 },
      { days: ['MO', 'WE', 'TH'], start: '17:30', end: '20:30', hours: 3 },
    ],
  },
  {
    kind: 'dual-diagnosis', shift: 'day', perTrack: 22,
    curriculum: [['process-group', 3], ['skills-group', 3], ['relapse-prevention', 3]],
    patterns: [
      { days: ['MO', 'TU', 'TH'], start: '09:00', end: '12:00', hours: 3 },
      { days: ['TU', 'TH', 'FR'], start: '13:00', end: '16:00', hours: 3 },
    ],
  },
  {
    kind: 'eating-disorder', shift: 'evening', perTrack: 20,
    curriculum: [['process-group', 3], ['skills-group', 3], ['ed-group', 3]],
    patterns: [{ days: ['MO', 'WE', 'FR'], start: '17:00', end: '20:00', hours: 3 }],
  },
  {
    kind: 'adolescent', shift: 'after-school', perTrack: 20,
    curriculum: [['teen-process-group', 2], ['teen-skills-group', 2], ['teen-recovery-group', 2]],
    patterns: [
      { days: ['MO', 'TU', 'WE', 'TH'], start: '16:00', end: '18:00', hours: 2 },
      { days: ['MO', 'TU', 'WE', 'TH'], start: '15:30', end: '17:30', hours: 2 },
    ],
  },
];

const SHARE: Readonly<Record<Kind, number>> = { 'adult-day': 0.3, 'adult-evening': 0.3, 'dual-diagnosis': 0.15, 'eating-disorder': 0.07, adolescent: 0.18 };
const LICENSED = ['LCSW', 'LMFT', 'LPC', 'PsyD'];
const MO_FR: Weekday[] = ['MO', 'TU', 'WE', 'TH', 'FR'];
const WEEK_START = '2026-11-23';
const WEEK_DATES = ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27'];
// After-school staff stay until 21:00: family therapy is held 18:00-21:00, when parents are home.
const SHIFT_HOURS: Readonly<Record<Shift, [string, string]>> = { day: ['08:00', '17:00'], evening: ['12:00', '21:00'], 'after-school': ['12:00', '21:00'] };
/** Family sessions one family room holds in a week: three hours (18:00-21:00) a weekday. */
const FAMILY_SESSIONS_PER_ROOM = 15;
/** Hours of a typical clinician's week we plan on: part-timers and full-timers mixed. */
const STAFF_HOURS = [16, 20, 24, 32, 40];
const PLANNED_STAFF_HOURS = 26;
/** Usable office hours a week, given patients' free hours cluster before and after groups. */
const OFFICE_HOURS = 30;

/** The solver's seeded generator, started so that its state is `seed` (0 stands for 0x9e3779b9). */
function prng(seed: number): () => number {
  const random = new Random(((seed >>> 0 || 0x9e3779b9) ^ 0x9e3779b9) >>> 0);
  return () => random.next();
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function services(): Service[] {
  const group = (id: string, credentials: string[], extra: Partial<Service> = {}): Service => ({
    id, kind: 'group', durationMinutes: 60, minSize: 3, maxSize: 12, staff: [{ credentials }], room: { features: ['group-room'] }, ...extra,
  });
  const teen = { homogeneousBy: ['age:'], eligibility: { requireTags: ['age:adolescent'] }, maxSize: 10 };
  return [
    group('process-group', LICENSED, { homogeneousBy: ['age:'] }),
    group('skills-group', LICENSED, { homogeneousBy: ['age:'] }),
    group('psychoeducation', [...LICENSED, 'CADC'], { homogeneousBy: ['age:'] }),
    group('relapse-prevention', ['CADC', ...LICENSED], { eligibility: { requireTags: ['dx:substance-use'] } }),
    {
      ...group('ed-group', ['LCSW', 'LMFT']),
      // Co-facilitated: a mental-health clinician and a registered dietitian.
      staff: [{ credentials: ['LCSW', 'LMFT'] }, { credentials: ['RD'] }],
      eligibility: { requireTags: ['dx:eating-disorder'] },
      maxSize: 10,
    },
    group('teen-process-group', ['LCSW', 'LMFT'], teen),
    group('teen-skills-group', LICENSED, teen),
    group('teen-recovery-group', [...LICENSED, 'CADC'], teen),
    { id: 'individual-therapy', kind: 'individual', durationMinutes: 60, staff: [{ credentials: LICENSED }], room: { features: ['office'] }, telehealth: 'allowed' },
    { id: 'medication-management', kind: 'individual', durationMinutes: 30, staff: [{ credentials: ['PMHNP', 'MD'] }], room: { features: ['office'] }, telehealth: 'allowed' },
    {
      id: 'family-therapy', kind: 'individual', durationMinutes: 60, withFamily: true,
      staff: [{ credentials: ['LMFT', 'LCSW'] }], room: { features: ['family-room'] }, telehealth: 'allowed',
    },
  ];
}

function clockOf(minutes: number): string {
  return `${pad(Math.floor(minutes / 60), 2)}:${pad(minutes % 60, 2)}`;
}

/** Patient availability by life situation, around the hours of the patient's track. */
function patientAvailability(shift: Shift, random: () => number, pattern: Pattern): Availability | undefined {
  const [h, m] = pattern.start.split(':').map(Number) as [number, number];
  const start = h * 60 + m;
  const end = start + pattern.hours * 60;
  const around = (days: Weekday[], before: number, after: number): Availability => ({
    weekly: [{ days, start: clockOf(start - before), end: clockOf(Math.min(1440, end + after)) }],
  });
  const roll = random();
  if (shift === 'day') {
    if (roll < 0.35) return undefined; // not working
    if (roll < 0.65) return around(MO_FR, 60, 120); // night shift: sleeps in the afternoon
    if (roll < 0.9) return around(MO_FR, 30, 240); // student with evening classes
    return around(pattern.days, 30, 60); // narrow: childcare on programme days only
  }
  if (shift === 'evening') {
    if (roll < 0.6) return around(MO_FR, 60, 0); // day worker
    if (roll < 0.85) return { weekly: [{ days: MO_FR, start: '12:00', end: '13:00' }, ...around(MO_FR, 90, 0).weekly!] }; // telehealth at lunch
    return around(pattern.days, 60, 0); // narrow
  }
  // School until 15:00; evenings at home, where family sessions (18:00-21:00) take place.
  return { weekly: [{ days: MO_FR, start: '15:15', end: '21:00' }, { days: ['SA'], start: '09:00', end: '13:00' }] };
}

/**
 * A seeded, realistic IOP week of `patients` patients (30 to 10,000 and beyond). Same options,
 * same problem. Valid by construction (tests run `validateProblem` on it).
 *
 * @example
 * ```ts
 * const problem = generateProgram({ patients: 3000, seed: 7, tightness: 0.9 });
 * const { report } = solve(problem, { seed: 1, timeLimitMs: 30_000 });
 * ```
 */
export function generateProgram(options: GenerateOptions): Problem {
  const count = Math.max(2, Math.floor(options.patients));
  const tightness = Math.min(3, Math.max(0.1, options.tightness ?? 0.8));
  const random = prng(options.seed ?? 1);
  const partialWeeks = options.partialWeeks ?? false;
  const int = (n: number): number => Math.floor(random() * n);

  // Populations, then tracks of each kind: one per ~20-22 patients.
  const kinds = count < 60 ? KINDS.filter((k) => k.kind === 'adult-day' || k.kind === 'adult-evening') : KINDS;
  const share = kinds.reduce((sum, k) => sum + SHARE[k.kind], 0);
  let assigned = 0;
  const populations = kinds.map((k, i) => {
    const n = i === kinds.length - 1 ? count - assigned : Math.round((count * SHARE[k.kind]) / share);
    assigned += n;
    return { ...k, n, tracks: Math.max(1, Math.ceil(n / k.perTrack)) };
  });

  const tracks: Track[] = [];
  const patients: Patient[] = [];
  // Concurrent cohorts per weekday and half hour: the group rooms needed at the busiest moment.
  const concurrent = new Map<string, number>();
  const groupHours: Record<Shift, number> = { day: 0, evening: 0, 'after-school': 0 };
  const patientsByShift: Record<Shift, number> = { day: 0, evening: 0, 'after-school': 0 };
  let edCohortHours = 0;
  // Eating-disorder cohorts meeting at once: each of their groups needs a dietitian in the room.
  const edConcurrent = new Map<string, number>();
  let familyDemand = 0;
  let familyInPerson = 0;
  let medicationDemand = 0;
  for (const population of populations) {
    for (let t = 0; t < population.tracks; t++) {
      const pattern = population.patterns[t % population.patterns.length]!;
      const id = `${population.kind}-${pad(t + 1, 3)}`;
      const size = Math.floor(population.n / population.tracks) + (t < population.n % population.tracks ? 1 : 0);
      if (size === 0) continue;
      // Cohorts of 11 (10 where the groups seat 10: eating-disorder and adolescent groups).
      const cohorts = Math.ceil(size / (population.kind === 'eating-disorder' || population.kind === 'adolescent' ? 10 : 11));
      tracks.push({
        id,
        windows: { weekly: [{ days: pattern.days, start: pattern.start, end: pattern.end }] },
        curriculum: population.curriculum.map(([service, min]) => ({ service, min, max: min + 2 })),
        ...(population.kind === 'adolescent' ? { rules: { minWeeklyHours: 6, maxWeeklyHours: 12 } } : {}),
      });
      groupHours[population.shift] += cohorts * pattern.days.length * pattern.hours;
      if (population.kind === 'eating-disorder') edCohortHours += cohorts * 3;
      const [h, m] = pattern.start.split(':').map(Number) as [number, number];
      for (const day of pattern.days) {
        for (let half = 0; half < pattern.hours * 2; half++) {
          const key = `${day}@${h * 2 + m / 30 + half}`;
          concurrent.set(key, (concurrent.get(key) ?? 0) + cohorts);
          if (population.kind === 'eating-disorder') edConcurrent.set(key, (edConcurrent.get(key) ?? 0) + cohorts);
        }
      }
      for (let i = 0; i < size; i++) {
        const patient: Patient = {
          id: `p-${pad(patients.length + 1, 5)}`,
          tracks: [id],
          tags: [population.kind === 'adolescent' ? 'age:adolescent' : 'age:adult'],
          requires: [{ service: 'individual-therapy', min: 1, max: 1 }],
        };
        if (population.kind === 'dual-diagnosis') patient.tags!.push('dx:substance-use');
        if (population.kind === 'eating-disorder') patient.tags!.push('dx:eating-disorder');
        if (random() < 0.5) patient.tags!.push(random() < 0.5 ? 'gender:female' : 'gender:male');
        const availability = patientAvailability(population.shift, random, pattern);
        if (availability) patient.availability = availability;
        if (random() < 0.3) patient.telehealth = true;
        else if (population.kind === 'adolescent') familyInPerson += 1;
        if (random() < 0.25) {
          patient.requires!.push({ service: 'medication-management', min: 1, max: 1 });
          medicationDemand += 0.5;
        }
        if (population.kind === 'adolescent') {
          patient.familyAvailability = { weekly: [{ days: [MO_FR[int(5)]!, MO_FR[int(5)]!], start: '18:00', end: '21:00' }] };
          patient.requires!.push({ service: 'family-therapy', min: 1, max: 1 });
          familyDemand += 1;
        }
        // Rolling census: intake and discharge weeks are partial, with prorated hours (the track
        // curriculum still asks for a full week, so these patients stay short of it).
        const admitted = random() < 0.08 ? WEEK_DATES[1 + int(2)]! : undefined;
        const discharged = random() < 0.04 ? WEEK_DATES[3 + int(2)]! : undefined;
        if (partialWeeks && (admitted ?? discharged) !== undefined) {
          if (admitted !== undefined) patient.admittedOn = admitted;
          else patient.dischargedOn = discharged!;
          patient.rules = { minWeeklyHours: 2, minDays: 1 };
        }
        if (random() < 0.01 && i > 0) patient.avoid = [patients[patients.length - 1]!.id];
        if (random() < 0.15) patient.preferences = { avoidDays: [pattern.days[int(pattern.days.length)]!] };
        patientsByShift[population.shift] += 1;
        patients.push(patient);
      }
    }
  }

  // Staff: per shift, licensed clinicians for groups and individual therapy, CADC counsellors,
  // dietitians for the eating-disorder groups, psychiatric NPs. Sized to demand / tightness.
  const staff: Staff[] = [];
  const addStaff = (credentials: string[], shift: Shift, hours: number): Staff => {
    const [start, end] = SHIFT_HOURS[shift];
    const member: Staff = {
      id: `s-${pad(staff.length + 1, 4)}`,
      credentials,
      availability: { weekly: [{ days: MO_FR, start, end }, ...(shift === 'after-school' && random() < 0.3 ? [{ days: ['SA' as Weekday], start: '09:00', end: '12:00' }] : [])] },
      maxWeeklyHours: hours,
      maxDailyHours: 8,
    };
    // PTO: a day off this week for about one in ten.
    if (random() < 0.1) member.availability!.except = [{ date: WEEK_DATES[int(5)]! }];
    if (random() < 0.5) member.tags = [random() < 0.6 ? 'gender:female' : 'gender:male'];
    staff.push(member);
    return member;
  };
  const staffNeeded = (hours: number, perMember = PLANNED_STAFF_HOURS): number => Math.max(1, Math.ceil((hours * tightness ** -1) / perMember));
  for (const shift of ['day', 'evening', 'after-school'] as const) {
    if (patientsByShift[shift] === 0) continue;
    const licensedHours = groupHours[shift] * 0.75 + patientsByShift[shift] + (shift === 'after-school' ? familyDemand : 0);
    const firstClinician = staff.length;
    for (let i = staffNeeded(licensedHours); i > 0; i--) {
      const credential = shift === 'after-school' && i % 2 === 0 ? 'LMFT' : LICENSED[int(LICENSED.length)]!;
      addStaff([credential], shift, STAFF_HOURS[int(STAFF_HOURS.length)]!);
    }
    for (let i = staffNeeded(groupHours[shift] * 0.25, 20); i > 0; i--) addStaff(['CADC'], shift, 20);
    const clinicians = staff.slice(firstClinician).filter((s) => s.credentials.some((c) => LICENSED.includes(c)));
    patients.forEach((p) => {
      const kind = KINDS.find((k) => p.tracks[0]!.startsWith(k.kind))!;
      if (kind.shift === shift && clinicians.length > 0) p.primaryStaff = clinicians[int(clinicians.length)]!.id;
    });
  }
  // Dietitians for the hours of eating-disorder groups, and enough to sit in every cohort's group
  // when all cohorts meet at once (their tracks share the same evenings).
  const edPeak = Math.max(0, ...edConcurrent.values());
  const dietitians = edCohortHours > 0 ? Math.max(staffNeeded(edCohortHours, 16), Math.ceil(edPeak / tightness)) : 0;
  for (let i = dietitians; i > 0; i--) addStaff(['RD'], 'evening', 16);
  for (let i = staffNeeded(medicationDemand, 32); i > 0; i--) {
    const member = addStaff(['PMHNP'], 'day', 32);
    member.availability = { weekly: [{ days: MO_FR, start: '08:00', end: '20:00' }] };
  }

  const peak = Math.max(1, ...concurrent.values());
  const rooms: Room[] = [];
  for (let i = Math.ceil(peak / tightness); i > 0; i--) rooms.push({ id: `r-group-${pad(rooms.length + 1, 4)}`, capacity: 10 + int(3), features: ['group-room'] });
  const individualHours = count + medicationDemand;
  for (let i = Math.max(1, Math.ceil((individualHours * 0.7) / OFFICE_HOURS / tightness)); i > 0; i--) {
    rooms.push({ id: `r-office-${pad(rooms.length + 1, 4)}`, capacity: 2, features: ['office'] });
  }
  // Family rooms for the families who come in (telehealth patients may meet by video).
  for (let i = familyInPerson > 0 ? Math.ceil(familyInPerson / FAMILY_SESSIONS_PER_ROOM / tightness) : 0; i > 0; i--) {
    rooms.push({ id: `r-family-${pad(rooms.length + 1, 4)}`, capacity: 6, features: ['family-room', 'office'] });
  }

  return {
    timeZone: 'America/Los_Angeles',
    weekStart: WEEK_START,
    granularityMinutes: 15,
    ...(options.holidays ? { closedDates: ['2026-11-26'] } : {}),
    tracks,
    services: services(),
    staff,
    rooms,
    patients,
  };
}
