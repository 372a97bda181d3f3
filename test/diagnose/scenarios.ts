/**
 * Small clinics, each with one thing wrong, for the conflict-report scenario tests.
 */
import type { Patient, Problem, Service, Staff } from '../../src/model/problem.js';

const EVENING = { weekly: [{ days: ['TU', 'WE', 'TH'] as Array<'TU' | 'WE' | 'TH'>, start: '18:00', end: '21:00' }] };
const DAYTIME = { weekly: [{ days: ['MO', 'TU', 'WE', 'TH', 'FR'] as Array<'MO' | 'TU' | 'WE' | 'TH' | 'FR'>, start: '08:00', end: '17:00' }] };

const PROCESS: Service = {
  id: 'process',
  kind: 'group',
  durationMinutes: 60,
  minSize: 2,
  maxSize: 12,
  staff: [{ credentials: ['LCSW', 'LMFT'] }],
  room: { features: ['group'] },
};

function patients(prefix: string, n: number, fields: Partial<Patient> = {}): Patient[] {
  return Array.from({ length: n }, (_, i) => ({ id: `${prefix}${i + 1}`, tracks: ['evening'], ...fields }));
}

function clinic(fields: Partial<Problem>): Problem {
  return {
    timeZone: 'America/Los_Angeles',
    weekStart: '2026-11-23',
    tracks: [{ id: 'evening', windows: EVENING }],
    services: [PROCESS],
    staff: [
      { id: 'clin-1', credentials: ['LCSW'] },
      { id: 'clin-2', credentials: ['LMFT'] },
    ],
    rooms: [{ id: 'room-a', capacity: 12, features: ['group'] }],
    patients: patients('p', 4),
    ...fields,
  };
}

/** Six evening patients, one evening room of 4 seats; room-b (6 seats) is open only in the daytime. */
export function eveningOverRoomCapacity(): Problem {
  return clinic({
    rooms: [
      { id: 'room-a', capacity: 4, features: ['group'] },
      { id: 'room-b', capacity: 6, features: ['group'], availability: DAYTIME },
    ],
    patients: patients('p', 6),
  });
}

/** Patient p-x is free only Tuesday and Thursday evenings. */
export function freeOnlyTwoEvenings(): Problem {
  return clinic({
    patients: [...patients('p', 3), { id: 'p-x', tracks: ['evening'], availability: { weekly: [{ days: ['TU', 'TH'], start: '17:00', end: '22:00' }] } }],
  });
}

/** clin-1, the only clinician working evenings, calls out on Wednesday; clin-2 works days only. */
export function onlyClinicianCallsOut(): Problem {
  const staff: Staff[] = [
    { id: 'clin-1', credentials: ['LCSW'], availability: { weekly: [{ days: ['TU', 'WE', 'TH'], start: '17:00', end: '22:00' }], except: [{ date: '2026-11-25' }] } },
    { id: 'clin-2', credentials: ['LMFT'], availability: DAYTIME },
  ];
  return clinic({ staff });
}

/** One adolescent in the evening track, two in the afternoon track: a teen group needs three. */
export function adolescentsTooFew(): Problem {
  const teenGroup: Service = {
    id: 'teen-group',
    kind: 'group',
    durationMinutes: 60,
    minSize: 3,
    maxSize: 8,
    staff: [{ credentials: ['LCSW', 'LMFT'] }],
    room: { features: ['group'] },
    eligibility: { requireTags: ['age:adolescent'] },
    homogeneousBy: ['age:'],
  };
  const teen = (id: string, track: string): Patient => ({
    id,
    tracks: [track],
    tags: ['age:adolescent'],
    rules: { minWeeklyHours: 1, minDays: 1 },
    requires: [{ service: 'teen-group', min: 1 }],
  });
  return clinic({
    tracks: [
      { id: 'evening', windows: EVENING },
      { id: 'afternoon', windows: { weekly: [{ days: ['MO', 'WE', 'FR'], start: '15:00', end: '18:00' }] } },
    ],
    services: [PROCESS, teenGroup],
    patients: [...patients('p', 3, { tags: ['age:adult'] }), teen('t-1', 'evening'), teen('t-2', 'afternoon'), teen('t-3', 'afternoon')],
  });
}

