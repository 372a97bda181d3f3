import { describe, expect, it } from 'vitest';
import { compileProblem } from '../../compiled/compile.js';
import { assertValidProblem } from '../../input/validate.js';
import type { Problem } from '../../model/problem.js';
import type { PlacedMeeting } from '../../rules/types.js';
import { allRules } from '../../rules/catalogue.js';
import { applyLikeSearch, engineWith, expectScoreFromScratch, live } from '../../../test/engine/engine-kit.js';
import { CADC, hourMember, LCSW, mondayClinic, nineOClock, PROCESS, SKILLS } from '../../../test/engine/scenario-kit.js';
import { createEngine } from '../kernel/create.js';
import { openGroupFor } from './open-group-for.js';
import { openSectionByChain } from './open-section-by-chain.js';

const wantsSkills = {
  requires: [
    { service: 'process', min: 1, max: 1 },
    { service: 'skills', min: 1, max: 1 },
  ],
};
const onlySkills = { requires: [{ service: 'skills', min: 1, max: 1 }] };

/**
 * Monday 09:00-11:00. p, x and y need a skills group (the LCSW only) and are free at 10:00; the
 * LCSW has one hour a week, spent on the 09:00 process group, which the idle counsellor may lead.
 */
function outOfHours(): Problem {
  return mondayClinic('09:00', '11:00', {
    granularityMinutes: 60,
    staff: [
      { id: 'lcsw', credentials: ['LCSW'], maxWeeklyHours: 1 },
      { id: 'cadc', credentials: ['CADC'] },
    ],
    patients: [hourMember('p', wantsSkills), hourMember('x', wantsSkills), hourMember('y', wantsSkills), hourMember('u'), hourMember('v')],
  });
}

/**
 * Monday 10:00-11:00, two group rooms, both holding a process section of two (counsellors lead
 * them); p and x need a skills group and the LCSW is free, but no room is: the two process
 * sections fit in one.
 */
function noRoom(): Problem {
  return mondayClinic('10:00', '11:00', {
    granularityMinutes: 60,
    staff: [
      { id: 'lcsw', credentials: ['LCSW'] },
      { id: 'cadc', credentials: ['CADC'] },
      { id: 'cadc-2', credentials: ['CADC'] },
    ],
    patients: [hourMember('p', onlySkills), hourMember('x', onlySkills), hourMember('u'), hourMember('v'), hourMember('w'), hourMember('z')],
  });
}

const tenOClock = (service: number, staff: number, patients: number[], room = 0): PlacedMeeting => ({ ...nineOClock(0, service, staff, patients), start: 600, end: 660, room });
const summary = (m: PlacedMeeting): unknown => ({ service: m.service, start: m.start, staff: m.staff, patients: [...m.patients].sort() });
const byStart = (a: PlacedMeeting, b: PlacedMeeting): number => a.start - b.start || a.service - b.service || a.room - b.room;

describe('open-section-by-chain', () => {
  it('frees the LCSW by handing the 09:00 process group to the counsellor, and opens skills at 10:00', () => {
    const problem = outOfHours();
    const engine = engineWith(problem, [nineOClock(0, PROCESS, LCSW, [0, 1, 2])]);
    expect(engine.state.score().requirement).toBeGreaterThan(0);
    expect(applyLikeSearch(engine, openSectionByChain)).toBe(true);
    expect(live(engine).sort(byStart).map(summary)).toEqual([
      { service: PROCESS, start: 540, staff: [CADC], patients: [0, 1, 2] },
      { service: SKILLS, start: 600, staff: [LCSW], patients: [0, 1, 2, 3, 4] },
    ]);
    expect(engine.state.score()).toMatchObject({ hard: 0, requirement: 0 });
    expectScoreFromScratch(problem, engine);
  });

  it('frees a room by closing a process section into its sister at that hour', () => {
    const problem = noRoom();
    const week = [tenOClock(PROCESS, CADC, [2, 3], 0), tenOClock(PROCESS, 2, [4, 5], 1)];
    const engine = engineWith(problem, week);
    expect(applyLikeSearch(engine, openSectionByChain)).toBe(true);
    const meetings = live(engine);
    const skills = meetings.filter((m) => m.service === SKILLS);
    expect(skills.map((m) => ({ start: m.start, staff: m.staff }))).toEqual([{ start: 600, staff: [LCSW] }]);
    expect(skills[0]!.patients).toEqual(expect.arrayContaining([0, 1]));
    // The sections left share a room no more: one process section where there were two.
    expect(meetings.filter((m) => m.service === PROCESS)).toHaveLength(1);
    expect(engine.state.score()).toMatchObject({ hard: 0, requirement: 0 });
    expectScoreFromScratch(problem, engine);
  });

  it('is needed: open-group-for, asking only who is free, never serves everyone there', () => {
    for (let seed = 0; seed < 20; seed++) {
      const engine = createEngine(compileProblem(assertValidProblem(outOfHours())), allRules(), new Map(), seed, { initial: [nineOClock(0, PROCESS, LCSW, [0, 1, 2])] });
      applyLikeSearch(engine, openGroupFor);
      expect(engine.state.score().requirement).toBeGreaterThan(0);
    }
  });
});
