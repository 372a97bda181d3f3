import { describe, expect, it } from 'vitest';
import { checkSchedule } from './check-schedule.js';
import { meeting, scheduleOf, tinyProblem } from '../../test/support/tiny.js';
import { applyRepair, explain } from './explain.js';

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
  it('with verify: false, gives causes and unverified repairs, and leaves its inputs alone', () => {
    const { problem, schedule, report } = shortWeek();
    const before = structuredClone({ problem, schedule, report });
    const explained = explain(problem, { schedule, report }, { verify: false });
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
    const explained = explain(problem, { schedule, report }, { signal: controller.signal });
    expect(explained.unmet.length).toBeGreaterThan(0);
    for (const entry of explained.unmet) {
      expect(entry.causes.map((c) => c.code)).toContain('not-analysed');
      expect(entry.repairs.every((r) => r.verified === false)).toBe(true);
    }
  });

  it('verifies with its own solver (no solve argument) inside one budget, and still accepts the old shape', () => {
    const { problem, schedule, report } = shortWeek();
    const options = { seed: 1, maxIterations: 200, maxCandidates: 2, timeLimitMs: 60_000 };
    const explained = explain(problem, { schedule, report }, options);
    const p4 = explained.unmet.find((u) => u.patient === 'p4' && u.rule === 'patient-min-weekly-hours')!;
    expect(p4.repairs[0]).toMatchObject({ verified: true });
    // The deprecated `solve` is ignored: the same list as without it.
    const fake = () => {
      throw new Error('never called');
    };
    expect(explain(problem, { schedule, report }, { ...options, solve: fake })).toEqual(explained);
    // A budget spent before the re-solves leaves every candidate unverified.
    const none = explain(problem, { schedule, report }, { ...options, timeLimitMs: 0 });
    for (const entry of none.unmet) expect(entry.repairs.every((r) => r.verified === false)).toBe(true);
  });

  it('aborted once the re-solves begin: every candidate listed and said to be unverified, none measured', () => {
    const { problem, schedule, report } = shortWeek();
    const controller = new AbortController();
    const onProgress = (progress: { phase: string }): void => {
      if (progress.phase === 'explain') controller.abort();
    };
    const explained = explain(problem, { schedule, report }, { signal: controller.signal, onProgress, maxIterations: 200 });
    const p4 = explained.unmet.find((u) => u.patient === 'p4' && u.rule === 'patient-min-weekly-hours')!;
    expect(p4.repairs.length).toBeGreaterThan(0);
    for (const repair of p4.repairs) expect(repair).toMatchObject({ verified: false, message: expect.stringMatching(/\(not verified: the call was aborted\)$/) });
  });

  it('gives the same list for the same input, whatever the time limit (iterations bound the re-solves)', () => {
    const { problem, schedule, report } = shortWeek();
    const options = { seed: 3, maxIterations: 300, maxCandidates: 3 };
    const first = explain(problem, { schedule, report }, { ...options, timeLimitMs: 60_000 });
    const second = explain(problem, { schedule, report }, { ...options, timeLimitMs: 120_000 });
    expect(first.unmet.some((u) => u.repairs.some((r) => r.verified))).toBe(true);
    expect(second).toEqual(first);
  });

  it('applies a listed repair to a copy of the problem', () => {
    const { problem, schedule, report } = shortWeek();
    const explained = explain(problem, { schedule, report }, { verify: false });
    const changed = applyRepair(problem, explained, explained.unmet[0]!.repairs[0]!);
    expect(changed?.rooms[2]!.availability!.weekly).toHaveLength(4);
    expect(problem.rooms[2]!.availability!.weekly).toHaveLength(1);
    expect(applyRepair(problem, explained, { kind: 'open-room', message: 'Open the moon' })).toBeUndefined();
  });
});
