/**
 * FHIR R4 export of a week: the Schedule, Slot and Appointment resources an EHR exchanges
 * (Epic, Cerner and athenahealth speak R4 scheduling), as one Bundle.
 *
 * Choices where R4 leaves room, and why:
 * - Ids and `fullUrl`s are name-based UUIDs (version 5) of the week, the meeting and the role it
 *   fills, so the same week always gives the same bundle, and re-sending a re-planned week as a
 *   transaction updates the resources it sent before instead of adding new ones.
 * - A meeting's Slot on a practitioner is keyed by the staff seat, not the member, so a change of
 *   clinician updates the slot (moves it to the new member's Schedule) rather than leaving one behind.
 * - Telehealth: R4 has no element for it (R5 added `Appointment.virtualService`), and extensions
 *   were ruled out. The appointment has no Location participant, and its `appointmentType` is the
 *   HL7 v3 ActCode R4 itself uses for the same distinction on `Encounter.class`: `AMB`
 *   (ambulatory) in person, `VR` (virtual) by telehealth. The binding of `appointmentType` is
 *   *preferred*, so another code system is allowed, and the EHR maps it 1:1 to the encounter.
 * - Group or individual is said in `description` (free text); R4 has no coded element for it.
 * - Nothing about a patient is written but the opaque id (ids carry no PHI): no names, no display.
 */
import type { Problem } from '../model/problem.js';
import type { Meeting, Schedule } from '../model/schedule.js';
import { addDays } from '../time/week.js';
import { toOffsetIso } from '../time/zone.js';
import { fhirId, uuidV5 } from './fhir-ids.js';
import type {
  FhirAppointment,
  FhirAppointmentParticipant,
  FhirBundle,
  FhirBundleEntry,
  FhirCodeableConcept,
  FhirReference,
  FhirResource,
  FhirSchedule,
  FhirSlot,
} from './fhir-types.js';
import { namesOf, type Names } from './names.js';
import { meetingsOf, type Subject } from './select.js';

/**
 * Who takes part: a patient, a staff member (Practitioner) or a room (Location).
 *
 * @example
 * ```ts
 * const systems: Partial<Record<FhirActorKind, string>> = { patient: 'https://clinic.example/iop/patient' };
 * ```
 */
export type FhirActorKind = 'patient' | 'staff' | 'room';

/**
 * Options of {@link toFhir}.
 *
 * @example
 * ```ts
 * const options: FhirOptions = { for: { staff: 'clin-1' }, cancelled: replanned.cancelled ?? [], bundleType: 'transaction' };
 * ```
 */
export interface FhirOptions {
  /** Only the meetings of one patient, staff member or room (and the Schedules they occupy). Default: every meeting. */
  for?: Subject;
  /**
   * Meetings no longer held (what `replan` calls `cancelled`): each becomes an Appointment with
   * status `cancelled` and no Slot; a transaction also deletes the Slots it had.
   */
  cancelled?: readonly Meeting[];
  /**
   * The EHR's reference of a patient, staff member or room, from the problem's id. Default
   * `Patient/<id>`, `Practitioner/<id>` and `Location/<id>`, the id made FHIR-safe when it is not
   * (`[A-Za-z0-9\-.]{1,64}`: kept as is; otherwise sanitised with a hash, see `identifier`).
   */
  references?: Partial<Record<FhirActorKind, (id: string) => string>>;
  /**
   * `Identifier.system` of the problem's own ids: of a reference's `identifier`, which carries the
   * id whenever the reference does not hold it verbatim (a FHIR-safe id made from it, or a mapped
   * reference); of each Appointment's identifier (the meeting id); of each serviceType coding (the
   * service id). Default `urn:iop-scheduler:<kind>`.
   */
  systems?: Partial<Record<FhirActorKind | 'service' | 'meeting', string>>;
  /** Mixed into every UUID, so two clinics' bundles never share one. Default `'iop-scheduler'`. */
  namespace?: string;
  /**
   * `'collection'` (default): the resources. `'transaction'`: each resource with a `PUT` to its
   * id (update as create: the server must accept client ids), and a `DELETE` of every Slot of a
   * cancelled meeting, so sending a re-planned week updates what the last one wrote.
   */
  bundleType?: 'collection' | 'transaction';
}

