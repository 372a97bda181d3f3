import { describe, expect, it } from 'vitest';
import type { Problem } from '../../model/problem.js';
import { applyLikeSearch, engineWith, expectScoreFromScratch, live } from '../../../test/engine/engine-kit.js';
import { CADC, hourMember, INDIVIDUAL, LCSW, mondayClinic, nineOClock, PROCESS, SKILLS } from '../../../test/engine/scenario-kit.js';
import { placeIndividual } from '../construct/individuals.js';
import { relieveAndServe } from './relieve-and-serve.js';

/**
 * Monday 09:00-11:00: the LCSW may work one hour that week and spends it on a process group a
 * counsellor could lead; patient p (free at both hours) needs an individual session, LCSW only.
 */
function monday(): Problem {
  return mondayClinic('09:00', '11:00', {
    staff: [
      { id: 'lcsw', credentials: ['LCSW'], maxWeeklyHours: 1 },
      { id: 'cadc', credentials: ['CADC'] },
    ],
    patients: [hourMember('x'), hourMember('y'), hourMember('p', { requires: [{ service: 'individual', min: 1, max: 1 }] })],
  });
}

describe('relieveAndServe', () => {
  it("hands the LCSW's group to the counsellor and spends the hour on the short patient's session", () => {
    const problem = monday();
    const engine = engineWith(problem, [nineOClock(0, PROCESS, LCSW, [0, 1])]);
    expect(applyLikeSearch(engine, relieveAndServe)).toBe(true);
    const meetings = live(engine);
    expect(meetings.find((m) => m.service === PROCESS)!.staff).toEqual([CADC]);
    expect(meetings.filter((m) => m.service === INDIVIDUAL).map((m) => ({ staff: m.staff, patients: m.patients }))).toEqual([{ staff: [LCSW], patients: [2] }]);
    expect(engine.state.score().requirement).toBe(0);
    expectScoreFromScratch(problem, engine);
  });

  it('is what the session needs: placing it alone finds the LCSW out of hours', () => {
    const engine = engineWith(monday(), [nineOClock(0, PROCESS, LCSW, [0, 1])]);
    expect(applyLikeSearch(engine, (e) => placeIndividual(e, 2, INDIVIDUAL, true) >= 0)).toBe(false);
  });

  it('leaves the week as it was when no colleague may take the group', () => {
    const engine = engineWith(monday(), [nineOClock(0, 1, LCSW, [0, 1])]);
    const before = live(engine);
    expect(applyLikeSearch(engine, relieveAndServe)).toBe(false);
    expect(live(engine)).toEqual(before);
  });

  it("gives the LCSW's process group to the counsellor and opens with the LCSW the skills group two patients lack", () => {
    const skills = { requires: [{ service: 'skills', min: 1, max: 1 }] };
    const problem = mondayClinic('09:00', '10:00', {
      patients: [hourMember('x'), hourMember('y'), hourMember('u'), hourMember('p', skills), hourMember('q', skills)],
    });
    const engine = engineWith(problem, [nineOClock(0, PROCESS, LCSW, [0, 1, 2])]);
    expect(applyLikeSearch(engine, relieveAndServe)).toBe(true);
    const meetings = live(engine);
    expect(meetings.map((m) => ({ service: m.service, staff: m.staff }))).toEqual([
      { service: PROCESS, staff: [CADC] },
      { service: SKILLS, staff: [LCSW] },
    ]);
    expect(meetings[1]!.patients).toEqual(expect.arrayContaining([3, 4]));
    expect(engine.state.score().requirement).toBe(0);
    expectScoreFromScratch(problem, engine);
  });
});
