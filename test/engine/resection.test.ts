import { describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine/kernel/engine.js';
import type { Time } from '../../src/engine/chains/layouts.js';
import { resectionAt } from '../../src/engine/chains/resection.js';
import type { Patient, Problem } from '../../src/model/problem.js';
import type { PlacedMeeting } from '../../src/rules/types.js';
import { applyLikeSearch, engineWith, expectScoreFromScratch, live, shortMinutes } from './engine-kit.js';
import { clinic, PROCESS_SKILLS_INDIVIDUAL } from './scenario-kit.js';

/**
 * One evening hour (Monday 18:00-19:00) of one track. Process may be led by the counsellor (CADC)
 * or the social worker (LCSW); skills and individual therapy only by the social worker. Every
 * patient needs the hour; patient `individualFor` also needs an individual session, which fits only then.
 */
function oneHourClinic(patients: number, groupRooms = 1, individualFor = 0): Problem {
  const base = clinic();
  const list: Patient[] = Array.from({ length: patients }, (_, i) => ({
    id: `p-${i}`,
    tracks: ['evening'],
    rules: { minWeeklyHours: 1, minDays: 1 },
    ...(i === individualFor ? { requires: [{ service: 'individual', min: 1 }] } : {}),
  }));
  return {
    ...base,
    tracks: [{ id: 'evening', windows: { weekly: [{ days: ['MO'], start: '18:00', end: '19:00' }] } }],
    services: structuredClone([...PROCESS_SKILLS_INDIVIDUAL]),
    staff: [
      { id: 'lcsw', credentials: ['LCSW'] },
      { id: 'cadc', credentials: ['CADC'] },
    ],
    rooms: [
      ...Array.from({ length: groupRooms }, (_, i) => ({ id: `group-${i}`, capacity: 8, features: ['group'] })),
      { id: 'office', capacity: 1, features: ['office'] },
    ],
    patients: list,
  };
}

const MONDAY_EVENING: Time = { track: 0, day: 0, start: 18 * 60, end: 19 * 60 };

function group(service: number, room: number, staff: number, patients: number[]): PlacedMeeting {
  return { id: '', service, track: 0, day: 0, start: 18 * 60, end: 19 * 60, room, telehealth: false, staff: [staff], patients, pinned: false };
}

/** Applies the move at Monday evening like the search does (kept only if no hard rule breaks). */
function resection(engine: Engine): boolean {
  return applyLikeSearch(engine, (e) => resectionAt(e, MONDAY_EVENING));
}

describe('resection-time: exact re-seating of one time of a track', () => {
  it('hands the group to the counsellor so the social worker sees the patient missing an individual session', () => {
    // Skills led by the only clinician who may give individual therapy: patient 0 goes without.
    const engine = engineWith(oneHourClinic(4), [group(1, 0, 0, [0, 1, 2, 3])]);
    expect(engine.state.score().requirement).toBeGreaterThan(0);
    expect(resection(engine)).toBe(true);
    const meetings = live(engine);
    expect(engine.state.score()).toMatchObject({ hard: 0, requirement: 0 });
    const individual = meetings.find((m) => m.service === 2);
    expect(individual).toMatchObject({ day: 0, start: 18 * 60, staff: [0], patients: [0] });
    expect(meetings.filter((m) => m.service !== 2)).toEqual([expect.objectContaining({ service: 0, staff: [1], patients: [1, 2, 3] })]);
  });

  it('merges two sections that fit in one room: the same care with one clinician fewer', () => {
    const engine = engineWith(oneHourClinic(4, 2, -1), [group(0, 0, 0, [0, 1]), group(0, 1, 1, [2, 3])]);
    expect(engine.state.score().requirement).toBe(0);
    expect(resection(engine)).toBe(true);
    const sections = live(engine);
    expect(sections).toHaveLength(1);
    expect([...sections[0]!.patients].sort()).toEqual([0, 1, 2, 3]);
    expect(engine.state.score()).toMatchObject({ hard: 0, requirement: 0 });
  });

  it('seats a patient of the track who is free at that time when a seat is open', () => {
    const engine = engineWith(oneHourClinic(4), [group(0, 0, 1, [1, 2])]);
    expect(resection(engine)).toBe(true);
    const seated = live(engine).flatMap((m) => m.patients);
    expect(new Set(seated)).toEqual(new Set([0, 1, 2, 3]));
    expect(engine.state.score().requirement).toBe(0);
  });

  it('keeps sections homogeneous while seating everyone: the teens move to the larger room', () => {
    // Room 0 seats 3, room 1 seats 8. Teens 0 and 1 sit in room 0, adults 2 and 3 in room 1,
    // teens 4 and 5 have no seat: mixing is not allowed, so the teens must take the larger room.
    const base = oneHourClinic(6, 2, -1);
    const problem: Problem = {
      ...base,
      services: base.services.map((s) => (s.kind === 'group' ? { ...s, homogeneousBy: ['age:'] } : s)),
      rooms: base.rooms.map((r) => (r.id === 'group-0' ? { ...r, capacity: 3 } : r)),
      patients: base.patients.map((p, i) => ({ ...p, tags: [i === 2 || i === 3 ? 'age:adult' : 'age:teen'] })),
    };
    const engine = engineWith(problem, [group(0, 0, 0, [0, 1]), group(0, 1, 1, [2, 3])]);
    expect(engine.state.score().requirement).toBeGreaterThan(0);
    expect(resection(engine)).toBe(true);
    const rosters = live(engine).map((m) => [m.room, [...m.patients].sort()]);
    expect(rosters.sort()).toEqual([
      [0, [2, 3]],
      [1, [0, 1, 4, 5]],
    ]);
    expect(engine.state.score()).toMatchObject({ hard: 0, requirement: 0 });
  });

  it('takes apart the individual sessions at the time too: the social worker sees the patient who needs it', () => {
    // The social worker sees patient 1, who does not need a session, one to one; patient 0, who
    // does, sits in the counsellor's group. Only with the session taken apart can the two swap.
    const problem = oneHourClinic(5);
    const session: PlacedMeeting = { ...group(2, 1, 0, [1]), track: -1 };
    const engine = engineWith(problem, [group(0, 0, 1, [0, 2, 3, 4]), session]);
    expect(shortMinutes(engine)).toBe(60);
    expect(resection(engine)).toBe(true);
    expect(engine.state.score()).toMatchObject({ hard: 0, requirement: 0 });
    const meetings = live(engine);
    expect(meetings.find((m) => m.service === 2)).toMatchObject({ staff: [0], patients: [0] });
    expect(meetings.find((m) => m.service === 0)).toMatchObject({ staff: [1], patients: [1, 2, 3, 4] });
    expectScoreFromScratch(problem, engine);
  });

  it('leaves an individual session that is already where it should be', () => {
    const problem = oneHourClinic(5);
    const session: PlacedMeeting = { ...group(2, 1, 0, [0]), track: -1 };
    const engine = engineWith(problem, [group(0, 0, 1, [1, 2, 3, 4]), session]);
    expect(engine.state.score().requirement).toBe(0);
    expect(resection(engine)).toBe(false);
  });

  it('leaves a time with a pinned section alone', () => {
    const pinned = { ...group(1, 0, 0, [0, 1, 2, 3]), pinned: true };
    const engine = engineWith(oneHourClinic(4), [pinned]);
    expect(resection(engine)).toBe(false);
    expect(live(engine)).toEqual([pinned]);
  });

  it('offers the seats it frees to up to sixteen free patients of the track, not eight', () => {
    // Two 8-seat rooms and two leaders for 20 patients who all need the hour; one section of 3
    // sits. Filling both rooms takes 13 of the 17 free patients: with 8 weighed, 11 seats at most.
    const problem = oneHourClinic(20, 2, -1);
    const engine = engineWith(problem, [group(0, 0, 1, [0, 1, 2])]);
    expect(resection(engine)).toBe(true);
    const seated = live(engine).flatMap((m) => m.patients);
    expect(new Set(seated).size).toBe(16);
    // The four left out: an hour and a day short each.
    expect(shortMinutes(engine)).toBe(4 * (60 + 60));
    expectScoreFromScratch(problem, engine);
  });

  it('agrees with checkSchedule run from scratch after the change', () => {
    const problem = oneHourClinic(5, 2);
    const engine = engineWith(problem, [group(1, 0, 0, [0, 1]), group(0, 1, 1, [2, 3, 4])]);
    expect(resection(engine)).toBe(true);
    expectScoreFromScratch(problem, engine);
  });
});
