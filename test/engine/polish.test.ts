import { describe, expect, it } from 'vitest';
import { polish } from '../../src/engine/construct/polish.js';
import type { Problem } from '../../src/model/problem.js';
import type { PlacedMeeting } from '../../src/rules/types.js';
import { SlotSet } from '../../src/time/slot-set.js';
import { SLOT_MINUTES } from '../../src/time/week.js';
import { engineWith, expectScoreFromScratch, live } from './engine-kit.js';
import { clinic } from './scenario-kit.js';

/**
 * An evening hour (Monday 18:00) whose six patients fill two groups of three, one of whom also
 * needs an individual session then; a day hour (Monday 10:00) with a group of two. Skills groups
 * need a therapist, process groups a therapist or the counsellor, who may work one hour a day.
 */
function overfullEvening(morningTherapist: boolean): Problem {
  const evening = { weekly: [{ days: ['MO' as const], start: '17:00', end: '20:00' }] };
  return {
    ...clinic(),
    tracks: [
      { id: 'evening', windows: { weekly: [{ days: ['MO'], start: '18:00', end: '19:00' }] } },
      { id: 'day', windows: { weekly: [{ days: ['MO'], start: '10:00', end: '11:00' }] } },
    ],
    services: [
      { id: 'skills', kind: 'group', durationMinutes: 60, minSize: 2, maxSize: 3, staff: [{ credentials: ['LCSW'] }], room: { features: ['group'] } },
      { id: 'process', kind: 'group', durationMinutes: 60, minSize: 2, maxSize: 3, staff: [{ credentials: ['LCSW', 'CADC'] }], room: { features: ['group'] } },
      { id: 'individual', kind: 'individual', durationMinutes: 60, staff: [{ credentials: ['LCSW'] }], room: { features: ['office'] } },
    ],
    staff: [
      { id: 'therapist-1', credentials: ['LCSW'], availability: evening },
      { id: 'therapist-2', credentials: ['LCSW'], availability: evening },
      { id: 'counsellor', credentials: ['CADC'], maxDailyHours: 1 },
      { id: 'morning-therapist', credentials: morningTherapist ? ['LCSW'] : ['none'], availability: { weekly: [{ days: ['MO'], start: '09:00', end: '12:00' }] } },
    ],
    rooms: [
      { id: 'group-a', capacity: 8, features: ['group'] },
      { id: 'group-b', capacity: 8, features: ['group'] },
      { id: 'office-1', capacity: 1, features: ['office'] },
    ],
    patients: [
      ...[0, 1, 2, 3, 4].map((i) => ({ id: `e-${i}`, tracks: ['evening'], rules: { minWeeklyHours: 1, minDays: 1 } })),
      { id: 'e-5', tracks: ['evening'], rules: { minWeeklyHours: 1, minDays: 1 }, requires: [{ service: 'individual', min: 1, max: 1 }] },
      ...[0, 1].map((i) => ({ id: `d-${i}`, tracks: ['day'], rules: { minWeeklyHours: 1, minDays: 1 } })),
    ],
  };
}

const COUNSELLOR = 2;
const MORNING_THERAPIST = 3;

function group(track: number, hour: number, service: number, room: number, leader: number, patients: number[]): PlacedMeeting {
  return { id: '', service, track, day: 0, start: hour * 60, end: hour * 60 + 60, room, telehealth: false, staff: [leader], patients, pinned: false };
}

// What greedy construction does: both evening groups skills, so both therapists lead and
// nobody is free for e-5's session; the counsellor's one hour goes to the day group.
const greedyWeek = (): PlacedMeeting[] => [group(0, 18, 0, 0, 0, [0, 1, 2]), group(0, 18, 0, 1, 1, [3, 4, 5]), group(1, 10, 1, 0, COUNSELLOR, [6, 7])];

describe('polish: re-seating every group time after construction', () => {
  it('has the counsellor lead an evening process group (their day hour handed to the morning therapist) so that e-5 gets the session', () => {
    const problem = overfullEvening(true);
    const engine = engineWith(problem, greedyWeek());
    expect(engine.state.score().requirement).toBeGreaterThan(0);
    expect(polish(engine)).toBe(true);
    expect(engine.state.score()).toMatchObject({ hard: 0, requirement: 0 });
    const meetings = live(engine);
    expect(meetings.find((m) => m.start === 18 * 60 && m.staff[0] === COUNSELLOR)?.service).toBe(1);
    expect(meetings.find((m) => m.start === 10 * 60)?.staff).toEqual([MORNING_THERAPIST]);
    expect(meetings.find((m) => m.service === 2)?.patients).toEqual([5]);
    expectScoreFromScratch(problem, engine);
  });

  it('keeps the week when nobody can take the counsellor\'s day hour (no change raises the shortfall)', () => {
    const problem = overfullEvening(false);
    const engine = engineWith(problem, greedyWeek());
    const before = engine.state.score();
    expect(polish(engine)).toBe(true);
    expect(engine.state.score().hard).toBe(0);
    expect(engine.state.score().requirement).toBe(before.requirement);
    expect(live(engine).find((m) => m.start === 10 * 60)?.staff).toEqual([COUNSELLOR]);
    expectScoreFromScratch(problem, engine);
  });

  it('re-seats only the group times overlapping polishOnly (explain\'s warm re-solves)', () => {
    const problem = overfullEvening(true);
    const slots = (hour: number): SlotSet => {
      const set = new SlotSet();
      set.addRange((hour * 60) / SLOT_MINUTES, (hour * 60 + 60) / SLOT_MINUTES); // Monday
      return set;
    };
    // The gain needs the evening hour and the day hour re-seated: the day hour alone finds none.
    const dayOnly = engineWith(problem, greedyWeek());
    const before = dayOnly.state.score();
    dayOnly.polishOnly = slots(10);
    expect(polish(dayOnly)).toBe(true);
    expect(dayOnly.state.score()).toEqual(before);
    const nothing = engineWith(problem, greedyWeek());
    nothing.polishOnly = new SlotSet();
    polish(nothing);
    expect(nothing.state.score()).toEqual(before);
    const evening = engineWith(problem, greedyWeek());
    evening.polishOnly = slots(18);
    evening.polishOnly.unionWith(slots(10));
    polish(evening);
    expect(evening.state.score()).toMatchObject({ hard: 0, requirement: 0 });
    expectScoreFromScratch(problem, evening);
  });
});
