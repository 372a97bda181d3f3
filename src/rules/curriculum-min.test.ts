import { describe, expect, it } from 'vitest';
import { DATE, expectBroken, expectKept, fullWeek, group, individual, reportOf, tiny } from '../../test/support/rule-verifier.js';

const code = 'curriculum-min';
const problem = (): ReturnType<typeof tiny> =>
  tiny((p) => {
    p.patients = p.patients.slice(0, 2);
    p.tracks[0]!.curriculum = [{ service: 'individual', min: 1 }];
  });
describe(code, () => {
  it('reports sessions short x the service duration, with the service in the unmet entry', () => {
    expectBroken(code, problem(), [...fullWeek(['p1', 'p2']), individual('i1', 'MO', '10:00', 'p1')], [{ penalty: 60, patients: ['p2'] }]);
    const unmet = reportOf(problem(), fullWeek(['p1', 'p2'])).unmet.filter((u) => u.rule === code);
    expect(unmet).toEqual([expect.objectContaining({ patient: 'p1', service: 'individual', shortfall: 60 }), expect.objectContaining({ patient: 'p2', service: 'individual' })]);
  });
  it("takes the curriculum from the track whose rules apply, not the patient's first track", () => {
    const problem = tiny((p) => {
      p.patients = p.patients.slice(0, 2);
      p.tracks.push({ id: 'day', windows: { weekly: [{ days: ['MO'], start: '09:00', end: '12:00' }] }, curriculum: [{ service: 'individual', min: 1 }] });
      for (const patient of p.patients) patient.tracks = ['day', 'evening'];
    });
    expectKept(code, problem, fullWeek(['p1', 'p2']));
    expect(reportOf(problem, fullWeek(['p1', 'p2'])).patients[0]!.track).toBe('evening');
  });
});
