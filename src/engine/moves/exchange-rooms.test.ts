import { describe, expect, it } from 'vitest';
import type { Problem } from '../../model/problem.js';
import type { PlacedMeeting } from '../../rules/types.js';
import { applyLikeSearch, engineWith, expectScoreFromScratch, live, shortMinutes } from '../../../test/engine/engine-kit.js';
import { CADC, hourMember, LCSW, mondayClinic, nineOClock, PROCESS, SKILLS } from '../../../test/engine/scenario-kit.js';
import { exchangeRooms } from './exchange-rooms.js';

/**
 * One hour a week, Monday 09:00, two rooms: four seats and two. The counsellor's process group of
 * a, b, c, d sits in the larger, the LCSW's skills group of s and t in the smaller. p needs skills
 * and is free then; nobody asks for process. The rooms the other way round seat p, c and d losing
 * nothing they ask for beyond an hour, which p gains along with the session.
 */
function mondayHour(): Problem {
  return mondayClinic('09:00', '10:00', {
    rooms: [
      { id: 'large', capacity: 4, features: ['group'] },
      { id: 'small', capacity: 2, features: ['group'] },
    ],
    patients: [hourMember('p', { requires: [{ service: 'skills', min: 1, max: 1 }] }), ...['a', 'b', 'c', 'd', 's', 't'].map((id) => hourMember(id))],
  });
}

const week = (): PlacedMeeting[] => [nineOClock(0, PROCESS, CADC, [1, 2, 3, 4]), { ...nineOClock(0, SKILLS, LCSW, [5, 6]), room: 1 }];

describe('exchange-rooms', () => {
  it('gives the skills group the larger room and seats p in it, the process group keeping two members', () => {
    const problem = mondayHour();
    const engine = engineWith(problem, week());
    const before = shortMinutes(engine);
    expect(engine.state.score().hard).toBe(0);
    expect(applyLikeSearch(engine, exchangeRooms)).toBe(true);
    const bySkills = live(engine).sort((x, y) => x.service - y.service);
    expect(bySkills.map((m) => ({ service: m.service, room: m.room, size: m.patients.length }))).toEqual([
      { service: PROCESS, room: 1, size: 2 },
      { service: SKILLS, room: 0, size: 4 },
    ]);
    expect(bySkills[1]!.patients).toContain(0);
    // p gains the skills session and the hour; two of the process members lose an hour, and one of them sits in skills.
    expect(shortMinutes(engine)).toBeLessThan(before);
    expectScoreFromScratch(problem, engine);
  });
});
