import { describe, expect, it } from 'vitest';
import { compileProblem } from '../../src/compiled/compile.js';
import { groupSlots, trackServices, windowStarts } from '../../src/engine/kernel/slots.js';
import { solve } from '../../src/pipeline/solve.js';
import { Random } from '../../src/engine/kernel/random.js';
import type { Problem } from '../../src/model/problem.js';
import { tinyProblem } from '../support/tiny.js';

function withServices(durations: number[], windows: Problem['tracks'][number]['windows']): Problem {
  const problem = tinyProblem();
  problem.tracks[0]!.windows = windows;
  problem.services = [
    ...durations.map((durationMinutes, i) => ({ id: `g-${i}`, kind: 'group' as const, durationMinutes, staff: [{ credentials: ['LCSW'] }] })),
    problem.services[1]!,
  ];
  return problem;
}

describe('group slots', () => {
  it('tile each track block back to back on the grid', () => {
    const compiled = compileProblem(tinyProblem());
    const slots = groupSlots(compiled, compiled.tracks[0]!);
    expect(slots.map((s) => [s.day, s.start, s.end])).toEqual([
      [1, 1080, 1140], [1, 1140, 1200], [1, 1200, 1260],
      [2, 1080, 1140], [2, 1140, 1200], [2, 1200, 1260],
      [3, 1080, 1140], [3, 1140, 1200], [3, 1200, 1260],
    ]);
  });

  it('mix durations to cover a block, and round 50-minute sessions up to the grid', () => {
    const mixed = compileProblem(withServices([45, 60], { weekly: [{ days: ['MO'], start: '09:00', end: '10:45' }] }));
    expect(groupSlots(mixed, mixed.tracks[0]!).map((s) => [s.start, s.end - s.start])).toEqual([[540, 45], [585, 60]]);
    const fifty = compileProblem(withServices([50], { weekly: [{ days: ['MO'], start: '09:00', end: '12:00' }] }));
    expect(groupSlots(fifty, fifty.tracks[0]!).map((s) => s.start)).toEqual([540, 600, 660]);
  });

  it('follow the template when the track has one, skipping closed days', () => {
    const problem = tinyProblem();
    problem.tracks[0]!.template = [
      { service: 'process', day: 'WE', start: '19:00' },
      { service: 'process', day: 'TU', start: '18:00' },
    ];
    problem.closedDates = ['2026-11-25'];
    const compiled = compileProblem(problem);
    expect(groupSlots(compiled, compiled.tracks[0]!).map((s) => [s.day, s.start, s.services])).toEqual([[1, 1080, [0]]]);
  });

  it('list the grid starts where a session fits a window', () => {
    const compiled = compileProblem(tinyProblem());
    expect(windowStarts(compiled, compiled.tracks[0]!, 1, 60)).toEqual([1080, 1095, 1110, 1125, 1140, 1155, 1170, 1185, 1200]);
    expect(windowStarts(compiled, compiled.tracks[0]!, 0, 60)).toEqual([]);
  });
});

describe('track services', () => {
  /**
   * The tiny evening track (nine hours of windows) with a skills curriculum at most `skillsMax` a
   * week, a process group outside the curriculum, and patients who need nine hours a week.
   */
  function skillsCurriculum(skillsMax: number): Problem {
    const problem = tinyProblem();
    problem.services.push({ id: 'skills', kind: 'group', durationMinutes: 60, staff: [{ credentials: ['LCSW', 'LMFT'] }], room: { features: ['group'] } });
    problem.rooms[0]!.capacity = 4;
    problem.tracks[0]!.curriculum = [{ service: 'skills', min: 2, max: skillsMax }];
    problem.tracks[0]!.rules = { minWeeklyHours: 9, minDays: 3 };
    return problem;
  }

  it('are those of the curriculum when its maxima can fill the weekly minimum', () => {
    const compiled = compileProblem(skillsCurriculum(9));
    expect(trackServices(compiled, compiled.tracks[0]!)).toEqual([2]);
  });

  it('add the other track-bound groups when the curriculum maxima leave hours unfilled', () => {
    const compiled = compileProblem(skillsCurriculum(3));
    expect(trackServices(compiled, compiled.tracks[0]!)).toEqual([0, 2]);
  });

  it('let construction alone fill the hours the curriculum cannot', () => {
    const { report } = solve(skillsCurriculum(3), { seed: 1, maxIterations: 0 });
    expect(report.stats?.iterations).toBe(0);
    expect(report.score.hard).toBe(0);
    expect(report.allMet).toBe(true);
  });
});

describe('Random', () => {
  it('is reproducible from its seed and stays in range', () => {
    const a = new Random(42);
    const b = new Random(42);
    const draws = Array.from({ length: 200 }, () => a.int(7));
    expect(Array.from({ length: 200 }, () => b.int(7))).toEqual(draws);
    expect(draws.every((x) => Number.isInteger(x) && x >= 0 && x < 7)).toBe(true);
    expect(new Set(draws).size).toBe(7);
    expect(new Random(43).int(1_000_000)).not.toBe(new Random(42).int(1_000_000));
  });
});
