import { describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine/kernel/engine.js';
import { closeGroup } from '../../src/engine/moves/close-group.js';
import { consolidateGroup } from '../../src/engine/moves/consolidate-group.js';
import type { Problem } from '../../src/model/problem.js';
import type { PlacedMeeting } from '../../src/rules/types.js';
import { applyLikeSearch, engineWith, expectScoreFromScratch, live, reportFromScratch } from './engine-kit.js';
import { clinic } from './scenario-kit.js';

/**
 * One evening of one track, two hours (Monday 18:00-20:00), one group room of 8 seats and two
 * clinicians. Every patient needs one hour of care.
 */
function twoHourClinic(patients: number): Problem {
  return {
    ...clinic(),
    tracks: [{ id: 'evening', windows: { weekly: [{ days: ['MO'], start: '18:00', end: '20:00' }] } }],
    services: [{ id: 'process', kind: 'group', durationMinutes: 60, minSize: 2, maxSize: 8, staff: [{ credentials: ['LCSW'] }], room: { features: ['group'] } }],
    staff: [
      { id: 'lcsw-1', credentials: ['LCSW'] },
      { id: 'lcsw-2', credentials: ['LCSW'] },
    ],
    rooms: [{ id: 'group-a', capacity: 8, features: ['group'] }],
    patients: Array.from({ length: patients }, (_, i) => ({ id: `p-${i}`, tracks: ['evening'], rules: { minWeeklyHours: 1, minDays: 1 } })),
  };
}

function group(startHour: number, staff: number, patients: number[]): PlacedMeeting {
  return { id: '', service: 0, track: 0, day: 0, start: startHour * 60, end: (startHour + 1) * 60, room: 0, telehealth: false, staff: [staff], patients, pinned: false };
}

/** The staffed-hours penalty of the engine's timetable, read by checkSchedule from scratch. */
function staffedPenalty(problem: Problem, engine: Engine): number {
  return reportFromScratch(problem, engine).byRule.find((row) => row.rule === 'staffed-hours')!.penalty;
}

describe('consolidate-group: closing a group whose patients find their hour at another time', () => {
  // Two half-full groups an hour apart; each patient needs one hour, so one group can hold all.
  const halves = (): PlacedMeeting[] => [group(18, 0, [0, 1, 2, 3]), group(19, 1, [4, 5, 6, 7])];

  it('closes one group and seats its patients in the other, saving a staffed hour and leaving nobody short', () => {
    const problem = twoHourClinic(8);
    const engine = engineWith(problem, halves());
    expect(engine.state.score().requirement).toBe(0);
    const staffedBefore = staffedPenalty(problem, engine);
    expect(applyLikeSearch(engine, consolidateGroup)).toBe(true);
    const meetings = live(engine);
    expect(meetings).toHaveLength(1);
    expect([...meetings[0]!.patients].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    const after = engine.state.score();
    expect(after.requirement).toBe(0);
    expect(after.hard).toBe(0);
    expect(staffedPenalty(problem, engine)).toBe(staffedBefore / 2);
  });

  it('is what close-group alone cannot do: without the other time, the closed group leaves its patients short', () => {
    const engine = engineWith(twoHourClinic(8), halves());
    expect(applyLikeSearch(engine, closeGroup)).toBe(true);
    expect(live(engine)).toHaveLength(1);
    expect(engine.state.score().requirement).toBeGreaterThan(0);
  });

  it('refuses when someone who needs the hour would find no seat, and leaves the week as it was', () => {
    // The other hour is nearly full: only two of the closed group's four could move.
    const initial = [group(18, 0, [0, 1, 2, 3]), group(19, 1, [4, 5, 6, 7, 8, 9])];
    const engine = engineWith(twoHourClinic(10), initial);
    for (let attempt = 0; attempt < 20; attempt++) expect(applyLikeSearch(engine, consolidateGroup)).toBe(false);
    expect(live(engine).map((m) => m.patients)).toEqual(initial.map((m) => m.patients));
    expect(engine.state.score().requirement).toBe(0);
  });

  it('keeps the incremental score equal to checkSchedule from scratch', () => {
    const problem = twoHourClinic(8);
    const engine = engineWith(problem, halves());
    expect(applyLikeSearch(engine, consolidateGroup)).toBe(true);
    expectScoreFromScratch(problem, engine);
  });
});

describe('consolidate-group: trading an individual session for a seat', () => {
  /**
   * Monday evening 18:00-21:00, one group service and an individual session (two offices). Patient
   * 0 needs three hours and holds them as the 18:00 and 19:00 groups and an individual session at
   * 20:00; patients 1 and 2 need two hours and have three; patient 3 needs two, has two and comes
   * only from 19:00.
   */
  function threeHourClinic(): Problem {
    const needs = [3, 2, 2, 2];
    return {
      ...clinic(),
      tracks: [{ id: 'evening', windows: { weekly: [{ days: ['MO'], start: '18:00', end: '21:00' }] } }],
      services: [
        { id: 'process', kind: 'group', durationMinutes: 60, minSize: 2, maxSize: 8, staff: [{ credentials: ['LCSW'] }], room: { features: ['group'] } },
        { id: 'individual', kind: 'individual', durationMinutes: 60, staff: [{ credentials: ['LCSW'] }], room: { features: ['office'] } },
      ],
      staff: [
        { id: 'lcsw-1', credentials: ['LCSW'], availability: { weekly: [{ days: ['MO'], start: '18:00', end: '21:00' }] } },
        { id: 'lcsw-2', credentials: ['LCSW'], availability: { weekly: [{ days: ['MO'], start: '18:00', end: '21:00' }] } },
      ],
      rooms: [
        { id: 'group-a', capacity: 8, features: ['group'] },
        { id: 'office-1', capacity: 1, features: ['office'] },
        { id: 'office-2', capacity: 1, features: ['office'] },
      ],
      patients: needs.map((hours, i) => ({
        id: `p-${i}`,
        tracks: ['evening'],
        rules: { minWeeklyHours: hours, minDays: 1 },
        // Patient 3 comes at 19:00, so closing 19:00 or 20:00 would leave them short with nowhere to go.
        ...(i === 3 ? { availability: { weekly: [{ days: ['MO' as const], start: '19:00', end: '21:00' }] } } : {}),
      })),
    };
  }

  function individual(startHour: number, staff: number, patient: number, office: number): PlacedMeeting {
    return { id: '', service: 1, track: -1, day: 0, start: startHour * 60, end: (startHour + 1) * 60, room: office, telehealth: false, staff: [staff], patients: [patient], pinned: false };
  }

  // Closing the 18:00 group leaves patient 0 an hour short; their only other hour of the block
  // holds their individual session, so the session must move for them to take the 20:00 seat.
  const week = (): PlacedMeeting[] => [group(18, 0, [0, 1, 2]), group(19, 0, [0, 1, 2, 3]), group(20, 0, [1, 2, 3]), individual(20, 1, 0, 1)];

  it('moves the individual session out of the hour and seats the patient there, saving a staffed hour with nobody short', () => {
    const problem = threeHourClinic();
    const engine = engineWith(problem, week());
    expect(engine.state.score().requirement).toBe(0);
    const staffedBefore = staffedPenalty(problem, engine);
    let applied = false;
    for (let attempt = 0; attempt < 40 && !applied; attempt++) applied = applyLikeSearch(engine, consolidateGroup);
    expect(applied).toBe(true);
    const meetings = live(engine);
    expect(meetings).toHaveLength(3);
    const at = (hour: number, service: number): PlacedMeeting[] => meetings.filter((m) => m.start === hour * 60 && m.service === service);
    expect(at(18, 0)).toHaveLength(0);
    expect([...at(20, 0)[0]!.patients].sort()).toEqual([0, 1, 2, 3]);
    const ownIndividual = meetings.find((m) => m.service === 1 && m.patients.includes(0))!;
    expect(ownIndividual.start).toBe(18 * 60);
    expect(engine.state.score().requirement).toBe(0);
    expect(engine.state.score().hard).toBe(0);
    expect(staffedPenalty(problem, engine)).toBe((staffedBefore * 3) / 4);
    expectScoreFromScratch(problem, engine);
  });
});
