import { describe, it } from 'vitest';
import { DATE, expectBroken, expectKept, fullWeek, group, individual, tiny } from '../../test/support/rule-verifier.js';

const code = 'curriculum-max';
describe(code, () => {
  it('reports sessions over the curriculum maximum of the track whose rules apply', () => {
    const problem = tiny((p) => (p.tracks[0]!.curriculum = [{ service: 'process', max: 7 }]));
    expectBroken(code, problem, fullWeek(['p1', 'p2']), [
      { penalty: 2, patients: ['p1'] },
      { penalty: 2, patients: ['p2'] },
    ]);
  });
  it("ignores the curriculum of a track the patient's rules do not come from", () => {
    const problem = tiny((p) => {
      p.tracks.push({ id: 'day', windows: { weekly: [{ days: ['MO'], start: '09:00', end: '12:00' }] }, curriculum: [{ service: 'process', max: 1 }] });
      for (const patient of p.patients) patient.tracks = ['day', 'evening'];
    });
    expectKept(code, problem, fullWeek(['p1', 'p2']));
  });
});
