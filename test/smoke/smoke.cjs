// Requires the built package by name, as a CommonJS consumer would, and solves a small week.
const assert = require('node:assert/strict');
const library = require('iop-scheduler');

(async () => {
  const { smokeProblem } = await import('./problem.mjs');
  const problem = smokeProblem();
  assert.equal(library.validateProblem(42).ok, false);
  const solved = library.solve(problem, { seed: 3, maxIterations: 300, timeLimitMs: 20_000 });
  assert.equal(library.checkSchedule(problem, solved.schedule).feasible, true);
  const rruleMeetings = solved.schedule.meetings.filter((m) => m.patients.includes('p-rrule'));
  assert.ok(rruleMeetings.length > 0 && rruleMeetings.every((m) => m.day === 'TU'), 'RRULE availability expanded');
  const inWorker = await library.solveInWorker(problem, { seed: 3, maxIterations: 300, timeLimitMs: 20_000 });
  assert.deepEqual(inWorker.schedule, solved.schedule);
  console.log(`CJS smoke test passed: ${solved.schedule.meetings.length} meetings, worker agrees`);
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
