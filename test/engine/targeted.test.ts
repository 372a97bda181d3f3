import { describe, expect, it } from 'vitest';
import { compileProblem } from '../../src/compiled/compile.js';
import { settle, type Engine } from '../../src/engine/kernel/engine.js';
import { createEngine } from '../../src/engine/kernel/create.js';
import { exchangeGroupServices } from '../../src/engine/moves/exchange-services.js';
import { splitOffGroup } from '../../src/engine/moves/split-off-group.js';
import { switchService } from '../../src/engine/moves/switch-service.js';
import { assertValidProblem } from '../../src/input/validate.js';
import type { Patient, Problem } from '../../src/model/problem.js';
import { allRules } from '../../src/rules/catalogue.js';
import type { PlacedMeeting } from '../../src/rules/types.js';
import { live, shortMinutes } from './engine-kit.js';
import { clinic, nineOClock } from './scenario-kit.js';

/** An evening track of two 90-minute blocks, a 45-minute check-in group and a 90-minute process group. */
function eveningClinic(patients: string[]): Problem {
  const base = clinic();
  return {
    ...base,
    tracks: [{ id: 'evening', windows: { weekly: [{ days: ['MO', 'TU'], start: '18:00', end: '19:30' }] } }],
    services: [
      { id: 'check-in', kind: 'group', durationMinutes: 45, minSize: 1, maxSize: 4, staff: [{ credentials: ['LCSW'] }], room: { features: ['group'] } },
      { id: 'process', kind: 'group', durationMinutes: 90, minSize: 1, maxSize: 4, staff: [{ credentials: ['LCSW'] }], room: { features: ['group'] } },
    ],
    patients: patients.map((id): Patient => ({ id, tracks: ['evening'], rules: { minWeeklyHours: 1.5, maxWeeklyHours: 3, minDays: 1 } })),
  };
}

/** A check-in on Monday 18:00 attended by `patients` (indexes). */
function mondayCheckIn(patients: number[]): PlacedMeeting {
  return { id: 'm-0', service: 0, track: 0, day: 0, start: 18 * 60, end: 18 * 60 + 45, room: 0, telehealth: false, staff: [0], patients, pinned: false };
}

/**
 * A day track meeting Monday and Friday 09:00-10:00; process groups may be led by the LCSW or the
 * counsellor (CADC), skills groups by the LCSW only.
 */
function processAndSkills(patients: Patient[], curriculum?: NonNullable<Problem['tracks'][number]['curriculum']>): Problem {
  return {
    ...clinic(),
    tracks: [{ id: 'day', windows: { weekly: [{ days: ['MO', 'FR'], start: '09:00', end: '10:00' }] }, ...(curriculum ? { curriculum } : {}) }],
    services: [
      { id: 'process', kind: 'group', durationMinutes: 60, minSize: 2, maxSize: 8, staff: [{ credentials: ['LCSW', 'CADC'] }], room: { features: ['group'] } },
      { id: 'skills', kind: 'group', durationMinutes: 60, minSize: 2, maxSize: 8, staff: [{ credentials: ['LCSW'] }], room: { features: ['group'] } },
    ],
    staff: [
      { id: 'lcsw', credentials: ['LCSW'] },
      { id: 'cadc', credentials: ['CADC'] },
    ],
    patients,
  };
}

/** Applies `move` on fresh engines with seeds 0, 1, ... until it applies with 0 hard; the engine it applied on. */
function applyOnce(problem: Problem, initial: PlacedMeeting[], move: (engine: Engine) => boolean): Engine {
  const compiled = compileProblem(assertValidProblem(problem));
  for (let seed = 0; seed < 200; seed++) {
    const engine = createEngine(compiled, allRules(), new Map(), seed, { initial });
    const mark = engine.state.mark();
    if (move(engine) && settle(engine, mark, 0)) {
      engine.state.commit();
      return engine;
    }
  }
  throw new Error('the move never applied');
}