/**
 * Patient p-late is admitted on Thursday and their clinic counts a partial week in full
 * (`partialWeek: 'full'`; prorated, the week would ask 4.5 hours on 2 days); the evening track runs Tue-Fri, a
 * Saturday track exists. Sessions start on the hour.
 */
export function admittedThursday(): Problem {
  return clinic({
    granularityMinutes: 60,
    tracks: [
      { id: 'evening', windows: { weekly: [{ days: ['TU', 'WE', 'TH', 'FR'], start: '18:00', end: '21:00' }] } },
      { id: 'saturday', windows: { weekly: [{ days: ['SA'], start: '10:00', end: '13:00' }] } },
    ],
    patients: [
      ...patients('p', 3),
      ...patients('s', 2, { tracks: ['saturday'], rules: { minWeeklyHours: 3, minDays: 1 } }),
      { id: 'p-late', tracks: ['evening'], admittedOn: '2026-11-26', rules: { partialWeek: 'full' } },
    ],
  });
}

/** An eating-disorder group needs a clinician and a dietitian; the only dietitian works days. */
export function coFacilitatedNoSecond(): Problem {
  const edGroup: Service = {
    id: 'ed-group',
    kind: 'group',
    durationMinutes: 60,
    minSize: 2,
    staff: [{ credentials: ['LCSW', 'LMFT'] }, { credentials: ['RD'] }],
    room: { features: ['group'] },
  };
  return clinic({
    tracks: [
      {
        id: 'evening',
        windows: { weekly: [{ days: ['TU', 'WE', 'TH'], start: '17:00', end: '21:00' }] },
        curriculum: [
          { service: 'process', min: 6 },
          { service: 'ed-group', min: 1, max: 2 },
        ],
      },
    ],
    services: [PROCESS, edGroup],
    staff: [
      { id: 'clin-1', credentials: ['LCSW'] },
      { id: 'clin-2', credentials: ['LMFT'] },
      { id: 'diet-1', credentials: ['RD'], availability: DAYTIME },
    ],
  });
}

/** Ten evening patients for one 6-seat room (90 seat-hours needed, 54 offered); the day track's room is empty. */
export function eveningRoomsBind(): Problem {
  return clinic({
    tracks: [
      { id: 'evening', windows: EVENING },
      { id: 'day', windows: { weekly: [{ days: ['MO', 'WE', 'FR'], start: '09:00', end: '12:00' }] } },
    ],
    rooms: [{ id: 'room-a', capacity: 6, features: ['group'] }],
    patients: patients('p', 10),
  });
}

/** A nutrition group needs a dietitian beside the clinician; the only dietitian is on leave all week. */
export function dietitianOnLeave(): Problem {
  const nutrition: Service = {
    id: 'nutrition-group',
    kind: 'group',
    durationMinutes: 60,
    minSize: 2,
    staff: [{ credentials: ['LCSW', 'LMFT'] }, { credentials: ['RD'] }],
    room: { features: ['group'] },
  };
  const leave = ['2026-11-24', '2026-11-25', '2026-11-26'].map((date) => ({ date }));
  return clinic({
    tracks: [{ id: 'evening', windows: EVENING, curriculum: [{ service: 'process', min: 6 }, { service: 'nutrition-group', min: 2, max: 3 }] }],
    services: [PROCESS, nutrition],
    staff: [
      { id: 'clin-1', credentials: ['LCSW'] },
      { id: 'clin-2', credentials: ['LMFT'] },
      { id: 'diet-1', credentials: ['RD'], availability: { ...EVENING, except: leave } },
    ],
  });
}

/** The evening track runs two hours a night (6 a week); patients need 9, and everyone is free until 22:00. */
export function shortTrackWindow(): Problem {
  return clinic({ tracks: [{ id: 'evening', windows: { weekly: [{ days: ['TU', 'WE', 'TH'], start: '18:00', end: '20:00' }] } }] });
}
