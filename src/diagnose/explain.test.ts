import { describe, expect, it } from 'vitest';
import { checkSchedule } from '../pipeline/check-schedule.js';
import { meeting, scheduleOf, tinyProblem } from '../../test/support/tiny.js';
import { solve } from '../pipeline/solve.js';
import { applyRepair, explain } from './explain.js';
import type { SolveFunction } from './repairs.js';

function shortWeek() {
  const problem = tinyProblem();
  problem.services = problem.services.filter((s) => s.kind === 'group');
  problem.rooms.push({ id: 'room-b', capacity: 6, features: ['group'], availability: { weekly: [{ days: ['MO'], start: '09:00', end: '12:00' }] } });
  const schedule = scheduleOf(
    (['TU', 'WE', 'TH'] as const).flatMap((day) =>
      ['18:00', '19:00', '20:00'].map((start, i) =>
        meeting({ id: `${day}-${i}`, service: 'process', track: 'evening', day, start, room: 'room-a', staff: ['clin-1'], patients: ['p1', 'p2', 'p3'] }),
      ),
    ),
  );
  return { problem, schedule, report: checkSchedule(problem, schedule) };
}

describe('explain', () => {
  it('without a solver, gives causes and unverified repairs, and leaves its inputs alone', () => {
    const { problem, schedule, report } = shortWeek();
    const before = structuredClone({ problem, schedule, report });
    const explained = explain(problem, { schedule, report });
    expect({ problem, schedule, report }).toEqual(before);
    const p4 = explained.unmet.find((u) => u.patient === 'p4' && u.rule === 'patient-min-weekly-hours')!;
    expect(p4.causes.map((c) => c.code)).toContain('room-capacity');
    expect(p4.repairs.length).toBeGreaterThan(0);
    expect(p4.repairs.every((r) => r.verified === false)).toBe(true);
    expect(p4.repairs[0]!.message).toBe('Open room-b Tue 18:00-21:00, Wed 18:00-21:00, Thu 18:00-21:00');
  });

  it('with an aborted signal, runs no re-solve: causes not analysed, repairs unverified', () => {
    const { problem, schedule, report } = shortWeek();
    const controller = new AbortController();
    controller.abort();
    let solves = 0;
    const counting: SolveFunction = (p, o) => {
      solves += 1;
      return solve(p, o);
    };
    const explained = explain(problem, { schedule, report }, { solve: counting, signal: controller.signal });
    expect(solves).toBe(0);
    expect(explained.unmet.length).toBeGreaterThan(0);
    for (const entry of explained.unmet) {
      expect(entry.causes.map((c) => c.code)).toContain('not-analysed');
      expect(entry.repairs.every((r) => r.verified === false)).toBe(true);
    }
  });

  it('gives each re-solve a slice of its budget, never more than what is left', () => {
    const { problem, schedule, report } = shortWeek();
    const limits: number[] = [];
    const recording: SolveFunction = (p, o) => {
      limits.push(o.timeLimitMs!);
      return solve(p, { ...o, timeLimitMs: 60_000 });
    };
    explain(problem, { schedule, report }, { solve: recording, timeLimitMs: 60_000, totalTimeLimitMs: 30_000, maxIterations: 200 });
    expect(limits.length).toBeGreaterThan(1);
    for (const limit of limits) expect(limit).toBeLessThanOrEqual(30_000);
  });

  it('applies a listed repair to a copy of the problem', () => {
    const { problem, schedule, report } = shortWeek();
    const explained = explain(problem, { schedule, report });
    const changed = applyRepair(problem, explained, explained.unmet[0]!.repairs[0]!);
    expect(changed?.rooms[2]!.availability!.weekly).toHaveLength(4);
    expect(problem.rooms[2]!.availability!.weekly).toHaveLength(1);
    expect(applyRepair(problem, explained, { kind: 'open-room', message: 'Open the moon' })).toBeUndefined();
  });
});
