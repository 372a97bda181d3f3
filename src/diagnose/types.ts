/**
 * What `diagnose` returns: proofs of what no timetable can deliver, and a capacity analysis.
 *
 * @module
 */

/** The unit of a finding's figures. */
export type FindingUnit = 'minutes' | 'days' | 'patients' | 'staff' | 'rooms' | 'seats' | 'sessions';

/**
 * Something no timetable can satisfy, proved from the problem alone, before any search.
 *
 * Sound by construction: every listed patient will have at least one of `requirements` unmet in
 * whatever timetable obeys the hard rules. (Per-day thresholds list two requirements: a patient
 * who cannot reach the threshold on enough days falls short either on a day or on days.)
 *
 * @example
 * ```ts
 * const finding: Finding = {
 *   code: 'availability-hours',
 *   message: 'Patient p-07 can get at most 6 hours of care this week; the minimum is 9 hours.',
 *   requirements: ['patient-min-weekly-hours'],
 *   patients: ['p-07'], services: [], staff: [], rooms: [],
 *   figures: { needed: 540, available: 360, unit: 'minutes' },
 * };
 * ```
 */
export interface Finding {
  /**
   * Stable code: `'availability-hours'`, `'availability-days'`, `'late-admission'`,
   * `'early-discharge'`, `'population-too-small'`, `'no-qualified-staff'`, `'no-staff-available'`,
   * `'no-suitable-room'`, `'room-too-small'`, `'no-room-available'`, `'daily-threshold-unreachable'`.
   */
  code: string;
  /** A sentence a clinic director understands, naming entities by id. */
  message: string;
  /** Requirement rule codes of which at least one stays unmet for every listed patient. */
  requirements: string[];
  /** Ids of the patients whose requirements it proves unmeetable. */
  patients: string[];
  /** Ids of the services concerned (empty when the finding is about hours or days in general). */
  services: string[];
  /** Ids of the staff concerned, when any. */
  staff: string[];
  /** Ids of the rooms concerned, when any. */
  rooms: string[];
  /** What is needed and the most any timetable can give, in `unit`. */
  figures: {
    /** What the requirements ask for, in `unit`. */
    needed: number;
    /** The most any timetable that obeys the hard rules can give, in `unit` (below `needed`). */
    available: number;
    /** The unit of both figures. */
    unit: FindingUnit;
  };
  /** The track concerned, when one. */
  track?: string;
}

/** Seat and staff supply and demand of one track on one day. */
export interface CapacityRow {
  /** The track's id. */
  track: string;
  /** RFC 5545 weekday, e.g. `'TU'`. */
  day: string;
  /** The calendar date of that day, `'YYYY-MM-DD'`. */
  date: string;
  /**
   * Patient-minutes of group time needed inside the track's windows this day, by the patients of
   * every track whose groups use the same rooms (each patient's group minutes spread evenly over
   * the times it could attend).
   */
  seatMinutesDemanded: number;
  /** Patient-minutes the rooms that can host the track's groups offer inside its windows this day. */
  seatMinutesOffered: number;
  /** Staff-minutes needed to lead enough groups for that demand. */
  staffMinutesNeeded: number;
  /** Staff-minutes of credentialed staff working inside the track's windows this day. */
  staffMinutesAvailable: number;
  /** The larger of demand/offer for seats and for staff (1 = exactly full; above 1 is over capacity). */
  utilisation: number;
  /** Which resource gives `utilisation`. */
  binding: 'rooms' | 'staff';
}

/** A capacity row that is over or near capacity, with a sentence. */
export interface Bottleneck {
  /** The track's id. */
  track: string;
  /** RFC 5545 weekday, e.g. `'TU'`. */
  day: string;
  /** The scarcer resource: room seats or staff time. */
  resource: 'rooms' | 'staff';
  /** Demand over supply of that resource (1 = exactly full; at least 0.9 here). */
  utilisation: number;
  /** A sentence with the demand and supply in hours, e.g. `"Track evening Tue 2026-11-24: ..."`. */
  message: string;
}

/**
 * Everything `diagnose` finds.
 *
 * @example
 * ```ts
 * const diagnosis: Diagnosis = diagnose(problem);
 * for (const finding of diagnosis.impossible) console.log(finding.message);
 * console.log(diagnosis.bottlenecks[0]?.message);
 * ```
 */
export interface Diagnosis {
  /** What no timetable can satisfy. */
  impossible: Finding[];
  /** One row per track and day the track runs. */
  capacity: CapacityRow[];
  /** Rows at 90% utilisation or more, the most loaded first. */
  bottlenecks: Bottleneck[];
  /**
   * `false` when `diagnose`'s time limit or signal was spent by the end of the checks: they may
   * have stopped early, and `impossible` holds the findings made in time (each still a proof),
   * perhaps not every one. Absent when the checks ran to the end.
   */
  complete?: false;
  /**
   * An upper bound on the patients any timetable can fully serve ({@link ServedBound}); given by
   * `diagnose` when its checks ran to the end.
   */
  bound?: ServedBound;
}

/**
 * The cut of {@link ServedBound}: one shared resource over one stretch of the week whose supply
 * cannot cover every patient who needs it there.
 */
export interface BoundCut {
  /** Room seats (seat-minutes) or staff time (staff-minutes). */
  resource: 'rooms' | 'staff';
  /** Which rooms or staff, e.g. `'rooms for process-group'`, `'staff with LCSW/LMFT'`. */
  pool: string;
  /** How many rooms or staff members the pool has. */
  members: number;
  /** The stretch of the week, e.g. `'the week'`, `'window of evening, TU'`. */
  period: string;
  /** Seat-minutes (rooms) or staff-minutes (staff) the pool offers in the period. */
  supplyMinutes: number;
  /** What the patients who need the pool there need of it, at the least, in the same unit. */
  demandMinutes: number;
  /** Patients who need the pool in the period. */
  patientsNeeding: number;
  /** The most of them whose needs fit the supply together. */
  patientsFitting: number;
}

/**
 * An upper bound on the patients any timetable can fully serve (every requirement met): no
 * solver can do better, so `served / patients` says how close a timetable is to what the week
 * allows. A relaxation, so it may be above the true optimum, never below.
 *
 * @example
 * ```ts
 * const { bound } = diagnose(problem);
 * if (bound) console.log(`at most ${bound.patients} of ${bound.total} patients can be fully served`);
 * ```
 */
export interface ServedBound {
  /** The bound: no timetable fully serves more patients. */
  patients: number;
  /** All patients of the problem. */
  total: number;
  /** Patients proven unservable on their own (a finding, or needs beyond their own availability). */
  unservable: number;
  /** Patients with nothing required this week (not enrolled or no requirement): always counted. */
  free: number;
  /** The cut that gives the bound, when a shared resource (not single patients) limits it. */
  binding?: BoundCut;
}
