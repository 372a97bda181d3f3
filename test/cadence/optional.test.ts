/**
 * Optional sessions are placed when they cost no requirement (rule `optional-sessions`). Before
 * the rule, 0 of these 10 were placed: nothing in the solver served a session nobody was short of.
 */
import { describe, expect, it } from 'vitest';
import { solve } from '../../src/pipeline/solve.js';
import { tinyProblem } from '../support/tiny.js';
import type { Problem } from '../../src/model/problem.js';

const options = { seed: 1, maxIterations: 3_000, timeLimitMs: 60_000 };

/**
 * An evening clinic of ten patients with room to spare: three clinicians, a group room for all,
 * two offices; each patient may have one individual session (`min: 0, max: 1`).
 */
function tenOptional(optional = true): Problem {
  const problem = tinyProblem();
  problem.staff.push({ id: 'clin-3', credentials: ['LCSW'] });
  problem.rooms = [
    { id: 'room-a', capacity: 12, features: ['group'] },
    { id: 'office-1', capacity: 1 },
    { id: 'office-2', capacity: 1 },
  ];
  problem.patients = Array.from({ length: 10 }, (_, i) => ({
    id: `p${i + 1}`,
    tracks: ['evening'],
    ...(optional ? { requires: [{ service: 'individual', min: 0, max: 1 }] } : {}),
  }));
  return problem;
}

const placed = (result: ReturnType<typeof solve>): number =>
  new Set(result.schedule.meetings.filter((m) => m.service === 'individual').flatMap((m) => m.patients)).size;

describe('optional sessions', () => {
  it('are placed when capacity allows, at no requirement cost', () => {
    const baseline = solve(tenOptional(false), options);
    const result = solve(tenOptional(), options);
    expect(placed(result)).toBe(10);
    expect(result.report.score.hard).toBe(0);
    expect(result.report.score.requirement).toBeLessThanOrEqual(baseline.report.score.requirement);
    expect(result.report.byRule.find((r) => r.rule === 'optional-sessions')).toMatchObject({ violations: 0 });
  });
  it('are left out when the rule weighs nothing (as before it existed)', () => {
    expect(placed(solve(tenOptional(), { ...options, weights: { 'optional-sessions': 0 } }))).toBe(0);
  });
});
