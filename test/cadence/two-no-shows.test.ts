/**
 * Scenario: a patient misses two groups on Tuesday; replan makes them up the same week where
 * capacity allows (Friday's groups have a free seat), and the returned problem's ledger records
 * both no-shows, which the next week's history keeps.
 */
import { describe, expect, it } from 'vitest';
import { replan } from '../../src/replan/replan.js';
import { nextWeek } from '../../src/replan/next-week.js';
import { group } from '../support/rule-verifier.js';
import { scheduleOf, tinyProblem } from '../support/tiny.js';
import type { Problem } from '../../src/model/problem.js';
import type { Meeting } from '../../src/model/schedule.js';

function clinic(): Problem {
  const problem = tinyProblem();
  problem.tracks[0]!.windows = { weekly: [{ days: ['TU', 'WE', 'TH', 'FR'], start: '18:00', end: '21:00' }] };
  problem.rooms.push({ id: 'room-b', capacity: 3, features: ['group'] });
  return problem;
}

/** p1, p2 Tuesday to Thursday in room A; p3, p4 Wednesday to Friday in room B (a free seat each). */
function published(): Meeting[] {
  const meetings: Meeting[] = [];
  for (const day of ['TU', 'WE', 'TH'] as const) {
    for (const start of ['18:00', '19:00', '20:00']) meetings.push(group(`a-${day}-${start.slice(0, 2)}`, day, start, ['p1', 'p2']));
  }
  for (const day of ['WE', 'TH', 'FR'] as const) {
    for (const start of ['18:00', '19:00', '20:00']) meetings.push(group(`b-${day}-${start.slice(0, 2)}`, day, start, ['p3', 'p4'], { room: 'room-b', staff: ['clin-2'] }));
  }
  return meetings;
}

describe('two no-shows', () => {
  it('are made up the same week when capacity allows, and recorded in the ledger', () => {
    const missed = [
      { kind: 'missed' as const, patient: 'p1', meeting: 'a-TU-18' },
      { kind: 'missed' as const, patient: 'p1', meeting: 'a-TU-19' },
    ];
    const result = replan(clinic(), scheduleOf(published()), missed, { seed: 1, maxIterations: 2_000, timeLimitMs: 60_000, asOf: '2026-11-24T20:00:00-08:00' });
    const p1 = result.report.patients.find((row) => row.patient === 'p1')!;
    expect(p1.met).toBe(true);
    expect(p1.hours).toBeGreaterThanOrEqual(9);
    const attended = result.schedule.meetings.filter((m) => m.patients.includes('p1'));
    expect(attended.filter((m) => m.date > '2026-11-24' && !published().some((old) => old.id === m.id && old.patients.includes('p1'))).length).toBeGreaterThanOrEqual(2);
    expect(result.schedule.meetings.filter((m) => m.noShows?.includes('p1')).map((m) => m.id).sort()).toEqual(['a-TU-18', 'a-TU-19']);
    expect(result.problem.patients[0]!.history).toEqual([
      { service: 'process', date: '2026-11-24', status: 'no-show' },
      { service: 'process', date: '2026-11-24', status: 'no-show' },
    ]);
    const next = nextWeek(result.problem, result.schedule).problem.patients[0]!.history!;
    expect(next.filter((e) => e.status === 'no-show')).toHaveLength(2);
    expect(next.filter((e) => e.status === 'attended').length).toBe(attended.length);
  });
});
