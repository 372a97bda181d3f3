/**
 * The staff work rules laid on any valid problem, for properties: every group keeps 10 minutes of
 * notes time, even-numbered staff take a 30-minute break in two hour-long windows (morning and
 * evening, where the generated tracks run), odd-numbered staff work at most two hours on end.
 *
 * @example
 * ```ts
 * const { schedule } = solve(withStaffWork(problem), { seed: 1, maxIterations: 300, timeLimitMs: 60_000 });
 * ```
 */
import type { Problem } from '../../src/model/problem.js';

export function withStaffWork(problem: Problem): Problem {
  return {
    ...problem,
    services: problem.services.map((service) => (service.kind === 'group' ? { ...service, notesMinutes: 10 } : service)),
    staff: problem.staff.map((member, i) =>
      i % 2 === 0
        ? { ...member, breaks: [{ minutes: 30, within: { start: '09:30', end: '10:30' } }, { minutes: 30, within: { start: '18:00', end: '19:00' } }] }
        : { ...member, maxContinuousMinutes: 120 },
    ),
  };
}
