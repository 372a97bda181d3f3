import { describe, expect, it } from 'vitest';
import { reseatPatient } from '../../src/engine/chains/reseat.js';
import type { Engine } from '../../src/engine/kernel/engine.js';
import type { Patient, Problem } from '../../src/model/problem.js';
import type { PlacedMeeting } from '../../src/rules/types.js';
import { applyLikeSearch, engineWith, expectScoreFromScratch, live, shortMinutes } from './engine-kit.js';
import { clinic, PROCESS_SKILLS_INDIVIDUAL } from './scenario-kit.js';

/**
 * One evening track, Monday 18:00-20:00 (`hours` of them from 18:00), with a curriculum of one
 * process and one skills group a week; every patient may come from 17:00. Two clinicians who may
 * lead anything, two group rooms and an office.
 */
function eveningClinic(patients: Patient[], hours = 2, processMax = 8): Problem {
  const services = structuredClone([...PROCESS_SKILLS_INDIVIDUAL]);
  services[0]!.maxSize = processMax;
  return {
    ...clinic(),
    tracks: [
      {
        id: 'evening',
        windows: { weekly: [{ days: ['MO'], start: '18:00', end: `${18 + hours}:00` }] },
        curriculum: [
          { service: 'process', min: 1 },
          { service: 'skills', min: 1 },
        ],
      },
    ],
    services,
    staff: [
      { id: 'lcsw-1', credentials: ['LCSW'] },
      { id: 'lcsw-2', credentials: ['LCSW'] },
    ],
    rooms: [
      { id: 'group-a', capacity: 8, features: ['group'] },
      { id: 'group-b', capacity: 8, features: ['group'] },
      { id: 'office', capacity: 1, features: ['office'] },
    ],
    patients,
  };
}

function patients(count: number, extra: Partial<Patient> = {}): Patient[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `p-${i}`,
    tracks: ['evening'],
    availability: { weekly: [{ days: ['MO'], start: '17:00', end: '20:00' }] },
    rules: { minWeeklyHours: 1, minDays: 1 },
    ...extra,
  }));
}

/** A group of the track on Monday at `hour`:00 for an hour. */
function group(service: number, hour: number, room: number, staff: number, members: number[]): PlacedMeeting {
  return { id: '', service, track: 0, day: 0, start: hour * 60, end: (hour + 1) * 60, room, telehealth: false, staff: [staff], patients: members, pinned: false };
}

function sessionsOf(engine: Engine, p: number, service: number): number {
  return live(engine).filter((m) => m.service === service && m.patients.includes(p)).length;
}

describe('reseat-patient: exact re-seating of one patient across the week', () => {
  it('trades a second process group for the skills group the patient lacks, at the same hour', () => {
    // Patient 0 sits in process at 18:00 and at 19:00; the 19:00 skills section has seats.
    const problem = eveningClinic(patients(5));
    const engine = engineWith(problem, [
      group(0, 18, 0, 0, [0, 1, 2]),
      group(1, 18, 1, 1, [3, 4]),
      group(0, 19, 0, 0, [0, 3, 4]),
      group(1, 19, 1, 1, [1, 2]),
    ]);
    expect(shortMinutes(engine)).toBeGreaterThan(0);
    expect(applyLikeSearch(engine, (e) => reseatPatient(e, 0, false))).toBe(true);
    expect(sessionsOf(engine, 0, 0)).toBe(1);
    expect(sessionsOf(engine, 0, 1)).toBe(1);
    expect(engine.state.score()).toMatchObject({ hard: 0, requirement: 0 });
    expectScoreFromScratch(problem, engine);
  });

  it('moves an individual session out of the way of the group hour the patient needs', () => {
    // Patient 0's individual session at 19:00 holds the only skills hour; 17:00 is free for it.
    const problem = eveningClinic(patients(5).map((p, i) => (i === 0 ? { ...p, requires: [{ service: 'individual', min: 1, max: 1 }] } : p)));
    const individual: PlacedMeeting = { id: '', service: 2, track: -1, day: 0, start: 19 * 60, end: 20 * 60, room: 2, telehealth: false, staff: [1], patients: [0], pinned: false };
    const engine = engineWith(problem, [group(0, 18, 0, 0, [0, 1, 2, 3, 4]), group(1, 19, 0, 0, [1, 2, 3, 4]), individual]);
    expect(shortMinutes(engine)).toBeGreaterThan(0);
    // Without lifting the individual session nothing better exists.
    expect(applyLikeSearch(engine, (e) => reseatPatient(e, 0, false))).toBe(false);
    expect(shortMinutes(engine)).toBeGreaterThan(0);
    expect(applyLikeSearch(engine, (e) => reseatPatient(e, 0, true))).toBe(true);
    expect(sessionsOf(engine, 0, 1)).toBe(1);
    expect(live(engine).find((m) => m.service === 2)).toMatchObject({ start: 17 * 60, patients: [0] });
    expect(engine.state.score()).toMatchObject({ hard: 0, requirement: 0 });
    expectScoreFromScratch(problem, engine);
  });

  it('leaves the timetable as it was when the seats the patient has are already the best (nothing to score)', () => {
    const problem = eveningClinic(patients(5));
    const start = [group(0, 18, 0, 0, [0, 1, 2]), group(1, 18, 1, 1, [3, 4]), group(1, 19, 0, 0, [0, 3, 4]), group(0, 19, 1, 1, [1, 2])];
    const engine = engineWith(problem, start);
    expect(reseatPatient(engine, 0, false)).toBe(false);
    expect(live(engine)).toEqual(start);
  });
});
