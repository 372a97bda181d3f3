import { describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine/engine.js';
import { closeGroup, consolidateGroup } from '../../src/engine/moves.js';
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
