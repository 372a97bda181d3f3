import { describe, expect, it } from 'vitest';
import { compileProblem } from '../../compiled/compile.js';
import { assertValidProblem } from '../../input/validate.js';
import type { Problem } from '../../model/problem.js';
import { allRules } from '../../rules/catalogue.js';
import { createEngine } from '../kernel/create.js';
import type { PlacedMeeting } from '../../rules/types.js';
import { applyLikeSearch, engineWith, expectScoreFromScratch, live } from '../../../test/engine/engine-kit.js';
import { CADC, hourMember, LCSW, mondayClinic, nineOClock, PROCESS, SKILLS } from '../../../test/engine/scenario-kit.js';
import { switchService } from './switch-service.js';
import { switchServiceByChain } from './switch-service-by-chain.js';

/**
 * One hour a week, Monday 09:00, two process groups side by side: the counsellor (CADC) leads
 * p's, the one LCSW the other. p needs a skills group, which only the LCSW may lead, and has no
 * other hour: p's group can become skills only if the counsellor takes the other group over.
 */
function mondayHour(): Problem {
  return mondayClinic('09:00', '10:00', {
    patients: [hourMember('p', { requires: [{ service: 'skills', min: 1, max: 1 }] }), hourMember('x'), hourMember('y'), hourMember('u'), hourMember('v')],
  });
}

const week = (): PlacedMeeting[] => [nineOClock(0, PROCESS, CADC, [0, 1, 2]), { ...nineOClock(0, PROCESS, LCSW, [3, 4]), room: 1 }];
const summary = (m: PlacedMeeting): unknown => ({ service: m.service, staff: m.staff, patients: m.patients });

describe('switch-service-by-chain', () => {
  it("turns p's group into skills led by the LCSW, the counsellor taking the LCSW's process group", () => {
    const problem = mondayHour();
    const engine = engineWith(problem, week());
    const before = engine.state.score();
    expect(before.hard).toBe(0);
    expect(before.requirement).toBeGreaterThan(0);
    expect(applyLikeSearch(engine, switchServiceByChain)).toBe(true);
    const meetings = live(engine).sort((a, b) => a.patients[0]! - b.patients[0]!);
    expect(meetings.map(summary)).toEqual([
      { service: SKILLS, staff: [LCSW], patients: [0, 1, 2] },
      { service: PROCESS, staff: [CADC], patients: [3, 4] },
    ]);
    expect(engine.state.score()).toMatchObject({ hard: 0, requirement: 0 });
    expectScoreFromScratch(problem, engine);
  });

  it('is needed: switch-service, asking only who is free, finds no leader for it', () => {
    for (let seed = 0; seed < 20; seed++) {
      const engine = createEngine(compileProblem(assertValidProblem(mondayHour())), allRules(), new Map(), seed, { initial: week() });
      expect(applyLikeSearch(engine, switchService)).toBe(false);
    }
  });
});
