import { describe, expect, it } from 'vitest';
import type { Problem } from '../../model/problem.js';
import type { PlacedMeeting } from '../../rules/types.js';
import { applyLikeSearch, engineWith, expectScoreFromScratch, live, shortMinutes } from '../../../test/engine/engine-kit.js';
import { CADC, hourMember, INDIVIDUAL, LCSW, mondayClinic, nineOClock, PROCESS, SKILLS } from '../../../test/engine/scenario-kit.js';
import { switchAndFill } from './switch-and-fill.js';
import { switchService } from './switch-service.js';
import { switchServiceByChain } from './switch-service-by-chain.js';

const OFFICE = 2;

/**
 * One hour a week, Monday 09:00: the counsellor (CADC) leads a process group of x, y and z, and
 * the one LCSW gives w an individual session. p and q, free then, need a skills group, which only
 * the LCSW may lead: the process group can become skills only if w's session goes, and then gains
 * only when p and q sit in it.
 */
function mondayHour(): Problem {
  const skills = { requires: [{ service: 'skills', min: 1, max: 1 }] };
  return mondayClinic('09:00', '10:00', {
    patients: [hourMember('p', skills), hourMember('q', skills), hourMember('x'), hourMember('y'), hourMember('z'), hourMember('w', { requires: [{ service: 'individual', min: 1, max: 1 }] })],
  });
}

const week = (): PlacedMeeting[] => [
  nineOClock(0, PROCESS, CADC, [2, 3, 4]),
  { ...nineOClock(0, INDIVIDUAL, LCSW, [5]), track: -1, room: OFFICE },
];

describe('switch-and-fill', () => {
  it('turns the process group into skills led by the LCSW, lifting their individual session, and seats p and q in it', () => {
    const problem = mondayHour();
    const engine = engineWith(problem, week());
    const before = shortMinutes(engine);
    expect(engine.state.score().hard).toBe(0);
    expect(applyLikeSearch(engine, switchAndFill)).toBe(true);
    const meetings = live(engine);
    expect(meetings).toHaveLength(1);
    expect(meetings[0]).toMatchObject({ service: SKILLS, staff: [LCSW] });
    // p and q first; w, freed by the lifted session, takes a seat too.
    expect([...meetings[0]!.patients].sort()).toEqual([0, 1, 2, 3, 4, 5]);
    expect(shortMinutes(engine)).toBeLessThan(before);
    expectScoreFromScratch(problem, engine);
  });

  it('is needed: the service switches find no leader for it', () => {
    for (const move of [switchService, switchServiceByChain]) {
      const engine = engineWith(mondayHour(), week());
      const before = engine.state.score();
      applyLikeSearch(engine, move);
      expect(live(engine).some((m) => m.service === SKILLS)).toBe(false);
      expect(engine.state.score()).toEqual(before);
    }
  });
});
