import { describe, expect, it } from 'vitest';
import type { Problem } from '../../model/problem.js';
import type { PlacedMeeting } from '../../rules/types.js';
import { applyLikeSearch, engineWith, expectScoreFromScratch, live, shortMinutes } from '../../../test/engine/engine-kit.js';
import { CADC, hourMember, INDIVIDUAL, LCSW, mondayClinic, nineOClock, PROCESS, SKILLS } from '../../../test/engine/scenario-kit.js';
import { pairedResection } from './paired-resection.js';
import { resectionTime } from './resection-time.js';

const OFFICE = 1;
const TEN = 10 * 60;

/**
 * Monday 09:00-11:00, two hours. Process groups only the counsellor (CADC, one hour a day) may
 * lead; skills groups and individual sessions only the LCSW. a and b come at 9 and need skills, c
 * and d come at 10 and need process, w comes either hour and needs an individual session. The
 * week starts the wrong way round: process at 9 (a and b in it) beside w's session, skills at 10.
 * e and f come at 9 and need process too, so re-seating 9 alone keeps process there. The better
 * week has the two hours' mixes traded: skills at 9, process and w's session at 10.
 */
function twoHours(): Problem {
  const at = (start: string, end: string) => ({ availability: { weekly: [{ days: ['MO' as const], start, end }] } });
  const needs = (service: string) => ({ requires: [{ service, min: 1, max: 1 }] });
  const problem = mondayClinic('09:00', '11:00', {
    patients: [
      hourMember('a', { ...needs('skills'), ...at('09:00', '10:00') }),
      hourMember('b', { ...needs('skills'), ...at('09:00', '10:00') }),
      hourMember('c', { ...needs('process'), ...at('10:00', '11:00') }),
      hourMember('d', { ...needs('process'), ...at('10:00', '11:00') }),
      hourMember('w', needs('individual')),
      hourMember('e', { ...needs('process'), ...at('09:00', '10:00') }),
      hourMember('f', { ...needs('process'), ...at('09:00', '10:00') }),
    ],
  });
  problem.staff[1]!.maxDailyHours = 1;
  // One group room: one section an hour.
  problem.rooms = problem.rooms.filter((room) => room.id !== 'group-b');
  problem.services[0]!.staff = [{ credentials: ['CADC'] }];
  return problem;
}

const week = (): PlacedMeeting[] => [
  nineOClock(0, PROCESS, CADC, [0, 1, 5, 6]),
  { ...nineOClock(0, INDIVIDUAL, LCSW, [4]), track: -1, room: OFFICE },
  { ...nineOClock(0, SKILLS, LCSW, [2, 3]), start: TEN, end: TEN + 60 },
];

/** Applies `move` like the search up to `tries` times, until it changes something. */
function applyUntil(engine: Parameters<typeof applyLikeSearch>[0], move: Parameters<typeof applyLikeSearch>[1], tries: number): boolean {
  for (let k = 0; k < tries; k++) if (applyLikeSearch(engine, move)) return true;
  return false;
}

describe('paired-resection', () => {
  it('trades the two hours’ mixes: skills at 9, process and the individual session at 10, a to d served', () => {
    const problem = twoHours();
    const engine = engineWith(problem, week());
    expect(engine.state.score().hard).toBe(0);
    const before = shortMinutes(engine);
    expect(applyUntil(engine, pairedResection, 20)).toBe(true);
    const at = (start: number) => live(engine).filter((m) => m.start === start).map((m) => ({ service: m.service, staff: m.staff, patients: [...m.patients].sort() }));
    // w may take a free seat at 9 as well: minutes beyond the week's are no loss.
    expect(at(9 * 60)).toEqual([{ service: SKILLS, staff: [LCSW], patients: expect.arrayContaining([0, 1]) }]);
    expect(at(TEN)).toEqual(expect.arrayContaining([{ service: PROCESS, staff: [CADC], patients: [2, 3] }, { service: INDIVIDUAL, staff: [LCSW], patients: [4] }]));
    // e and f, who come only at 9, lose their process group: 120 short where a to d were 240.
    expect(shortMinutes(engine)).toBe(before - 120);
    expectScoreFromScratch(problem, engine);
  });

  it('is needed: re-seating one hour at a time loses on either hour, so the week stays as it was', () => {
    const engine = engineWith(twoHours(), week());
    const before = shortMinutes(engine);
    for (let k = 0; k < 20; k++) {
      const mark = engine.state.mark();
      if (resectionTime(engine)) expect(shortMinutes(engine)).toBeGreaterThanOrEqual(before);
      engine.state.rollback(mark);
    }
  });
});