const RESOURCE_TYPE: Record<FhirActorKind, 'Patient' | 'Practitioner' | 'Location'> = { patient: 'Patient', staff: 'Practitioner', room: 'Location' };
const ACT_CODE = 'http://terminology.hl7.org/CodeSystem/v3-ActCode';
/** The FHIR `instant` datatype, as the R4 JSON Schema writes it, simplified to its shape. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * The week as a FHIR R4 Bundle: a Schedule per practitioner and per room the week uses (its
 * `planningHorizon` the week), a busy Slot per meeting on each of those Schedules it occupies, and
 * an Appointment per meeting (booked, or cancelled for `options.cancelled`) with its patients,
 * practitioners and room as participants, its service as `serviceType`. Deterministic: the same
 * week and options give the same JSON.
 *
 * @throws {RangeError} when `options.for` names an unknown id, a meeting's `startsAt`/`endsAt` is
 * not an instant with an offset or does not end after it starts, or a cancelled meeting is still held.
 *
 * @example
 * ```ts
 * import { writeFileSync } from 'node:fs';
 * const { schedule } = solve(problem, { seed: 1 });
 * writeFileSync('week.fhir.json', JSON.stringify(toFhir(problem, schedule), null, 2));
 * // The EHR's own references, and a transaction that updates what the last one wrote:
 * const bundle = toFhir(problem, schedule, {
 *   references: { patient: (id) => `Patient/${ehrIds.get(id)}` },
 *   systems: { patient: 'https://clinic.example/fhir/iop-patient-id' },
 *   bundleType: 'transaction',
 * });
 * ```
 */
export function toFhir(problem: Problem, schedule: Schedule, options: FhirOptions = {}): FhirBundle {
  const subject = options.for ?? {};
  const held = meetingsOf(problem, schedule, subject);
  const heldIds = new Set(schedule.meetings.map((meeting) => meeting.id));
  const cancelled = meetingsOf(problem, { ...schedule, meetings: [...(options.cancelled ?? [])] }, subject);
  for (const meeting of cancelled) {
    if (heldIds.has(meeting.id)) throw new RangeError(`Meeting '${meeting.id}' is both held and cancelled.`);
  }
  const writer = new BundleWriter(problem, schedule, options);
  for (const kind of ['staff', 'room'] as const) {
    const ids = new Set(held.flatMap((meeting) => (kind === 'staff' ? meeting.staff : meeting.room === null ? [] : [meeting.room])));
    for (const id of [...ids].sort()) writer.put(writer.schedule(kind, id));
  }
  for (const meeting of held) {
    const slots = writer.slots(meeting).map((slot) => writer.put(slot));
    writer.put(writer.appointment(meeting, 'booked', slots));
  }
  for (const meeting of cancelled) {
    writer.put(writer.appointment(meeting, 'cancelled', []));
    writer.deleteSlots(meeting);
  }
  return writer.bundle(JSON.stringify([subject.patient ?? null, subject.staff ?? null, subject.room ?? null]));
}

/** Builds the resources of one bundle, and its entries in order. */
class BundleWriter {
  readonly #schedule: Schedule;
  readonly #options: FhirOptions;
  readonly #names: Names;
  readonly #kinds: Map<string, 'group' | 'individual'>;
  readonly #entries: FhirBundleEntry[] = [];
  readonly #transaction: boolean;
  readonly #horizon: { start: string; end: string };

  constructor(problem: Problem, schedule: Schedule, options: FhirOptions) {
    this.#schedule = schedule;
    this.#options = options;
    this.#names = namesOf(problem);
    this.#kinds = new Map(problem.services.map((service) => [service.id, service.kind]));
    this.#transaction = options.bundleType === 'transaction';
    this.#horizon = { start: toOffsetIso(schedule.weekStart, '00:00', schedule.timeZone), end: toOffsetIso(addDays(schedule.weekStart, 7), '00:00', schedule.timeZone) };
  }

