import { describe, expect, it } from 'vitest';
import { freeStaffByChain, placeIndividualByChain, placeIndividualInPlaceOf } from '../../src/engine/chains/restaff.js';
import type { Problem } from '../../src/model/problem.js';
import type { PlacedMeeting } from '../../src/rules/types.js';
import { engineWith, expectScoreFromScratch, live, shortMinutes } from './engine-kit.js';
import { chainClinic } from './scenario-kit.js';

const THERAPIST = 0;
const COUNSELLOR = 1;

function group(hour: number, leader: number): PlacedMeeting {
  return { id: '', service: 0, track: 0, day: 0, start: hour * 60, end: hour * 60 + 60, room: 0, telehealth: false, staff: [leader], patients: [0, 1, 2, 3], pinned: false };
}

function session(hour: number): PlacedMeeting {
  return { id: '', service: 1, track: -1, day: 0, start: hour * 60, end: hour * 60 + 60, room: 1, telehealth: false, staff: [-1], patients: [4], pinned: false };
}

// The counsellor leads 18:00 and has no hour left; the therapist leads 19:00, the only hour
// patient 4 can come. Freeing the therapist at 19:00 takes two hand-overs: the counsellor takes
// 19:00 only once the therapist has taken 18:00 from them.
const week = (): PlacedMeeting[] => [group(18, COUNSELLOR), group(19, THERAPIST)];

describe('staff chains', () => {
  it('frees the only therapist by a chain of two hand-overs and keeps every hard rule', () => {
    const engine = engineWith(chainClinic(), week());
    expect(freeStaffByChain(engine, session(19), 0, false)).toBe(THERAPIST);
    const leaders = live(engine).map((m) => [m.start / 60, m.staff[0]]);
    expect(leaders).toEqual([
      [18, THERAPIST],
      [19, COUNSELLOR],
    ]);
    expect(engine.state.score().hard).toBe(0);
  });

  it('finds no chain when the therapist cannot take the counsellor\'s hour, and changes nothing', () => {
    const engine = engineWith(chainClinic('19:00'), week());
    expect(freeStaffByChain(engine, session(19), 0, true)).toBe(-1);
    expect(live(engine).map((m) => m.staff[0])).toEqual([COUNSELLOR, THERAPIST]);
  });

  it('places the missing session through the chain, with the score equal to checkSchedule from scratch', () => {
    const problem = chainClinic();
    const engine = engineWith(problem, week());
    const before = engine.state.score().requirement;
    expect(placeIndividualByChain(engine, 4, 1, false, false)).toBe(true);
    const placed = live(engine).find((m) => m.service === 1)!;
    expect([placed.start, placed.staff]).toEqual([19 * 60, [THERAPIST]]);
    expect(engine.state.score().requirement).toBeLessThan(before);
    expect(engine.state.score().hard).toBe(0);
    expectScoreFromScratch(problem, engine);
  });
});

/**
 * Monday 18:00-20:00 with one therapist. Patient 4 can come only at 18:00 and needs an individual
 * session; the therapist is seeing patient 5 then, who can also come at `otherFrom`-20:00.
 */
function inPlaceClinic(otherFrom: string): Problem {
  const base = chainClinic();
  return {
    ...base,
    staff: [
      { id: 'therapist', credentials: ['LCSW'] },
      { id: 'counsellor', credentials: ['CADC'] },
    ],
    patients: [
      ...base.patients.slice(0, 4),
      { id: 'p-4', tracks: ['evening'], rules: { minWeeklyHours: 1, minDays: 1 }, availability: { weekly: [{ days: ['MO'], start: '18:00', end: '19:00' }] }, requires: [{ service: 'individual', min: 1, max: 1 }] },
      { id: 'p-5', tracks: ['evening'], rules: { minWeeklyHours: 1, minDays: 1 }, availability: { weekly: [{ days: ['MO'], start: otherFrom, end: '20:00' }] }, requires: [{ service: 'individual', min: 1, max: 1 }] },
    ],
  };
}

function inPlaceWeek(fiveAtNineteen: boolean): PlacedMeeting[] {
  return [
    { ...group(18, COUNSELLOR), patients: [0, 1, 2, 3, 4] },
    { ...group(19, COUNSELLOR), patients: fiveAtNineteen ? [0, 1, 2, 3, 5] : [0, 1, 2, 3] },
    { ...session(18), staff: [THERAPIST], patients: [5] },
  ];
}

describe('a session in the place of another patient\'s', () => {
  it('gives the therapist\'s 18:00 hour to the patient who can come only then; the other session moves to a free hour', () => {
    const problem = inPlaceClinic('17:00');
    const engine = engineWith(problem, inPlaceWeek(false));
    expect(shortMinutes(engine)).toBe(60);
    expect(placeIndividualInPlaceOf(engine, 4, 1, false)).toBe(true);
    const sessions = live(engine).filter((m) => m.service === 1);
    expect(sessions.find((m) => m.patients[0] === 4)).toMatchObject({ start: 18 * 60, staff: [THERAPIST] });
    expect(sessions.find((m) => m.patients[0] === 5)?.start).not.toBe(18 * 60);
    expect(live(engine).find((m) => m.service === 0 && m.start === 18 * 60)?.patients).toEqual([0, 1, 2, 3]);
    expect(engine.state.score()).toMatchObject({ hard: 0, requirement: 0 });
    expectScoreFromScratch(problem, engine);
  });

  it('moves the other session into a group hour of theirs when they have no free one', () => {
    const problem = inPlaceClinic('18:00');
    const engine = engineWith(problem, inPlaceWeek(true));
    expect(placeIndividualInPlaceOf(engine, 4, 1, false)).toBe(true);
    const five = live(engine).filter((m) => m.patients.includes(5));
    expect(five).toEqual([expect.objectContaining({ service: 1, start: 19 * 60, staff: [THERAPIST] })]);
    expect(engine.state.score().hard).toBe(0);
    expectScoreFromScratch(problem, engine);
  });

  it('changes nothing when the other patient has no other hour', () => {
    const problem = inPlaceClinic('18:00');
    const week = inPlaceWeek(false).map((m) => (m.service === 0 && m.start === 19 * 60 ? { ...m, pinned: true, patients: [0, 1, 2, 3, 5] } : m));
    const engine = engineWith(problem, week);
    const before = live(engine);
    expect(placeIndividualInPlaceOf(engine, 4, 1, false)).toBe(false);
    expect(live(engine)).toEqual(before);
  });
});
