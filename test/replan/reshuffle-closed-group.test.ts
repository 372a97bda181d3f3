/**
 * A reshuffle takes the list of a service's groups once, then moves a patient out of one: when
 * that closed a group (its last patient left), the rest of the same change read the closed slot
 * and threw. The case is the one the validity fuzzing found (seed 7, case 23), kept as data.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Change } from '../../src/model/options.js';
import type { Problem } from '../../src/model/problem.js';
import type { Schedule } from '../../src/model/schedule.js';
import { checkSchedule } from '../../src/pipeline/check-schedule.js';
import { replan } from '../../src/replan/replan.js';

const fixture = JSON.parse(readFileSync(new URL('./fixtures/reshuffle-closed-group.json', import.meta.url), 'utf8')) as {
  problem: Problem;
  schedule: Schedule;
  changes: Change[];
};

describe('replan serving moves', () => {
  it('survives a reshuffle that closes a group it had listed', () => {
    const result = replan(fixture.problem, fixture.schedule, fixture.changes, { seed: 1, maxIterations: 200, timeLimitMs: 60_000 });
    expect(checkSchedule(result.problem, result.schedule).feasible).toBe(true);
  });
});
