import { describe, expect, it } from 'vitest';
import { compileProblem } from '../../compiled/compile.js';
import { assertValidProblem } from '../../input/validate.js';
import type { Patient, Problem } from '../../model/problem.js';
import { allRules } from '../../rules/catalogue.js';
import type { PlacedMeeting } from '../../rules/types.js';
import { createEngine } from '../kernel/create.js';
import { applyLikeSearch, engineWith, expectScoreFromScratch, live } from '../../../test/engine/engine-kit.js';
import { clinic, PROCESS_SKILLS_INDIVIDUAL } from '../../../test/engine/scenario-kit.js';
import { openGroupByChain } from './open-group-by-chain.js';
import { openGroupFor } from './open-group-for.js';

const PROCESS = 0;
const SKILLS = 1;
const INDIVIDUAL = 2;
const LCSW = 0;
const CADC = 1;

/**
 * Monday 09:00-10:00 is the track's one hour; p and x need a skills group then, which only the
 * one LCSW may lead, and the LCSW sees q (of another track) at 09:00. q may come at any hour.
 */
function mondayHour(): Problem {
  const rules = { minWeeklyHours: 1, minDays: 1 };
  const member = (id: string): Patient => ({ id, tracks: ['day'], rules, requires: [{ service: 'skills', min: 1, max: 1 }] });
  return {
    ...clinic(),
    tracks: [
      { id: 'day', windows: { weekly: [{ days: ['MO'], start: '09:00', end: '10:00' }] } },
      { id: 'other', windows: { weekly: [{ days: ['TU'], start: '09:00', end: '10:00' }] } },
    ],
    services: structuredClone([...PROCESS_SKILLS_INDIVIDUAL]),
    staff: [{ id: 'lcsw', credentials: ['LCSW'] }],
    patients: [member('p'), member('x'), { id: 'q', tracks: ['other'], rules, requires: [{ service: 'individual', min: 1, max: 1 }] }],
  };
}

/** q's session with the LCSW at Monday 09:00, in office-1. */
const week = (): PlacedMeeting[] => [{ id: '', service: INDIVIDUAL, track: -1, day: 0, start: 9 * 60, end: 10 * 60, room: 2, telehealth: false, staff: [LCSW], patients: [2], pinned: false }];

/**
 * Monday 09:00-11:00: p, x and u attend a process group at 10:00 led by the LCSW, whose week
 * holds one hour; p and x need a skills group, which only the LCSW may lead. At 09:00 the LCSW
 * is idle but has no hour left, until the counsellor takes the process group over.
 */
function twoHours(): Problem {
  const rules = { minWeeklyHours: 1, minDays: 1 };
  const member = (id: string, needs: boolean): Patient => ({ id, tracks: ['day'], rules, ...(needs ? { requires: [{ service: 'skills', min: 1, max: 1 }] } : {}) });
  return {
    ...clinic(),
    tracks: [{ id: 'day', windows: { weekly: [{ days: ['MO'], start: '09:00', end: '11:00' }] } }],
    services: structuredClone([...PROCESS_SKILLS_INDIVIDUAL]),
    staff: [
      { id: 'lcsw', credentials: ['LCSW'], maxWeeklyHours: 1 },
      { id: 'cadc', credentials: ['CADC'] },
    ],
    patients: [member('p', true), member('x', true), member('u', false)],
  };
}

const tenOClock = (): PlacedMeeting[] => [{ id: '', service: PROCESS, track: 0, day: 0, start: 10 * 60, end: 11 * 60, room: 0, telehealth: false, staff: [LCSW], patients: [0, 1, 2], pinned: false }];

describe('open-group-by-chain', () => {
  it('opens the skills group at 09:00 with the LCSW, the counsellor taking their process group at 10:00', () => {
    const problem = twoHours();
    const engine = engineWith(problem, tenOClock());
    expect(engine.state.score().requirement).toBeGreaterThan(0);
    expect(applyLikeSearch(engine, openGroupByChain)).toBe(true);
    const meetings = live(engine);
    expect(meetings.find((m) => m.service === SKILLS)).toMatchObject({ start: 9 * 60, staff: [LCSW] });
    expect(meetings.find((m) => m.service === SKILLS)!.patients).toEqual(expect.arrayContaining([0, 1]));
    expect(meetings.find((m) => m.service === PROCESS)).toMatchObject({ start: 10 * 60, staff: [CADC] });
    expect(engine.state.score()).toMatchObject({ hard: 0, requirement: 0 });
    expectScoreFromScratch(problem, engine);
    for (let seed = 0; seed < 20; seed++) {
      const plain = createEngine(compileProblem(assertValidProblem(twoHours())), allRules(), new Map(), seed, { initial: tenOClock() });
      expect(applyLikeSearch(plain, openGroupFor)).toBe(false);
    }
  });

  it("opens the skills group at 09:00, the LCSW freed by moving q's session to another hour", () => {
    const problem = mondayHour();
    const engine = engineWith(problem, week());
    expect(engine.state.score().requirement).toBeGreaterThan(0);
    expect(applyLikeSearch(engine, openGroupByChain)).toBe(true);
    const meetings = live(engine).map((m) => ({ service: m.service, start: m.start / 60, staff: m.staff, patients: [...m.patients].sort() }));
    expect(meetings.sort((a, b) => a.service - b.service)).toEqual([
      { service: SKILLS, start: 9, staff: [LCSW], patients: [0, 1] },
      expect.objectContaining({ service: INDIVIDUAL, staff: [LCSW], patients: [2] }),
    ]);
    expect(meetings.find((m) => m.service === INDIVIDUAL)!.start).not.toBe(9);
    expect(engine.state.score()).toMatchObject({ hard: 0, requirement: 0 });
    expectScoreFromScratch(problem, engine);
  });

  it('is needed: open-group-for, asking only who is free, finds no leader', () => {
    for (let seed = 0; seed < 20; seed++) {
      const engine = createEngine(compileProblem(assertValidProblem(mondayHour())), allRules(), new Map(), seed, { initial: week() });
      expect(applyLikeSearch(engine, openGroupFor)).toBe(false);
    }
  });
});
