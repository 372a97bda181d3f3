import { describe, expect, it } from 'vitest';
import { compileProblem } from '../compiled/compile.js';
import { SlotSet } from '../time/slot-set.js';
import { SLOTS_PER_DAY } from '../time/week.js';
import { tinyProblem } from '../../test/support/tiny.js';
import { buildReach, fitRuns, lenientRules, patientBound, patientServiceSlots, seatsFilled } from './reach.js';

describe('fitRuns', () => {
  it('keeps runs long enough for a whole meeting and drops shorter ones', () => {
    const set = new SlotSet();
    set.addRange(10, 22); // 12 slots: one hour
    set.addRange(30, 35); // 5 slots
    const fitted = fitRuns(set, 12);
    expect(fitted.size()).toBe(12);
    expect(fitted.has(30)).toBe(false);
  });

  it('never joins the end of one day to the start of the next', () => {
    const set = new SlotSet();
    set.addRange(SLOTS_PER_DAY - 6, SLOTS_PER_DAY + 6);
    expect(fitRuns(set, 12).size()).toBe(0);
  });
});

describe('seatsFilled', () => {
  it('needs distinct staff for each seat of a co-facilitated group', () => {
    const problem = tinyProblem();
    problem.services[0]!.staff = [{ credentials: ['LCSW'] }, { credentials: ['LCSW', 'LMFT'] }];
    const compiled = compileProblem(problem);
    expect(seatsFilled(compiled.services[0]!, () => true)).toBe(2);
    expect(seatsFilled(compiled.services[0]!, (s) => s === 0)).toBe(1);
  });
});

describe('patientServiceSlots', () => {
  it('is the patient availability inside the track windows, whole meetings only', () => {
    const problem = tinyProblem();
    problem.patients[0]!.availability = { weekly: [{ days: ['TU'], start: '18:30', end: '22:00' }] };
    const reach = buildReach(compileProblem(problem));
    // Tue 18:30-21:00: 150 minutes, 30 slots.
    expect(patientServiceSlots(reach, 0, 0).size()).toBe(30);
    expect(patientServiceSlots(reach, 0, 0, { ignoreAvailability: true }).size()).toBe(108);
  });

  it('is empty for a service the patient is not eligible for', () => {
    const problem = tinyProblem();
    problem.services[0]!.eligibility = { requireTags: ['age:adolescent'] };
    expect(patientServiceSlots(buildReach(compileProblem(problem)), 0, 0).size()).toBe(0);
  });
});

describe('lenientRules and patientBound', () => {
  it('takes the most lenient targets over every track the patient may belong to', () => {
    const problem = tinyProblem();
    problem.tracks.push({ id: 'day', windows: { weekly: [{ days: ['MO'], start: '09:00', end: '12:00' }] }, rules: { minWeeklyHours: 6, minDays: 2 } });
    problem.patients[0]!.tracks = ['evening', 'day'];
    const rules = lenientRules(compileProblem(problem), 0);
    expect(rules).toMatchObject({ minWeeklyHours: 6, minDays: 2, maxWeeklyHours: 19 });
  });

  it('counts individual sessions anywhere the patient is free, unless capped', () => {
    const bound = patientBound(buildReach(compileProblem(tinyProblem())), 0);
    expect(bound.dayMinutes).toEqual([1440, 1440, 1440, 1440, 1440, 1440, 1440]);
    expect(bound.weekMinutes).toBe(19 * 60);
  });

  it('bounds the week by the windows, the daily maximum and the maximum days', () => {
    const problem = tinyProblem();
    problem.patients[0]!.rules = { maxDailyHours: 2, maxDays: 2 };
    problem.patients[0]!.requires = [{ service: 'individual', max: 0 }];
    const bound = patientBound(buildReach(compileProblem(problem)), 0);
    expect(bound.dayMinutes.slice(0, 5)).toEqual([0, 120, 120, 120, 0]);
    expect(bound.weekMinutes).toBe(240);
  });
});
