import { describe, expect, it } from 'vitest';
import { placeIndividualBySwitchedHandOver } from '../../src/engine/chains/handover.js';
import type { Patient, Problem } from '../../src/model/problem.js';
import type { PlacedMeeting } from '../../src/rules/types.js';
import { engineWith, expectScoreFromScratch, live } from './engine-kit.js';
import { CADC, clinic, INDIVIDUAL, LCSW, nineOClock, PROCESS, PROCESS_SKILLS_INDIVIDUAL, SKILLS } from './scenario-kit.js';

const P = 2;

/**
 * A day track meeting Monday and Friday 09:00-10:00, one skills group a week; process groups may
 * be led by the LCSW or the counsellor (CADC), skills groups and individual sessions by the LCSW
 * only. Patient p comes only on Monday at 09:00 and needs an individual session.
 */
function mondayOnly(counsellorDays: Array<'MO' | 'FR'>): Problem {
  const member = (id: string): Patient => ({ id, tracks: ['day'], rules: { minWeeklyHours: 2, minDays: 1 } });
  return {
    ...clinic(),
    tracks: [{ id: 'day', windows: { weekly: [{ days: ['MO', 'FR'], start: '09:00', end: '10:00' }] }, curriculum: [{ service: 'skills', min: 1, max: 1 }] }],
    services: structuredClone([...PROCESS_SKILLS_INDIVIDUAL]),
    staff: [
      { id: 'lcsw', credentials: ['LCSW'] },
      // One hour a week: the counsellor can take Monday only once Friday's group is no longer theirs.
      { id: 'cadc', credentials: ['CADC'], maxWeeklyHours: 1, availability: { weekly: [{ days: counsellorDays, start: '09:00', end: '10:00' }] } },
    ],
    patients: [
      member('x'),
      member('y'),
      { id: 'p', tracks: ['day'], rules: { minWeeklyHours: 1, minDays: 1 }, availability: { weekly: [{ days: ['MO'], start: '09:00', end: '10:00' }] }, requires: [{ service: 'individual', min: 1, max: 1 }] },
    ],
  };
}

// Monday's skills group is the LCSW's, Friday's process group the counsellor's; p has nothing yet.
const week = (): PlacedMeeting[] => [nineOClock(0, SKILLS, LCSW, [0, 1]), nineOClock(4, PROCESS, CADC, [0, 1])];

const summary = (m: PlacedMeeting): unknown => ({ day: m.day, service: m.service, staff: m.staff, patients: m.patients });

describe('hand-over with a change of service', () => {
  it("gives the LCSW's Monday hour to p; Monday's group becomes process for the counsellor and Friday's becomes skills", () => {
    const problem = mondayOnly(['MO', 'FR']);
    const engine = engineWith(problem, week());
    const before = engine.state.score();
    expect(before.hard).toBe(0);
    expect(placeIndividualBySwitchedHandOver(engine, P, INDIVIDUAL)).toBe(true);
    const meetings = live(engine).sort((a, b) => a.day - b.day || a.service - b.service);
    expect(meetings.map(summary)).toEqual([
      { day: 0, service: PROCESS, staff: [CADC], patients: [0, 1] },
      { day: 0, service: INDIVIDUAL, staff: [LCSW], patients: [P] },
      { day: 4, service: SKILLS, staff: [LCSW], patients: [0, 1] },
    ]);
    // x and y keep one group of each service; p has the session they lacked.
    expect(engine.state.score().requirement).toBeLessThan(before.requirement);
    expect(engine.state.score().hard).toBe(0);
    expectScoreFromScratch(problem, engine);
  });

  it('changes nothing when no one else may lead the Monday group', () => {
    const engine = engineWith(mondayOnly(['FR']), week());
    const before = live(engine).map(summary);
    const score = engine.state.score();
    expect(placeIndividualBySwitchedHandOver(engine, P, INDIVIDUAL)).toBe(false);
    expect(live(engine).map(summary)).toEqual(before);
    expect(engine.state.score()).toEqual(score);
  });
});
