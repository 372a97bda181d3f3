/**
 * fast-check arbitraries shared by every property test: random valid problems, problems with a
 * known timetable, and timetables broken in a known way.
 *
 * @example
 * ```ts
 * import { feasibleProblemArbitrary } from '../support/arbitraries.js';
 * fc.assert(fc.property(feasibleProblemArbitrary(), ({ problem, schedule }) => checkSchedule(problem, schedule).allMet), { numRuns: 50 });
 * ```
 */
export { problemArbitrary, type ProblemArbitraryOptions } from './arbitraries/random-problem.js';
export { feasibleProblemArbitrary, type FeasibleArbitraryOptions, type FeasibleCase } from './arbitraries/feasible.js';
export { corruptedScheduleArbitrary, CORRUPTIONS, type CorruptedCase, type CorruptionCode } from './arbitraries/corrupt.js';
