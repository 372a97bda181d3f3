/**
 * The part of FHIR R4 that `toFhir` writes, as plain interfaces: the shipped types need no
 * `@types/fhir`. Each is assignable to its `fhir4` namesake (a test checks it), so an app using
 * `@types/fhir` can pass the bundle on as a `fhir4.Bundle`.
 *
 * @module
 */
/**
 * A code from a code system (R4 `Coding`).
 *
 * @example
 * ```ts
 * const virtual: FhirCoding = { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'VR', display: 'virtual' };
 * ```
 */
export interface FhirCoding {
  system?: string;
  code?: string;
  display?: string;
}

/**
 * A concept as codes and text (R4 `CodeableConcept`).
 *
 * @example
 * ```ts
 * const service: FhirCodeableConcept = { coding: [{ system: 'urn:iop-scheduler:service', code: 'process', display: 'Process group' }], text: 'Process group' };
 * ```
 */
export interface FhirCodeableConcept {
  coding?: FhirCoding[];
  text?: string;
}

/**
 * A business identifier (R4 `Identifier`): here always the problem's own id and the system it belongs to.
 *
 * @example
 * ```ts
 * const original: FhirIdentifier = { system: 'urn:iop-scheduler:patient', value: 'p-01' };
 * ```
 */
export interface FhirIdentifier {
  system?: string;
  value?: string;
}

/**
 * A reference to another resource (R4 `Reference`): a literal `reference` and, for people and
 * rooms, the problem's own id as `identifier`.
 *
 * @example
 * ```ts
 * const who: FhirReference = { reference: 'Patient/p-01', type: 'Patient', identifier: { system: 'urn:iop-scheduler:patient', value: 'p-01' } };
 * ```
 */
export interface FhirReference {
  reference?: string;
  type?: string;
  identifier?: FhirIdentifier;
}

/**
 * A time span (R4 `Period`), start and end as instants with the zone's offset.
 *
 * @example
 * ```ts
 * const week: FhirPeriod = { start: '2026-11-23T00:00:00-08:00', end: '2026-11-30T00:00:00-08:00' };
 * ```
 */
export interface FhirPeriod {
  start?: string;
  end?: string;
}

/**
 * The time one practitioner or location is scheduled for (R4 `Schedule`): one per actor of the week.
 *
 * @example
 * ```ts
 * const schedules = toFhir(problem, schedule).entry.map((e) => e.resource).filter((r): r is FhirSchedule => r?.resourceType === 'Schedule');
 * ```
 */
export interface FhirSchedule {
  resourceType: 'Schedule';
  id?: string;
  active?: boolean;
  actor: FhirReference[];
  planningHorizon?: FhirPeriod;
}

/**
 * A busy time on a schedule (R4 `Slot`): one meeting's time on one practitioner's or room's schedule.
 *
 * @example
 * ```ts
 * const busy = toFhir(problem, schedule).entry.filter((e) => e.resource?.resourceType === 'Slot').length;
 * ```
 */
export interface FhirSlot {
  resourceType: 'Slot';
  id?: string;
  schedule: FhirReference;
  status: 'busy' | 'free' | 'busy-unavailable' | 'busy-tentative' | 'entered-in-error';
  start: string;
  end: string;
  serviceType?: FhirCodeableConcept[];
}

/**
 * Who takes part in an appointment (R4 `Appointment.participant`).
 *
 * @example
 * ```ts
 * const p: FhirAppointmentParticipant = { actor: { reference: 'Patient/p-01' }, required: 'required', status: 'accepted' };
 * ```
 */
export interface FhirAppointmentParticipant {
  actor?: FhirReference;
  required?: 'required' | 'optional' | 'information-only';
  status: 'accepted' | 'declined' | 'tentative' | 'needs-action';
}

/**
 * One meeting as a booked or cancelled appointment (R4 `Appointment`).
 *
 * @example
 * ```ts
 * const appointments = toFhir(problem, schedule).entry.flatMap((e) => (e.resource?.resourceType === 'Appointment' ? [e.resource] : []));
 * ```
 */
export interface FhirAppointment {
  resourceType: 'Appointment';
  id?: string;
  identifier?: FhirIdentifier[];
  status: 'proposed' | 'pending' | 'booked' | 'arrived' | 'fulfilled' | 'cancelled' | 'noshow' | 'entered-in-error' | 'checked-in' | 'waitlist';
  serviceType?: FhirCodeableConcept[];
  appointmentType?: FhirCodeableConcept;
  description?: string;
  start?: string;
  end?: string;
  minutesDuration?: number;
  slot?: FhirReference[];
  participant: FhirAppointmentParticipant[];
}

/**
 * Any resource `toFhir` writes.
 *
 * @example
 * ```ts
 * const kinds = toFhir(problem, schedule).entry.map((e) => e.resource?.resourceType);
 * ```
 */
export type FhirResource = FhirSchedule | FhirSlot | FhirAppointment;

/**
 * One entry of the bundle; in a transaction it carries the `request` to execute.
 *
 * @example
 * ```ts
 * const urls = toFhir(problem, schedule, { bundleType: 'transaction' }).entry.map((e) => e.request?.url);
 * ```
 */
export interface FhirBundleEntry {
  fullUrl?: string;
  resource?: FhirResource;
  request?: { method: 'PUT' | 'DELETE'; url: string };
}

/**
 * What `toFhir` returns: an R4 `Bundle` of type `collection` or `transaction`.
 *
 * @example
 * ```ts
 * const bundle: FhirBundle = toFhir(problem, schedule);
 * const json = JSON.stringify(bundle);
 * ```
 */
export interface FhirBundle {
  resourceType: 'Bundle';
  id?: string;
  type: 'collection' | 'transaction';
  entry: FhirBundleEntry[];
}