  /** The UUID of a resource, from the namespace, the week and what the resource stands for. */
  uuid(...parts: string[]): string {
    return uuidV5(JSON.stringify([this.#options.namespace ?? 'iop-scheduler', this.#schedule.weekStart, ...parts]));
  }

  /** Adds `resource` (with a PUT in a transaction); returns the reference to it inside the bundle. */
  put(resource: FhirResource & { id: string }): FhirReference {
    const fullUrl = `urn:uuid:${resource.id}`;
    this.#entries.push({ fullUrl, resource, ...(this.#transaction ? { request: { method: 'PUT', url: `${resource.resourceType}/${resource.id}` } } : {}) });
    return { reference: fullUrl };
  }

  /** In a transaction, deletes the Slots a meeting had (its keys do not depend on who filled them). */
  deleteSlots(meeting: Meeting): void {
    if (!this.#transaction) return;
    for (const key of this.#slotKeys(meeting)) this.#entries.push({ request: { method: 'DELETE', url: `Slot/${this.uuid('Slot', meeting.id, ...key.seat)}` } });
  }

  bundle(subjectKey: string): FhirBundle {
    return { resourceType: 'Bundle', id: this.uuid('Bundle', subjectKey), type: this.#transaction ? 'transaction' : 'collection', entry: this.#entries };
  }

  /** A reference to a person or room; with the problem's id as `identifier` whenever the reference does not hold it verbatim. */
  reference(kind: FhirActorKind, id: string): FhirReference {
    const map = this.#options.references?.[kind];
    const reference = map === undefined ? `${RESOURCE_TYPE[kind]}/${fhirId(id)}` : map(id);
    const verbatim = reference === `${RESOURCE_TYPE[kind]}/${id}`;
    return { reference, type: RESOURCE_TYPE[kind], ...(verbatim ? {} : { identifier: { system: this.#system(kind), value: id } }) };
  }

  schedule(kind: 'staff' | 'room', id: string): FhirSchedule & { id: string } {
    return { resourceType: 'Schedule', id: this.uuid('Schedule', kind, id), active: true, actor: [this.reference(kind, id)], planningHorizon: { ...this.#horizon } };
  }

  slots(meeting: Meeting): Array<FhirSlot & { id: string }> {
    const { start, end } = instants(meeting);
    return this.#slotKeys(meeting).map(({ kind, id, seat }) => ({
      resourceType: 'Slot',
      id: this.uuid('Slot', meeting.id, ...seat),
      schedule: { reference: `urn:uuid:${this.uuid('Schedule', kind, id)}` },
      status: 'busy',
      start,
      end,
      serviceType: [this.#serviceType(meeting.service)],
    }));
  }

  appointment(meeting: Meeting, status: 'booked' | 'cancelled', slots: FhirReference[]): FhirAppointment & { id: string } {
    const { start, end, minutes } = instants(meeting);
    const telehealth = meeting.mode === 'telehealth' || meeting.room === null;
    const participant = (kind: FhirActorKind, id: string): FhirAppointmentParticipant => ({ actor: this.reference(kind, id), required: 'required', status: 'accepted' });
    return {
      resourceType: 'Appointment',
      id: this.uuid('Appointment', meeting.id),
      identifier: [{ system: this.#system('meeting'), value: meeting.id }],
      status,
      serviceType: [this.#serviceType(meeting.service)],
      appointmentType: telehealth
        ? { coding: [{ system: ACT_CODE, code: 'VR', display: 'virtual' }], text: 'Telehealth' }
        : { coding: [{ system: ACT_CODE, code: 'AMB', display: 'ambulatory' }], text: 'In person' },
      description: this.#describe(meeting, telehealth),
      start,
      end,
      minutesDuration: minutes,
      ...(slots.length > 0 ? { slot: slots } : {}),
      participant: [
        ...meeting.patients.map((id) => participant('patient', id)),
        ...meeting.staff.map((id) => participant('staff', id)),
        ...(telehealth || meeting.room === null ? [] : [participant('room', meeting.room)]),
      ],
    };
  }

  #slotKeys(meeting: Meeting): Array<{ kind: 'staff' | 'room'; id: string; seat: string[] }> {
    const keys = meeting.staff.map((id, seat) => ({ kind: 'staff' as const, id, seat: ['staff', String(seat)] }));
    return meeting.mode === 'telehealth' || meeting.room === null ? keys : [...keys, { kind: 'room', id: meeting.room, seat: ['room'] }];
  }

  /** Which service, group or individual (and of how many), in person or telehealth: no one is named. */
  #describe(meeting: Meeting, telehealth: boolean): string {
    const size = meeting.patients.length;
    const group = (this.#kinds.get(meeting.service) ?? (size === 1 ? 'individual' : 'group')) === 'group';
    const kind = group ? `group session of ${size} patient${size === 1 ? '' : 's'}` : 'individual session';
    return `${this.#names.service(meeting.service)}: ${kind}, ${telehealth ? 'telehealth' : 'in person'}`;
  }

  #serviceType(service: string): FhirCodeableConcept {
    const name = this.#names.service(service);
    // A code has no leading, trailing or double whitespace: other ids are made FHIR-safe.
    const code = /^\S+( \S+)*$/.test(service) ? service : fhirId(service);
    return { coding: [{ system: this.#system('service'), code, display: name }], text: name };
  }

  #system(kind: FhirActorKind | 'service' | 'meeting'): string {
    return this.#options.systems?.[kind] ?? `urn:iop-scheduler:${kind}`;
  }
}

/** A meeting's start and end as FHIR instants (its own `startsAt`/`endsAt`) and its real minutes. */
function instants(meeting: Meeting): { start: string; end: string; minutes: number } {
  const start = Date.parse(meeting.startsAt);
  const end = Date.parse(meeting.endsAt);
  if (!INSTANT.test(meeting.startsAt) || !INSTANT.test(meeting.endsAt) || Number.isNaN(start) || Number.isNaN(end)) {
    throw new RangeError(`Meeting '${meeting.id}' has a start or end that is not an instant with an offset (${meeting.startsAt}, ${meeting.endsAt}).`);
  }
  if (end <= start) throw new RangeError(`Meeting '${meeting.id}' ends (${meeting.endsAt}) before it starts (${meeting.startsAt}).`);
  return { start: meeting.startsAt, end: meeting.endsAt, minutes: Math.max(1, Math.round((end - start) / 60_000)) };
}
