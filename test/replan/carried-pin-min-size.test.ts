import { describe, expect, it } from 'vitest';
import { checkSchedule } from '../../src/pipeline/check-schedule.js';
import { solve } from '../../src/pipeline/solve.js';
import { nextWeek } from '../../src/replan/next-week.js';
import { replan } from '../../src/replan/replan.js';
import { sampleClinic } from '../../src/sample/clinic.js';
import { addDays } from '../../src/time/week.js';

// Found by bench/sweep.ts (the weeks chain). A pinned group is carried to the next week by
// nextWeek (pins unchanged) and the discharges due by then leave it below the group's minimum.
// releaseBroken (src/engine/construct/release.ts) checked a pinned future meeting without the
// group minimum, so replan kept the pin and returned a week that breaks group-min-size.
describe('a pinned group carried below its minimum', () => {
  it('is released by replan rather than kept as a hard violation', () => {
    const problem = sampleClinic();
    const { schedule } = solve(problem, { seed: 1, maxIterations: 300, timeLimitMs: 60_000 });
    const groups = new Map(problem.services.filter((s) => s.kind === 'group').map((s) => [s.id, s.minSize ?? 1]));
    const group = schedule.meetings.find((m) => groups.has(m.service))!;
    const pinned = replan(problem, schedule, [{ kind: 'pin', meeting: group.id }], { seed: 1, maxIterations: 200, timeLimitMs: 60_000 });
    // Enough of its patients leave at the end of the week to take it below its minimum.
    const leaving = new Set(group.patients.slice(0, group.patients.length - groups.get(group.service)! + 1));
    const leavingProblem = { ...pinned.problem, patients: pinned.problem.patients.map((p) => (leaving.has(p.id) ? { ...p, dischargedOn: addDays(problem.weekStart, 7) } : p)) };
    expect(checkSchedule(leavingProblem, pinned.schedule).feasible).toBe(true);

    const carried = nextWeek(leavingProblem, pinned.schedule);
    const replanned = replan(carried.problem, carried.schedule, [], { seed: 1, maxIterations: 200, timeLimitMs: 60_000 });
    expect(checkSchedule(replanned.problem, replanned.schedule).violations.filter((v) => v.level === 'hard').map((v) => v.rule)).toEqual([]);
  });
});
