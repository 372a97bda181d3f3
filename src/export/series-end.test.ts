import { describe, expect, it } from 'vitest';
import { meeting, tinyProblem } from '../../test/support/tiny.js';
import { seriesUntil } from './series-end.js';

describe('seriesUntil', () => {
  const problem = tinyProblem();
  problem.patients = problem.patients.map((p) => (p.id === 'p1' ? { ...p, dischargedOn: '2026-12-10' } : p.id === 'p2' ? { ...p, dischargedOn: '2026-12-17' } : p));
  const group = meeting({ id: 'g', service: 'process', day: 'TU', start: '18:00', patients: ['p1', 'p2'] });

  it("is one second before the discharge's midnight in the clinic's zone, for the patient's calendar", () => {
    expect(seriesUntil(problem, group, 'p1')?.toISOString()).toBe('2026-12-10T07:59:59.000Z');
  });

  it('is the latest discharge of the roster, no-shows included, and none when anyone stays', () => {
    expect(seriesUntil(problem, group)?.toISOString()).toBe('2026-12-17T07:59:59.000Z');
    expect(seriesUntil(problem, { ...group, noShows: ['p3'] })).toBeUndefined();
    expect(seriesUntil(problem, { ...group, patients: [] })).toBeUndefined();
  });
});
