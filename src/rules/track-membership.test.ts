import { describe, it } from 'vitest';
import { DATE, expectBroken, expectKept, group, individual, tiny } from '../../test/support/rule-verifier.js';

const code = 'track-membership';
const problem = (): ReturnType<typeof tiny> =>
  tiny((p) => {
    p.tracks.push({ id: 'day', windows: { weekly: [{ days: ['MO'], start: '09:00', end: '12:00' }] } });
    p.patients[0]!.tracks = ['day'];
  });
describe(code, () => {
  it('reports a patient in a meeting of a track they are not in', () => {
    expectBroken(code, problem(), [group('g1', 'TU', '18:00', ['p1', 'p2'])], [{ penalty: 1, patients: ['p1'], meetings: ['g1'], date: DATE.TU }]);
  });
  it('accepts members of the track and sessions with no track', () => {
    expectKept(code, problem(), [group('g1', 'TU', '18:00', ['p2', 'p3']), individual('i1', 'TU', '18:00', 'p1', { staff: ['clin-2'] })]);
  });
});