describe('moves aimed at short patients', () => {
  it('switch-service turns a short group into a longer service at a time of the same day it fits, for a patient short of hours', () => {
    const problem = eveningClinic(['a']);
    const compiled = compileProblem(assertValidProblem(problem));
    const before = createEngine(compiled, allRules(), new Map(), 0, { initial: [mondayCheckIn([0])] });
    expect(shortMinutes(before)).toBe(45);
    const engine = applyOnce(problem, [mondayCheckIn([0])], switchService);
    const meetings = live(engine);
    expect(meetings.map((m) => ({ service: m.service, day: m.day, start: m.start, end: m.end, patients: m.patients }))).toEqual([
      { service: 1, day: 0, start: 18 * 60, end: 19 * 60 + 30, patients: [0] },
    ]);
    expect(engine.state.score().hard).toBe(0);
    expect(engine.state.score().requirement).toBe(0);
  });

  it('switch-service exchanges services with a group at another time when a plain switch would take members past their maximum', () => {
    // Skills: exactly one a week. x and y have theirs on Monday and sit with p in Friday's process
    // group; p comes only on Fridays. Friday cannot simply become skills (x and y would have two),
    // so Monday's group becomes process and Friday's skills, led by the one clinician who may.
    const problem = processAndSkills(
      [
        { id: 'p', tracks: ['day'], rules: { minWeeklyHours: 1, minDays: 1 }, availability: { weekly: [{ days: ['FR'], start: '09:00', end: '10:00' }] } },
        { id: 'x', tracks: ['day'], rules: { minWeeklyHours: 2, minDays: 1 } },
        { id: 'y', tracks: ['day'], rules: { minWeeklyHours: 2, minDays: 1 } },
      ],
      [{ service: 'skills', min: 1, max: 1 }],
    );
    const initial = [nineOClock(0, 1, 0, [1, 2]), nineOClock(4, 0, 1, [0, 1, 2])];
    const compiled = compileProblem(assertValidProblem(problem));
    expect(shortMinutes(createEngine(compiled, allRules(), new Map(), 0, { initial }))).toBe(60);
    const engine = applyOnce(problem, initial, switchService);
    const meetings = live(engine).map((m) => ({ day: m.day, service: m.service, staff: m.staff, patients: m.patients }));
    expect(meetings.sort((a, b) => a.day - b.day)).toEqual([
      { day: 0, service: 0, staff: [0], patients: [1, 2] },
      { day: 4, service: 1, staff: [0], patients: [0, 1, 2] },
    ]);
    expect(engine.state.score()).toMatchObject({ hard: 0, requirement: 0 });
  });

  it('exchange-services swaps the services of two groups of a track, with a leader each may have, and keeps every member\'s count of each', () => {
    // Monday's skills and Friday's process group hold the same two patients. After the exchange
    // Friday's group is skills, which the counsellor (CADC) may not lead: the LCSW takes it.
    const problem = processAndSkills(['x', 'y'].map((id): Patient => ({ id, tracks: ['day'], rules: { minWeeklyHours: 2, minDays: 1 } })));
    const engine = applyOnce(problem, [nineOClock(0, 1, 0, [0, 1]), nineOClock(4, 0, 1, [0, 1])], exchangeGroupServices);
    const meetings = live(engine).sort((a, b) => a.day - b.day);
    expect(meetings.map((m) => ({ day: m.day, service: m.service }))).toEqual([
      { day: 0, service: 0 },
      { day: 4, service: 1 },
    ]);
    expect(meetings[1]!.staff).toEqual([0]);
    for (const p of [0, 1]) for (const s of [0, 1]) expect(meetings.filter((m) => m.service === s && m.patients.includes(p)).length).toBe(1);
    expect(engine.state.score().hard).toBe(0);
  });

  it('split-off-group moves a patient out of a shared group into a new group of the same service at another time', () => {
    const engine = applyOnce(eveningClinic(['a', 'b']), [mondayCheckIn([0, 1])], splitOffGroup);
    const meetings = live(engine);
    expect(engine.state.score().hard).toBe(0);
    // Nobody loses or gains a check-in: the session is kept, only its time changes.
    for (const p of [0, 1]) expect(meetings.filter((m) => m.service === 0 && m.patients.includes(p)).length).toBe(1);
    expect(meetings.every((m) => m.service === 0)).toBe(true);
    expect(meetings.some((m) => m.day !== 0 || m.start !== 18 * 60)).toBe(true);
  });
});
