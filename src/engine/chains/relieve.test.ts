import { describe, expect, it } from 'vitest';
import type { Problem } from '../../model/problem.js';
import type { PlacedMeeting } from '../../rules/types.js';
import { engineWith, expectScoreFromScratch, live } from '../../../test/engine/engine-kit.js';
import { CADC, hourMember, LCSW, mondayClinic, nineOClock, PROCESS, SKILLS } from '../../../test/engine/scenario-kit.js';
import { constructIndividuals } from '../construct/individual-phase.js';
import { relieveClinicians } from './relieve.js';

/**
 * Monday 09:00-11:00: a process group (LCSW or CADC may lead it) at 09:00 led by the LCSW, a
 * counsellor, and a patient who needs an individual session (LCSW only).
 */
function monday(cadcBusy = false): Problem {
  return mondayClinic('09:00', '11:00', {
    staff: [
      { id: 'lcsw', credentials: ['LCSW'] },
      // Off shift at 09:00 when busy: the hand-over must then not happen.
      { id: 'cadc', credentials: ['CADC'], ...(cadcBusy ? { availability: { weekly: [{ days: ['MO'], start: '10:00', end: '11:00' }] } } : {}) },
    ],
    patients: [hourMember('x'), hourMember('y'), hourMember('u'), hourMember('v'), hourMember('p', { requires: [{ service: 'individual', min: 1, max: 1 }] })],
  });
}

const week = (): PlacedMeeting[] => [nineOClock(0, PROCESS, LCSW, [0, 1])];
const leaders = (meetings: PlacedMeeting[]): unknown => meetings.map((m) => ({ service: m.service, staff: m.staff }));

describe('relieveClinicians', () => {
  it('hands a group the LCSW leads to the free counsellor, who may hold no individual session', () => {
    const problem = monday();
    const engine = engineWith(problem, week());
    expect(relieveClinicians(engine)).toBe(1);
    expect(leaders(live(engine))).toEqual([{ service: PROCESS, staff: [CADC] }]);
    expect(engine.state.score().hard).toBe(0);
    expectScoreFromScratch(problem, engine);
  });

  it('keeps the LCSW when the counsellor is not free then, and never hands a seat only the LCSW may hold', () => {
    const busy = engineWith(monday(true), week());
    expect(relieveClinicians(busy)).toBe(0);
    expect(leaders(live(busy))).toEqual([{ service: PROCESS, staff: [LCSW] }]);
    const skills = engineWith(monday(), [nineOClock(0, SKILLS, LCSW, [0, 1])]);
    expect(relieveClinicians(skills)).toBe(0);
    expect(leaders(live(skills))).toEqual([{ service: SKILLS, staff: [LCSW] }]);
  });

  it('skips the meetings a previous walk looked at (a cut construction relieves each batch once) and remembers those it looks at', () => {
    const problem = monday();
    const seen = engineWith(problem, week());
    const relieved = new WeakSet<PlacedMeeting>(live(seen));
    expect(relieveClinicians(seen, relieved)).toBe(0);
    expect(leaders(live(seen))).toEqual([{ service: PROCESS, staff: [LCSW] }]);
    const fresh = engineWith(problem, week());
    const walked = new WeakSet<PlacedMeeting>();
    expect(relieveClinicians(fresh, walked)).toBe(1);
    expect(live(fresh).every((m) => walked.has(m))).toBe(true);
  });

  it('runs before construction places the individual sessions: the LCSW keeps their hours for them', () => {
    const problem = monday();
    const engine = engineWith(problem, week());
    expect(constructIndividuals(engine)).toBe(true);
    const meetings = live(engine);
    expect(meetings.find((m) => m.service === PROCESS)!.staff).toEqual([CADC]);
    expect(meetings.filter((m) => m.service === 2)).toHaveLength(1);
    expectScoreFromScratch(problem, engine);
  });
});
