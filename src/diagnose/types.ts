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
 *   message: 'Patient p-07 can attend at most 6 hours of the evening track (Tue, Thu); 9 are required.',
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
  patients: string[];
  services: string[];
  staff: string[];
  rooms: string[];
  /** What is needed and the most any timetable can give, in `unit`. */
  figures: { needed: number; available: number; unit: FindingUnit };
  /** The track concerned, when one. */
  track?: string;
}

/** Seat and staff supply and demand of one track on one day. */
export interface CapacityRow {
  track: string;
  /** RFC 5545 weekday, e.g. `'TU'`. */
  day: string;
  date: string;
  /** Patient-minutes of track group time the track's patients need this day (their weekly minimum spread over their possible days). */
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
  track: string;
  day: string;
  resource: 'rooms' | 'staff';
  utilisation: number;
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
}
